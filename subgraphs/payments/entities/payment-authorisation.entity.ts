import { Entity, Enum, PrimaryKey, Property } from "@mikro-orm/decorators/legacy";
import { Field, ID, ObjectType, registerEnumType } from "type-graphql";
import type { ScaMethod } from "../../../connectors/contract.js";
import { ScaMethodType } from "../../shared/sca/sca-method.type.js";
import { ScaStatus } from "../../shared/sca/sca-status.js";
import type { ScaProgress } from "../../shared/sca/sca-step.js";

/** What an authorisation authorises: the payment itself, or its cancellation (DB values as stored). */
export enum AuthorisationPurpose {
  PAYMENT = "payment",
  CANCELLATION = "cancellation",
}
registerEnumType(AuthorisationPurpose, {
  name: "PaymentAuthorisationPurpose",
  description: "PAYMENT: the payment executes once authorised; CANCELLATION: it is cancelled once authorised (Berlin Group cancellation-authorisations).",
});

@ObjectType({
  description:
    "One SCA by the payment's PSU (Berlin Group authorisation or cancellation-authorisation sub-resource): of the payment, which executes once it is FINALISED or EXEMPTED, or of its cancellation, which then cancels it.",
})
@Entity({ tableName: "payment_authorisation" })
export class PaymentAuthorisation implements ScaProgress {
  @Field(() => ID)
  @PrimaryKey({ type: "uuid" })
  id!: string;

  @Property({ type: "uuid", index: true })
  paymentId!: string;

  @Field(() => AuthorisationPurpose)
  @Enum({ items: () => AuthorisationPurpose })
  purpose!: AuthorisationPurpose;

  @Field(() => String, { nullable: true, description: "Login of the PSU who authorises; null until identified." })
  @Property({ type: "string", nullable: true })
  psuId!: string | null;

  @Field(() => ScaStatus)
  @Enum({ items: () => ScaStatus })
  scaStatus!: ScaStatus;

  @Field(() => [ScaMethodType], { nullable: true, description: "The methods the PSU may choose from (after PSU_AUTHENTICATED)." })
  @Property({ type: "json", nullable: true })
  scaMethods!: ScaMethod[] | null;

  @Field(() => ScaMethodType, { nullable: true })
  @Property({ type: "json", nullable: true })
  chosenScaMethod!: ScaMethod | null;

  @Field(() => Date)
  @Property({ type: "datetime" })
  createdAt!: Date;

  @Field(() => Date)
  @Property({ type: "datetime" })
  updatedAt!: Date;

  @Field(() => Date, { nullable: true, description: "When it reached FINALISED, FAILED or EXEMPTED." })
  @Property({ type: "datetime", nullable: true })
  finishedAt!: Date | null;
}
