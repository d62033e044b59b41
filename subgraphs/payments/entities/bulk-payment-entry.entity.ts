import { BigIntType } from "@mikro-orm/core";
import { Entity, Enum, PrimaryKey, Property } from "@mikro-orm/decorators/legacy";
import { Field, ID, Int, ObjectType } from "type-graphql";
import { PaymentStatus } from "./payment-enums.js";

@ObjectType({ description: "One credit transfer of a bulk payment; the bank executes each once, under the bulk's SCA." })
@Entity({ tableName: "bulk_payment_entry" })
export class BulkPaymentEntry {
  /** Also the order's ref at the core, which de-duplicates a repeat. */
  @Field(() => ID)
  @PrimaryKey({ type: "uuid" })
  id!: string;

  @Property({ type: "uuid", index: true })
  paymentId!: string;

  @Field(() => Int, { description: "Position in the bulk, from 0." })
  @Property({ type: "integer" })
  position!: number;

  @Field(() => String)
  @Property({ type: "string" })
  creditorName!: string;

  @Field(() => String, { description: "Electronic format (no spaces)." })
  @Property({ type: "string" })
  creditorIban!: string;

  /** Resolved as `instructedAmount`. */
  @Property({ type: new BigIntType("bigint") })
  amountMinor!: bigint;

  @Property({ type: "string" })
  currency!: string;

  @Field(() => String, { nullable: true })
  @Property({ type: "string", nullable: true })
  remittanceInformationUnstructured!: string | null;

  @Field(() => String)
  @Property({ type: "string" })
  endToEndId!: string;

  @Field(() => PaymentStatus, { description: "RCVD until the bank answered for this transfer." })
  @Enum({ items: () => PaymentStatus })
  status!: PaymentStatus;

  /** Why (a rejection code, CORE_UNAVAILABLE, …); resolved as `rejectionReason` when RJCT. */
  @Property({ type: "string", nullable: true })
  statusReason!: string | null;

  @Property({ type: "string", nullable: true })
  coreRef!: string | null;

  @Property({ type: "datetime" })
  updatedAt!: Date;
}
