import { Entity, Enum, PrimaryKey, Property } from "@mikro-orm/decorators/legacy";
import { Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";

export enum WebhookDeliveryStatus {
  PENDING = "pending",
  SENDING = "sending",
  SUCCEEDED = "succeeded",
  DEAD = "dead",
}
registerEnumType(WebhookDeliveryStatus, {
  name: "WebhookDeliveryStatus",
  description: "PENDING: waiting for its next try; SENDING: a try is under way; SUCCEEDED: a 2xx answer; DEAD: every try failed (redeliver to try again).",
});

@ObjectType({ description: "One event on its way to one endpoint, with every attempt to send it." })
@Entity({ tableName: "webhook_delivery" })
export class WebhookDelivery {
  @Field(() => ID, { description: "Sent as the Webhook-Id header; the same on every retry, so receivers can de-duplicate." })
  @PrimaryKey({ type: "uuid" })
  id!: string;

  @Property({ type: "uuid" })
  endpointId!: string;

  @Property({ type: "uuid" })
  tppId!: string;

  @Field(() => ID)
  @Property({ type: "uuid" })
  eventId!: string;

  @Field(() => String)
  @Property({ type: "text" })
  eventType!: string;

  @Field(() => String, { description: "The exact JSON body that is POSTed (and signed)." })
  @Property({ type: "text" })
  body!: string;

  @Field(() => WebhookDeliveryStatus)
  @Enum({ items: () => WebhookDeliveryStatus })
  status!: WebhookDeliveryStatus;

  @Field(() => String, {
    nullable: true,
    description: "Why it is not being sent: its TPP is suspended (it waits, PENDING, until the TPP is active again) or revoked (given up, DEAD).",
  })
  @Property({ type: "text", nullable: true })
  statusReason!: string | null;

  @Field(() => Int)
  @Property({ type: "integer" })
  attemptCount!: number;

  /** Tries since it was queued or last redelivered; the retry schedule counts these. */
  @Property({ type: "integer" })
  roundAttempts!: number;

  @Field(() => Date, { nullable: true })
  @Property({ type: "datetime", nullable: true })
  nextAttemptAt!: Date | null;

  @Property({ type: "datetime", nullable: true })
  leaseUntil!: Date | null;

  @Field(() => Date, { nullable: true })
  @Property({ type: "datetime", nullable: true })
  lastAttemptAt!: Date | null;

  @Field(() => Date)
  @Property({ type: "datetime" })
  createdAt!: Date;
}
