import { Field, ID, InputType, ObjectType } from "type-graphql";
import { ScaStepInput } from "../../../shared/sca/sca-step.input.js";
import { Consent } from "../../entities/consent.entity.js";
import { ConsentAuthorisation } from "../../entities/consent-authorisation.entity.js";

@InputType({ description: "Start an authorisation (SCA) of a RECEIVED or PARTIALLY_AUTHORISED consent, optionally with its first step (password)." })
export class StartConsentAuthorisationInput extends ScaStepInput {
  @Field(() => ID) consentId!: string;
}

@InputType({ description: "One SCA step of a consent authorisation; give exactly one of password, authenticationMethodId, scaAuthenticationData or deny." })
export class UpdateConsentAuthorisationInput extends ScaStepInput {
  @Field(() => ID) consentId!: string;
  @Field(() => ID) authorisationId!: string;
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
