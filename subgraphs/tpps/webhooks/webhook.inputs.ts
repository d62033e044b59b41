import { ArgsType, Field, ID, InputType } from "type-graphql";
import { PageArgs } from "../../shared/connection.js";
import { WebhookDeliveryStatus } from "./webhook-delivery.entity.js";
import { WebhookEventType } from "./webhook-event-type.js";

@InputType({ description: "A new webhook endpoint. A TPP registers its own; an operator names the TPP." })
export class CreateWebhookEndpointInput {
  @Field(() => ID, { nullable: true, description: "Defaults to the calling TPP." }) tppId?: string;
  @Field(() => String) url!: string;
  @Field(() => [WebhookEventType]) eventTypes!: WebhookEventType[];
  @Field(() => Boolean, { defaultValue: true }) enabled!: boolean;
  @Field(() => String, { nullable: true }) description?: string;
}

@InputType({ description: "Changes to a webhook endpoint; fields left out stay as they are." })
export class UpdateWebhookEndpointInput {
  @Field(() => ID) id!: string;
  @Field(() => String, { nullable: true }) url?: string;
  @Field(() => [WebhookEventType], { nullable: true }) eventTypes?: WebhookEventType[];
  @Field(() => Boolean, { nullable: true }) enabled?: boolean;
  @Field(() => String, { nullable: true }) description?: string;
}

@ArgsType()
export class WebhookEndpointsArgs extends PageArgs {
  @Field(() => ID, { nullable: true, description: "Operators: one TPP's endpoints. A TPP always sees only its own." }) tppId?: string;
}

@ArgsType()
export class WebhookDeliveriesArgs extends PageArgs {
  @Field(() => WebhookDeliveryStatus, { nullable: true }) status?: WebhookDeliveryStatus;
}
