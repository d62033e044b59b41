import { Entity, PrimaryKey, Property } from "@mikro-orm/decorators/legacy";
import { Field, ID, ObjectType } from "type-graphql";
import { WebhookEventType } from "./webhook-event-type.js";

@ObjectType({ description: "Where a TPP wants the hub to POST signed events, and which ones." })
@Entity({ tableName: "webhook_endpoint" })
export class WebhookEndpoint {
  @Field(() => ID)
  @PrimaryKey({ type: "uuid" })
  id!: string;

  @Property({ type: "uuid", index: true })
  tppId!: string;

  @Field(() => String, { description: "An https URL (plain http only to loopback, and only outside production)." })
  @Property({ type: "text" })
  url!: string;

  @Field(() => [WebhookEventType])
  @Property({ type: "json" })
  eventTypes!: WebhookEventType[];

  @Field(() => Boolean, { description: "A disabled endpoint keeps its pending deliveries until it is enabled again." })
  @Property({ type: "boolean" })
  enabled!: boolean;

  @Field(() => String, { nullable: true })
  @Property({ type: "text", nullable: true })
  description!: string | null;

  @Field(() => Date)
  @Property({ type: "datetime" })
  createdAt!: Date;

  @Field(() => Date)
  @Property({ type: "datetime" })
  updatedAt!: Date;
}
