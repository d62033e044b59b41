import { Field, ID, InputType, ObjectType } from "type-graphql";
import { Consent } from "../../entities/consent.entity.js";

@InputType({ description: "The PSU withdraws a valid consent." })
export class RevokeConsentInput {
  @Field(() => ID) consentId!: string;
  @Field(() => String, { nullable: true, description: "Interim/sandbox: the PSU login when the caller carries none." }) psuId?: string | null;
}

@ObjectType()
export class RevokeConsentPayload {
  @Field(() => Consent) consent!: Consent;
}

@InputType({ description: "The TPP ends a consent (Berlin Group DELETE /v1/consents/{consentId})." })
export class DeleteConsentInput {
  @Field(() => ID) consentId!: string;
  @Field(() => ID, { nullable: true, description: "Interim/sandbox: the TPP when the caller carries none." }) tppId?: string | null;
}

@ObjectType()
export class DeleteConsentPayload {
  @Field(() => Consent) consent!: Consent;
}
