import { Entity, Enum, PrimaryKey, Property } from "@mikro-orm/decorators/legacy";
import { Field, ID, ObjectType } from "type-graphql";
import { PaymentStatus } from "./payment-enums.js";

@ObjectType({ description: "One execution of a standing order. (paymentId, dueDate) is unique: whichever hub instance records it first executes it." })
@Entity({ tableName: "standing_order_instalment" })
export class StandingOrderInstalment {
  /** Also the order's ref at the core, which de-duplicates a repeat. */
  @Field(() => ID)
  @PrimaryKey({ type: "uuid" })
  id!: string;

  @Property({ type: "uuid" })
  paymentId!: string;

  @Field(() => String, { description: 'The scheduled date "YYYY-MM-DD" (before the execution rule moves it off a weekend).' })
  @Property({ type: "date" })
  dueDate!: string;

  @Field(() => String, { description: "The working day it executes on, after the execution rule." })
  @Property({ type: "date" })
  executionDate!: string;

  @Field(() => PaymentStatus, { description: "RCVD while the bank has not answered." })
  @Enum({ items: () => PaymentStatus })
  status!: PaymentStatus;

  @Field(() => String, { nullable: true, description: "Why it is in its status (a rejection code, CORE_UNAVAILABLE, …)." })
  @Property({ type: "string", nullable: true })
  statusReason!: string | null;

  @Property({ type: "string", nullable: true })
  coreRef!: string | null;

  @Field(() => Date)
  @Property({ type: "datetime" })
  createdAt!: Date;

  @Field(() => Date)
  @Property({ type: "datetime" })
  updatedAt!: Date;
}
