/**
 * @module Work that runs beside the subgraphs of a process: the outbox relay of their schemas and,
 * where the consents subgraph runs, the consent clock. The embedded hub runs it for all subgraphs; a
 * subgraph server (distributed mode) for its own.
 */
import type { Logger } from "pino";
import type { EventBus } from "../events/index.js";
import { OutboxRelay } from "../events/outbox-relay.js";
import type { EventsConfig } from "../events/config.js";
import { startConsentClock, type ConsentClock } from "./consents/consent-expiry.js";
import type { Runtime } from "./runtime.js";

export interface BackgroundWork {
  relay: OutboxRelay;
  consentClock?: ConsentClock;
  stop(): Promise<void>;
}

export async function startBackgroundWork(runtime: Runtime, bus: EventBus, config: EventsConfig, logger: Logger): Promise<BackgroundWork> {
  const relay = new OutboxRelay({ db: runtime.db, bus, logger, schemas: [...runtime.running.keys()], backfillMs: config.retentionMs });
  await relay.start();
  const consents = runtime.running.get("consents");
  const consentClock = consents
    ? startConsentClock(consents, { noticeMs: config.consentExpiringNoticeMs, intervalMs: config.consentClockIntervalMs, logger })
    : undefined;
  return {
    relay,
    consentClock,
    async stop() {
      await consentClock?.stop();
      await relay.stop();
    },
  };
}
