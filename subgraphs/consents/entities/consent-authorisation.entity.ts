import { Entity, Enum, PrimaryKey, Property } from "@mikro-orm/decorators/legacy";
import { Field, ID, ObjectType } from "type-graphql";
import { ScaStatus } from "./consent-enums.js";

@ObjectType({ description: "The SCA method a PSU chose (Berlin Group authentication object)." })
export class ConsentScaMethod {
  @Field(() => String, { description: "SMS_OTP, CHIP_OTP, PHOTO_OTP, PUSH_OTP, SMTP_OTP, …" }) authenticationType!: string;
  @Field(() => String) authenticationMethodId!: string;
  @Field(() => String, { nullable: true }) name?: string | null;
}

@ObjectType({ description: "One SCA of a consent by a PSU (Berlin Group consent authorisation sub-resource)." })
@Entity({ tableName: "consent_authorisation" })
export class ConsentAuthorisation {
  @Field(() => ID)
  @PrimaryKey({ type: "uuid" })
  id!: string;

  @Property({ type: "uuid", index: true })
  consentId!: string;

  /** Login of the PSU who authorises; null until identified (redirect flows identify at the bank). Exposed as `psu`. */
  @Property({ type: "string", nullable: true })
  psuId!: string | null;

  @Field(() => ScaStatus)
  @Enum({ items: () => ScaStatus })
  scaStatus!: ScaStatus;

  @Field(() => ConsentScaMethod, { nullable: true })
  @Property({ type: "json", nullable: true })
  chosenScaMethod!: ConsentScaMethod | null;

  @Field(() => Date, { description: "When the authorisation was started." })
  @Property({ type: "datetime" })
  createdAt!: Date;

  @Field(() => Date)
  @Property({ type: "datetime" })
  updatedAt!: Date;

  @Field(() => Date, { nullable: true, description: "When it reached FINALISED, FAILED or EXEMPTED." })
  @Property({ type: "datetime", nullable: true })
  finishedAt!: Date | null;
}
