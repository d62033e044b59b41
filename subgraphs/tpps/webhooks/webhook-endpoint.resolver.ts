import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import { connectionType } from "../../shared/connection.js";
import type { TppsContext } from "../context.js";
import { Tpp } from "../entities/index.js";
import { WebhookDelivery } from "./webhook-delivery.entity.js";
import { WebhookEndpoint } from "./webhook-endpoint.entity.js";
import { CreateWebhookEndpointInput, UpdateWebhookEndpointInput, WebhookDeliveriesArgs, WebhookEndpointsArgs } from "./webhook.inputs.js";

export const WebhookEndpointConnection = connectionType("WebhookEndpoint", WebhookEndpoint);
export const WebhookDeliveryConnection = connectionType("WebhookDelivery", WebhookDelivery);

@Resolver(() => WebhookEndpoint)
export class WebhookEndpointResolver {
  @Query(() => WebhookEndpointConnection, { description: "Webhook endpoints: a TPP's own; operators see every TPP's." })
  webhookEndpoints(@Args(() => WebhookEndpointsArgs) args: WebhookEndpointsArgs, @Ctx() ctx: TppsContext) {
    return ctx.webhooks.endpoints(args, ctx.caller);
  }

  @Query(() => WebhookEndpoint, { nullable: true, description: "A webhook endpoint by id; null when there is none the caller may see." })
  webhookEndpoint(@Arg("id", () => ID) id: string, @Ctx() ctx: TppsContext) {
    return ctx.webhooks.endpoint(id, ctx.caller);
  }

  @Mutation(() => WebhookEndpoint, { description: "Register a URL to receive signed events of the given types." })
  createWebhookEndpoint(@Arg("input", () => CreateWebhookEndpointInput) input: CreateWebhookEndpointInput, @Ctx() ctx: TppsContext) {
    return ctx.webhooks.create(input, ctx.caller);
  }

  @Mutation(() => WebhookEndpoint)
  updateWebhookEndpoint(@Arg("input", () => UpdateWebhookEndpointInput) input: UpdateWebhookEndpointInput, @Ctx() ctx: TppsContext) {
    return ctx.webhooks.update(input, ctx.caller);
  }

  @Mutation(() => ID, { description: "Delete an endpoint and its delivery log; returns its id." })
  deleteWebhookEndpoint(@Arg("id", () => ID) id: string, @Ctx() ctx: TppsContext) {
    return ctx.webhooks.delete(id, ctx.caller);
  }

  @FieldResolver(() => Tpp)
  tpp(@Root() endpoint: WebhookEndpoint, @Ctx() ctx: TppsContext) {
    return ctx.loaders.tppById.load(endpoint.tppId);
  }

  @FieldResolver(() => WebhookDeliveryConnection, { description: "The delivery log, newest first." })
  deliveries(@Root() endpoint: WebhookEndpoint, @Args(() => WebhookDeliveriesArgs) args: WebhookDeliveriesArgs, @Ctx() ctx: TppsContext) {
    return ctx.webhooks.deliveries(endpoint, args);
  }
}
