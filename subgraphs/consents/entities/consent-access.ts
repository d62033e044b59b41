/** @module What a consent grants access to (stored as one json column), in Berlin Group terms. */
import { Field, ObjectType } from "type-graphql";
import { AllAccountsScope } from "./consent-enums.js";

@ObjectType({ description: "An account named in a consent: its IBAN and, when the TPP gave one, its currency." })
export class ConsentAccountReference {
  @Field(() => String, { description: "IBAN in electronic format (no spaces, upper case)." }) iban!: string;
  @Field(() => String, { nullable: true, description: "ISO 4217 code; null means every currency sub-account of the IBAN." })
  currency?: string | null;
}

@ObjectType({ description: "PIIS (confirmation of funds): the one account and, optionally, the card it serves." })
export class FundsConfirmationAccess {
  @Field(() => ConsentAccountReference) account!: ConsentAccountReference;
  @Field(() => String, { nullable: true }) cardNumber?: string | null;
  @Field(() => String, { nullable: true, description: "Expiry of the card, as the TPP sent it (e.g. 12/28)." }) cardExpiryDate?: string | null;
  @Field(() => String, { nullable: true }) cardInformation?: string | null;
  @Field(() => String, { nullable: true }) registrationInformation?: string | null;
}

@ObjectType({
  description:
    "Berlin Group access: per-IBAN lists, or one of availableAccounts / availableAccountsWithBalance / allPsd2 (AIS); fundsConfirmation (PIIS).",
})
export class ConsentAccess {
  @Field(() => [ConsentAccountReference]) accounts!: ConsentAccountReference[];
  @Field(() => [ConsentAccountReference]) balances!: ConsentAccountReference[];
  @Field(() => [ConsentAccountReference]) transactions!: ConsentAccountReference[];
  @Field(() => AllAccountsScope, { nullable: true }) availableAccounts?: AllAccountsScope | null;
  @Field(() => AllAccountsScope, { nullable: true }) availableAccountsWithBalance?: AllAccountsScope | null;
  @Field(() => AllAccountsScope, { nullable: true }) allPsd2?: AllAccountsScope | null;
  @Field(() => FundsConfirmationAccess, { nullable: true }) fundsConfirmation?: FundsConfirmationAccess | null;
}

/** Every IBAN the access names, once each, in the order first named. */
export function ibansOf(access: ConsentAccess): string[] {
  const refs = [...access.accounts, ...access.balances, ...access.transactions];
  if (access.fundsConfirmation) refs.push(access.fundsConfirmation.account);
  return [...new Set(refs.map((r) => r.iban))];
}
