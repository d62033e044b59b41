import { Directive, Field, ObjectType } from "type-graphql";
import type { ScaMethod } from "../../../connectors/contract.js";

@Directive("@shareable")
@ObjectType("ScaMethod", { description: "A way the PSU confirms with a one-time code (Berlin Group authentication object)." })
export class ScaMethodType implements ScaMethod {
  @Field(() => String, { description: "SMS_OTP, CHIP_OTP, PHOTO_OTP, PUSH_OTP, SMTP_OTP, …" }) authenticationType!: string;
  @Field(() => String) authenticationMethodId!: string;
  @Field(() => String) name!: string;
}
