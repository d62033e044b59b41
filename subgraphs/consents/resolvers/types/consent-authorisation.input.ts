import { Field, ID, InputType, ObjectType } from "type-graphql";
import { Consent } from "../../entities/consent.entity.js";
import { ConsentAuthorisation } from "../../entities/consent-authorisation.entity.js";
import { ScaStatus } from "../../entities/consent-enums.js";

@InputType({ description: "Start an authorisation (SCA) of a RECEIVED or PARTIALLY_AUTHORISED consent." })
export class StartConsentAuthorisationInput {
  @Field(() => ID) consentId!: string;
  @Field(() => String, { nullable: true, description: "Interim/sandbox: the PSU login (PSU-ID header) when the caller carries none; makes the authorisation PSU_IDENTIFIED." })
  psuId?: string | null;
}

@InputType({ description: "The SCA method the PSU picked." })
export class ConsentScaMethodInput {
  @Field(() => String, { description: "SMS_OTP, CHIP_OTP, PHOTO_OTP, PUSH_OTP, SMTP_OTP, …" }) authenticationType!: string;
  @Field(() => String) authenticationMethodId!: string;
  @Field(() => String, { nullable: true }) name?: string | null;
}

@InputType({ description: "Move an authorisation to its next scaStatus. Credentials and OTPs are checked elsewhere." })
export class UpdateConsentAuthorisationInput {
  @Field(() => ID) consentId!: string;
  @Field(() => ID) authorisationId!: string;
  @Field(() => ScaStatus) scaStatus!: ScaStatus;
  @Field(() => ConsentScaMethodInput, { nullable: true, description: "Required when moving to SCA_METHOD_SELECTED." })
  scaMethod?: ConsentScaMethodInput | null;
  @Field(() => String, { nullable: true, description: "Interim/sandbox: the PSU login when the caller carries none; required to reach PSU_IDENTIFIED." })
  psuId?: string | null;
}

@ObjectType()
export class StartConsentAuthorisationPayload {
  @Field(() => Consent) consent!: Consent;
  @Field(() => ConsentAuthorisation) authorisation!: ConsentAuthorisation;
}

@ObjectType()
export class UpdateConsentAuthorisationPayload {
  @Field(() => Consent) consent!: Consent;
  @Field(() => ConsentAuthorisation) authorisation!: ConsentAuthorisation;
}
