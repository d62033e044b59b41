import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import type { TppsContext } from "../context.js";
import { WebhookAttempt } from "./webhook-attempt.entity.js";
import { WebhookDelivery } from "./webhook-delivery.entity.js";
import { WebhookEndpoint } from "./webhook-endpoint.entity.js";

@Resolver(() => WebhookDelivery)
export class WebhookDeliveryResolver {
  @Query(() => WebhookDelivery, { nullable: true, description: "A delivery by id (the Webhook-Id header); null when the caller may not see it." })
  webhookDelivery(@Arg("id", () => ID) id: string, @Ctx() ctx: TppsContext) {
    return ctx.webhooks.delivery(id, ctx.caller);
  }

  @Mutation(() => WebhookDelivery, { description: "Send a SUCCEEDED or DEAD delivery again, with a fresh retry schedule." })
  redeliverWebhook(@Arg("id", () => ID) id: string, @Ctx() ctx: TppsContext) {
    return ctx.webhooks.redeliver(id, ctx.caller);
  }

  @FieldResolver(() => WebhookEndpoint)
  endpoint(@Root() delivery: WebhookDelivery, @Ctx() ctx: TppsContext) {
    return ctx.webhooks.loaders.endpointById.load(delivery.endpointId);
  }

  @FieldResolver(() => [WebhookAttempt], { description: "Every try, oldest first." })
  attempts(@Root() delivery: WebhookDelivery, @Ctx() ctx: TppsContext) {
    return ctx.webhooks.loaders.attemptsByDeliveryId.load(delivery.id);
  }
}
