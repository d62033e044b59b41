/** @module Other subgraphs' entities as this subgraph sees them: their keys only. */
import { Directive, Field, ID, ObjectType } from "type-graphql";

@Directive('@key(fields: "id", resolvable: false)')
@ObjectType("Bank")
export class BankReference {
  @Field(() => ID, { description: 'Bank slug, e.g. "musterbank".' }) id!: string;
}

@Directive('@key(fields: "id", resolvable: false)')
@ObjectType("Tpp")
export class TppReference {
  @Field(() => ID) id!: string;
}

/** Resolvable here, by IBAN, because this subgraph adds `Account.payments`. */
@Directive('@key(fields: "iban")')
@ObjectType("Account")
export class AccountReference {
  @Field(() => String) iban!: string;
}
