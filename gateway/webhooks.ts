/**
 * @module Starts webhook delivery in the embedded hub: the dispatcher consumes the bus, keeps its
 * queue in the tpps subgraph, and signs with the hub's token-signing key, so receivers verify with
 * the JWKS published at /oauth/jwks.
 */
import type { JWK } from "jose";
import path from "node:path";
import type { Logger } from "pino";
import type { EventBus } from "../events/index.js";
import { defaultWebhookConfig } from "../events/webhooks/config.js";
import { WebhookDispatcher } from "../events/webhooks/dispatcher.js";
import { createWebhookSigner } from "../events/webhooks/signer.js";
import type { Runtime } from "../subgraphs/runtime.js";
import { webhookDeliveries } from "../subgraphs/tpps/index.js";
import { loadSigningKeys } from "./auth/keys.js";
import type { HubConfig } from "./config.js";

/** The key the hub's tokens are signed with (the first of its JWKS), when it lives in a file. */
async function hubSigningKey(config: HubConfig): Promise<JWK | undefined> {
  if (config.authJwksFile) return (await loadSigningKeys(config.authJwksFile, { generate: false })).privateJwks.keys[0];
  if (config.dataDir.startsWith("memory:")) return undefined;
  return (await loadSigningKeys(path.join(config.dataDir, "auth-jwks.json"), { generate: false })).privateJwks.keys[0];
}

export function webhookConfig(config: HubConfig) {
  return config.webhooks ?? defaultWebhookConfig(config.production);
}

/** Call after the authorization server has loaded (or generated) the keys. */
export async function startWebhookDelivery(config: HubConfig, runtime: Runtime, bus: EventBus, logger: Logger): Promise<WebhookDispatcher | undefined> {
  const tpps = runtime.running.get("tpps");
  if (!tpps) return undefined;
  const key = await hubSigningKey(config);
  if (!key) {
    logger.warn("webhooks are not delivered: with DATA_DIR=memory:// the signing key is not shared; set AUTH_JWKS_FILE");
    return undefined;
  }
  const dispatcher = new WebhookDispatcher({ store: webhookDeliveries(tpps), signer: await createWebhookSigner(key), config: webhookConfig(config), logger });
  await dispatcher.start(bus);
  return dispatcher;
}
