import { Field, ID, InputType, Int, ObjectType } from "type-graphql";
import { Consent } from "../../entities/consent.entity.js";
import { AllAccountsScope, ConsentType } from "../../entities/consent-enums.js";

@InputType({ description: "An account reference: IBAN (spaces allowed) and, optionally, the currency sub-account." })
export class ConsentAccountReferenceInput {
  @Field(() => String) iban!: string;
  @Field(() => String, { nullable: true, description: "ISO 4217 code." }) currency?: string | null;
}

@InputType()
export class FundsConfirmationAccessInput {
  @Field(() => ConsentAccountReferenceInput) account!: ConsentAccountReferenceInput;
  @Field(() => String, { nullable: true }) cardNumber?: string | null;
  @Field(() => String, { nullable: true }) cardExpiryDate?: string | null;
  @Field(() => String, { nullable: true }) cardInformation?: string | null;
  @Field(() => String, { nullable: true }) registrationInformation?: string | null;
}

@InputType({
  description:
    "AIS: accounts/balances/transactions lists, or exactly one of availableAccounts, availableAccountsWithBalance (one-off only) or allPsd2. " +
    "PIS: accounts (the debtor accounts). PIIS: fundsConfirmation.",
})
export class ConsentAccessInput {
  @Field(() => [ConsentAccountReferenceInput], { defaultValue: [] }) accounts!: ConsentAccountReferenceInput[];
  @Field(() => [ConsentAccountReferenceInput], { defaultValue: [] }) balances!: ConsentAccountReferenceInput[];
  @Field(() => [ConsentAccountReferenceInput], { defaultValue: [] }) transactions!: ConsentAccountReferenceInput[];
  @Field(() => AllAccountsScope, { nullable: true }) availableAccounts?: AllAccountsScope | null;
  @Field(() => AllAccountsScope, { nullable: true }) availableAccountsWithBalance?: AllAccountsScope | null;
  @Field(() => AllAccountsScope, { nullable: true }) allPsd2?: AllAccountsScope | null;
  @Field(() => FundsConfirmationAccessInput, { nullable: true }) fundsConfirmation?: FundsConfirmationAccessInput | null;
}

@InputType({ description: "A TPP asks for a PSU's consent (Berlin Group POST /v1/consents); it starts RECEIVED." })
export class CreateConsentInput {
  @Field(() => ConsentType, { defaultValue: ConsentType.AIS }) type!: ConsentType;
  @Field(() => ID, { nullable: true, description: "Interim/sandbox: the requesting TPP when the caller carries none (must match the caller's TPP otherwise)." })
  tppId?: string | null;
  @Field(() => String, { nullable: true, description: "Interim/sandbox: the PSU login when the caller carries none (PSU-ID header)." })
  psuId?: string | null;
  @Field(() => ID, { nullable: true, description: "The bank the consent is asked of; the hub's default bank when omitted." })
  bankId?: string | null;
  @Field(() => String, { nullable: true, description: "TPP-Redirect-URI: where the PSU returns after a successful redirect SCA." })
  tppRedirectUri?: string | null;
  @Field(() => String, { nullable: true, description: "TPP-Nok-Redirect-URI: where the PSU returns after a failed or denied redirect SCA." })
  tppNokRedirectUri?: string | null;
  @Field(() => ConsentAccessInput) access!: ConsentAccessInput;
  @Field(() => Boolean) recurringIndicator!: boolean;
  @Field(() => String, {
    description: "YYYY-MM-DD, today or later; recurring AIS at most 180 days ahead. 9999-12-31 asks for the longest validity allowed.",
  })
  validUntil!: string;
  @Field(() => Int, { description: "1 to 4; a one-off AIS consent has 1." }) frequencyPerDay!: number;
  @Field(() => Boolean, { defaultValue: false }) combinedServiceIndicator!: boolean;
  @Field(() => Int, { defaultValue: 1, description: "Sandbox: authorisations needed (more than 1 simulates multilevel SCA), 1 to 5." })
  requiredAuthorisations!: number;
  @Field(() => String, { nullable: true, description: "The TPP's key for this request (Berlin Group: X-Request-ID): the same key and request return the same consent; another request with it is IDEMPOTENCY_KEY_REUSED." })
  idempotencyKey?: string | null;
}

@ObjectType()
export class CreateConsentPayload {
  @Field(() => Consent) consent!: Consent;
  @Field(() => Boolean, { description: "true when the idempotency key had already created this consent." }) replayed!: boolean;
}
