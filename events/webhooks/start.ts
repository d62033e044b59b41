/**
 * @module Starts webhook delivery where the tpps subgraph runs (the embedded hub, or the tpps server
 * in distributed mode): the dispatcher consumes the bus, keeps its queue in the tpps schema, and
 * signs with the hub's token-signing key, so receivers verify with the JWKS published at /oauth/jwks.
 * Events that name no TPP (the ledger's) go to the TPPs whose consents cover them (audience.ts).
 */
import type { Logger } from "pino";
import { hubSigningKeys, type HubKeySource } from "../../gateway/auth/keys.js";
import type { HubConfig } from "../../gateway/config.js";
import { consents } from "../../subgraphs/consents/index.js";
import type { Runtime } from "../../subgraphs/runtime.js";
import { webhookDeliveries } from "../../subgraphs/tpps/index.js";
import type { EventBus } from "../bus.js";
import { consentAudience, localConsentsQuery, remoteConsentsQuery, type WebhookAudience } from "./audience.js";
import { defaultWebhookConfig } from "./config.js";
import { WebhookDispatcher } from "./dispatcher.js";
import { hubKeySigner } from "./signer.js";

/** Where the consents that decide a ledger event's webhooks are read: in this process, or the consents server. */
function audienceOf(config: HubConfig, runtime: Runtime, logger: Logger): WebhookAudience | undefined {
  const running = runtime.running.get("consents");
  if (running) return consentAudience(localConsentsQuery(consents, running));
  const url = config.subgraphUrls.consents;
  if (url && config.internalSecret) return consentAudience(remoteConsentsQuery(url, config.internalSecret));
  logger.warn("transaction.booked and balance.changed are not sent as webhooks: set CONSENTS_SUBGRAPH_URL (the consents decide who receives them)");
  return undefined;
}

/**
 * Call before the outbox relay starts, so the durable consumer is in place for the first events. Undefined when this
 * process does not run the tpps subgraph. `keys`: the hub's signing keys as the gateway's auth module holds them
 * (in the gateway's process); by default the key file the gateway shares (AUTH_JWKS_FILE or DATA_DIR).
 */
export async function startWebhookDelivery(config: HubConfig, runtime: Runtime, bus: EventBus, logger: Logger, keys?: HubKeySource): Promise<WebhookDispatcher | undefined> {
  const tpps = runtime.running.get("tpps");
  if (!tpps) return undefined;
  const settings = config.webhooks ?? defaultWebhookConfig(config.production);
  const signer = hubKeySigner(keys ?? (() => hubSigningKeys(config, { generate: false })));
  const dispatcher = new WebhookDispatcher({ store: webhookDeliveries(tpps), signer, config: settings, audience: audienceOf(config, runtime, logger), logger });
  await dispatcher.start(bus);
  return dispatcher;
}
