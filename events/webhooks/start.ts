/**
 * @module Starts webhook delivery where the tpps subgraph runs (the embedded hub, or the tpps server
 * in distributed mode): the dispatcher consumes the bus, keeps its queue in the tpps schema, and
 * signs with the hub's token-signing key, so receivers verify with the JWKS published at /oauth/jwks.
 */
import path from "node:path";
import type { Logger } from "pino";
import { loadSigningKeys } from "../../gateway/auth/keys.js";
import type { HubConfig } from "../../gateway/config.js";
import type { Runtime } from "../../subgraphs/runtime.js";
import { webhookDeliveries } from "../../subgraphs/tpps/index.js";
import type { EventBus } from "../bus.js";
import { defaultWebhookConfig } from "./config.js";
import { WebhookDispatcher } from "./dispatcher.js";
import { createWebhookSigner, type WebhookSigner } from "./signer.js";

/** The file holding the hub's token-signing keys (the first one signs); undefined when they live in memory only. */
function signingKeysFile(config: HubConfig): string | undefined {
  if (config.authJwksFile) return config.authJwksFile;
  if (config.dataDir.startsWith("memory:")) return undefined;
  return path.join(config.dataDir, "auth-jwks.json");
}

/**
 * Signs with the hub's current signing key, read at the first delivery: on a first start the
 * authorization server generates the key file after this has started.
 */
function hubKeySigner(file: string): WebhookSigner {
  let signer: Promise<WebhookSigner> | undefined;
  const load = () => loadSigningKeys(file, { generate: false }).then((keys) => createWebhookSigner(keys.privateJwks.keys[0]!));
  return {
    async sign(webhook) {
      signer ??= load().catch((error: unknown) => {
        signer = undefined;
        throw error;
      });
      return (await signer).sign(webhook);
    },
  };
}

/**
 * Call before the outbox relay starts, so the durable consumer is in place for the first events. Undefined when this
 * process does not run the tpps subgraph or has no signing key to share with /oauth/jwks.
 */
export async function startWebhookDelivery(config: HubConfig, runtime: Runtime, bus: EventBus, logger: Logger): Promise<WebhookDispatcher | undefined> {
  const tpps = runtime.running.get("tpps");
  if (!tpps) return undefined;
  const file = signingKeysFile(config);
  if (!file) {
    logger.warn("webhooks are not delivered: they are signed with the hub's key, which must be in a file (AUTH_JWKS_FILE, or DATA_DIR other than memory://)");
    return undefined;
  }
  const settings = config.webhooks ?? defaultWebhookConfig(config.production);
  const dispatcher = new WebhookDispatcher({ store: webhookDeliveries(tpps), signer: hubKeySigner(file), config: settings, logger });
  await dispatcher.start(bus);
  return dispatcher;
}
