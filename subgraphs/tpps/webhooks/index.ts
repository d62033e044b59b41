/** @module TPP webhooks inside the tpps subgraph: what its index.ts registers, and the dispatcher's store. */
export { TppWebhookDeliveryStore } from "./delivery-store.js";
export { WebhookService } from "./webhook.service.js";
import { WebhookAttempt } from "./webhook-attempt.entity.js";
import { WebhookDelivery } from "./webhook-delivery.entity.js";
import { WebhookDeliveryResolver } from "./webhook-delivery.resolver.js";
import { WebhookEndpoint } from "./webhook-endpoint.entity.js";
import { WebhookEndpointResolver } from "./webhook-endpoint.resolver.js";

export const webhookEntities = [WebhookEndpoint, WebhookDelivery, WebhookAttempt];
export const webhookResolvers = [WebhookEndpointResolver, WebhookDeliveryResolver] as const;
