import { Entity, PrimaryKey, Property } from "@mikro-orm/decorators/legacy";
import { Field, ID, Int, ObjectType } from "type-graphql";

@ObjectType({ description: "One try at sending a delivery: when, how long, and what came back." })
@Entity({ tableName: "webhook_attempt" })
export class WebhookAttempt {
  @Field(() => ID)
  @PrimaryKey({ type: "uuid" })
  id!: string;

  @Property({ type: "uuid" })
  deliveryId!: string;

  @Field(() => Int, { description: "1 for the first try; counting goes on across redeliveries." })
  @Property({ type: "integer" })
  number!: number;

  @Field(() => Date)
  @Property({ type: "datetime" })
  startedAt!: Date;

  @Field(() => Int)
  @Property({ type: "integer" })
  durationMs!: number;

  @Field(() => Boolean, { description: "True when the endpoint answered 2xx." })
  @Property({ type: "boolean" })
  succeeded!: boolean;

  @Field(() => Int, { nullable: true, description: "The HTTP status the endpoint answered; null when none came (timeout, refused)." })
  @Property({ type: "integer", nullable: true })
  responseStatus!: number | null;

  @Field(() => String, { nullable: true })
  @Property({ type: "text", nullable: true })
  error!: string | null;
}
