/** @module Per-request DataLoaders for webhook endpoints and attempts. */
import type { EntityManager } from "@mikro-orm/core";
import DataLoader from "dataloader";
import { manyByKey, oneByKey } from "../../shared/loaders.js";
import { WebhookAttempt } from "./webhook-attempt.entity.js";
import { WebhookEndpoint } from "./webhook-endpoint.entity.js";

export function createWebhookLoaders(em: EntityManager) {
  return {
    endpointById: new DataLoader<string, WebhookEndpoint | null>(async (ids) =>
      oneByKey(ids, await em.find(WebhookEndpoint, { id: { $in: [...ids] } }), (r) => r.id),
    ),
    attemptsByDeliveryId: new DataLoader<string, WebhookAttempt[]>(async (ids) =>
      manyByKey(ids, await em.find(WebhookAttempt, { deliveryId: { $in: [...ids] } }, { orderBy: { number: "asc" } }), (r) => r.deliveryId),
    ),
  };
}

export type WebhookLoaders = ReturnType<typeof createWebhookLoaders>;
