/**
 * @module Work that runs beside the subgraphs of a process: the outbox relay and pruning of their
 * schemas (and, where the accounts subgraph runs, of the sandbox ledger's outbox), the consent clock
 * where the consents subgraph runs, the standing-order timer where the payments subgraph runs, and
 * webhook delivery where the tpps subgraph runs.
 * The embedded hub runs it for all subgraphs; a subgraph server (distributed mode) for its own.
 */
import type { Logger } from "pino";
import type { EventBus } from "../events/index.js";
import { OutboxPruner } from "../events/outbox-pruner.js";
import { OutboxRelay } from "../events/outbox-relay.js";
import type { EventsConfig } from "../events/config.js";
import type { WebhookDispatcher } from "../events/webhooks/dispatcher.js";
import { startWebhookDelivery } from "../events/webhooks/start.js";
import type { HubKeySource } from "../gateway/auth/keys.js";
import type { HubConfig } from "../gateway/config.js";
import { startConsentClock, type ConsentClock } from "./consents/consent-expiry.js";
import { startStandingOrderTimer, type StandingOrderTimer } from "./payments/standing-order-timer.js";
import type { Runtime } from "./runtime.js";

export interface BackgroundWork {
  relay: OutboxRelay;
  pruner: OutboxPruner;
  consentClock?: ConsentClock;
  standingOrders?: StandingOrderTimer;
  webhooks?: WebhookDispatcher;
  stop(): Promise<void>;
}

/**
 * `hub` (its key file and webhook settings) turns on webhook delivery where the tpps subgraph runs;
 * `keys`: the hub's signing keys where the gateway's auth module holds them (the embedded hub).
 */
export async function startBackgroundWork(runtime: Runtime, bus: EventBus, config: EventsConfig, logger: Logger, hub?: HubConfig, keys?: HubKeySource): Promise<BackgroundWork> {
  // Before the relay: webhook delivery's durable consumer then sees the first events it publishes.
  const webhooks = hub ? await startWebhookDelivery(hub, runtime, bus, logger, keys) : undefined;
  const schemas = outboxSchemas(runtime);
  const relay = new OutboxRelay({ db: runtime.db, bus, logger, schemas, backfillMs: config.retentionMs });
  await relay.start();
  const pruner = new OutboxPruner({ em: () => relay.entityManager(), schemas, retentionMs: config.retentionMs, intervalMs: config.outboxPruneIntervalMs, logger });
  pruner.start();
  const consents = runtime.running.get("consents");
  const consentClock = consents
    ? startConsentClock(consents, { noticeMs: config.consentExpiringNoticeMs, intervalMs: config.consentClockIntervalMs, logger })
    : undefined;
  const payments = runtime.running.get("payments");
  const standingOrders = payments ? startStandingOrderTimer(payments, logger) : undefined;
  return {
    relay,
    pruner,
    consentClock,
    standingOrders,
    webhooks,
    async stop() {
      await webhooks?.stop();
      await standingOrders?.stop();
      await consentClock?.stop();
      await pruner.stop();
      await relay.stop();
    },
  };
}

/**
 * The running subgraphs' schemas, and where the accounts subgraph runs (it serves transactionBooked and
 * balanceChanged) the outboxes of the banks' connectors that keep one (the sandbox ledger).
 */
export function outboxSchemas(runtime: Runtime): string[] {
  const schemas = [...runtime.running.keys()];
  if (runtime.running.has("accounts")) schemas.push(...runtime.connectors.outboxSchemas());
  return schemas;
}
