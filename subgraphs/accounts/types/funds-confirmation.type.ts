import { Field, InputType, ObjectType } from "type-graphql";

@InputType({ description: "Is this amount available on the account? (Berlin Group confirmation of funds)" })
export class FundsConfirmationInput {
  @Field(() => String, { description: "IBAN of the account (any spacing or case)." }) iban!: string;
  @Field(() => String, { description: 'Decimal string, e.g. "12.50".' }) amount!: string;
  @Field(() => String, { description: "ISO 4217 code of the amount." }) currency!: string;
}

@ObjectType({ description: "The bank's answer to a confirmation of funds." })
export class FundsConfirmation {
  @Field(() => Boolean) fundsAvailable!: boolean;
}
