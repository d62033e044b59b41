import { Field, InputType } from "type-graphql";

/**
 * The evidence of one SCA step, exactly one of password (→ PSU_AUTHENTICATED, then SCA_METHOD_SELECTED
 * when the PSU has one method or EXEMPTED when none), authenticationMethodId (→ SCA_METHOD_SELECTED),
 * scaAuthenticationData (→ FINALISED) or deny (→ FAILED). The bank checks credentials and codes.
 * Each authorisation input extends it.
 */
@InputType()
export class ScaStepInput {
  @Field(() => String, { nullable: true, description: "The PSU login (PSU-ID) when the caller carries none; required before the password step." })
  psuId?: string | null;
  @Field(() => String, { nullable: true, description: "The PSU's password at the bank (Berlin Group psuData.password)." })
  password?: string | null;
  @Field(() => String, { nullable: true, description: "The SCA method the PSU picked from scaMethods." })
  authenticationMethodId?: string | null;
  @Field(() => String, { nullable: true, description: "The one-time code the PSU received (Berlin Group scaAuthenticationData)." })
  scaAuthenticationData?: string | null;
  @Field(() => Boolean, { nullable: true, description: "The PSU refuses: the authorisation FAILS." })
  deny?: boolean | null;
}
