import { Entity, Enum, PrimaryKey, Property } from "@mikro-orm/decorators/legacy";
import { Directive, Field, ID, Int, ObjectType } from "type-graphql";
import { ConsentAccess } from "./consent-access.js";
import { ConsentStatus, ConsentType } from "./consent-enums.js";

@Directive('@key(fields: "id")')
@ObjectType({ description: "A PSU's consent that lets a TPP read accounts (AIS), initiate payments (PIS) or confirm funds (PIIS)." })
@Entity({ tableName: "consent" })
export class Consent {
  @Field(() => ID)
  @PrimaryKey({ type: "uuid" })
  id!: string;

  @Field(() => ConsentType)
  @Enum({ items: () => ConsentType })
  type!: ConsentType;

  /** The PSU's login; exposed as `psu`. Null until a PSU authorises a consent asked for without PSU-ID. */
  @Property({ type: "string", nullable: true, index: true })
  psuId!: string | null;

  /** Exposed as `tpp`. */
  @Property({ type: "uuid", index: true })
  tppId!: string;

  @Field(() => ConsentStatus)
  @Enum({ items: () => ConsentStatus })
  status!: ConsentStatus;

  @Field(() => ID, { description: "The bank the consent is held at; its core authenticates the PSU." })
  @Property({ type: "string", nullable: true })
  bankId!: string;

  @Field(() => String, { nullable: true, description: "Where the hub sends the PSU after a successful redirect SCA (TPP-Redirect-URI)." })
  @Property({ type: "string", nullable: true })
  tppRedirectUri!: string | null;

  @Field(() => String, { nullable: true, description: "Where the hub sends the PSU after a failed or denied redirect SCA (TPP-Nok-Redirect-URI)." })
  @Property({ type: "string", nullable: true })
  tppNokRedirectUri!: string | null;

  @Field(() => ConsentAccess)
  @Property({ type: "json" })
  access!: ConsentAccess;

  @Field(() => Boolean, { description: "true: repeated access until validUntil; false: one-off access." })
  @Property({ type: "boolean" })
  recurringIndicator!: boolean;

  @Field(() => String, { description: "Last day (YYYY-MM-DD) on which the consent may be used." })
  @Property({ type: "date" })
  validUntil!: string;

  @Field(() => Int, { description: "Accesses per day without the PSU present." })
  @Property({ type: "integer" })
  frequencyPerDay!: number;

  @Field(() => Boolean, { description: "Whether the consent was requested together with a payment initiation." })
  @Property({ type: "boolean" })
  combinedServiceIndicator!: boolean;

  @Field(() => Int, { description: "Authorisations needed before the consent is valid (more than one: multilevel SCA)." })
  @Property({ type: "integer" })
  requiredAuthorisations!: number;

  @Field(() => String, { description: "Day (YYYY-MM-DD) of the last action that changed the consent's status." })
  @Property({ type: "date" })
  lastActionDate!: string;

  @Field(() => String, { nullable: true, description: "The TPP's idempotency key; a repeat with the same key and request returns this consent." })
  @Property({ type: "string", nullable: true })
  idempotencyKey!: string | null;

  /** SHA-256 of the checked request, to tell a replay from a reused key. */
  @Property({ type: "string", nullable: true })
  requestHash!: string | null;

  /** When consent.expiring was sent (the consent clock sends it once). */
  @Property({ type: "datetime", nullable: true })
  expiringNoticedAt?: Date | null;

  @Field(() => Date)
  @Property({ type: "datetime" })
  createdAt!: Date;

  @Field(() => Date)
  @Property({ type: "datetime" })
  updatedAt!: Date;
}
