import { Entity, Enum, PrimaryKey, Property } from "@mikro-orm/decorators/legacy";
import { Field, ObjectType } from "type-graphql";
import { PaymentStatus } from "./payment-enums.js";

@ObjectType({ description: "One step of a payment's status history." })
@Entity({ tableName: "payment_status_change" })
export class PaymentStatusChange {
  @PrimaryKey({ type: "uuid" })
  id!: string;

  @Property({ type: "uuid", index: true })
  paymentId!: string;

  @Field(() => PaymentStatus)
  @Enum({ items: () => PaymentStatus })
  status!: PaymentStatus;

  @Field(() => String, { nullable: true, description: "Why: a rejection code of the bank, CORE_UNAVAILABLE, CANCELLED_BY_TPP, …" })
  @Property({ type: "string", nullable: true })
  reason!: string | null;

  @Field(() => Date)
  @Property({ type: "datetime" })
  at!: Date;
}
