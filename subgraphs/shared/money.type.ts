/** @module The GraphQL shape of an amount: a decimal string and its currency, as Berlin Group sends it. */
import { Directive, Field, ObjectType } from "type-graphql";
import { formatAmount } from "./money.js";

@Directive("@shareable")
@ObjectType({ description: "An amount as a decimal string (never a float) in an ISO 4217 currency." })
export class Money {
  @Field(() => String, { description: 'Decimal string, e.g. "1234.50".' }) amount!: string;
  @Field(() => String, { description: "ISO 4217 code." }) currency!: string;

  static of(minor: bigint | number | string, currency: string): Money {
    return Object.assign(new Money(), { amount: formatAmount(minor, currency), currency });
  }
}
