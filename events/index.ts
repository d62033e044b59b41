/**
 * @module The events package's public face and the one place that picks a bus: NATS JetStream when
 * `NATS_URL` is set, otherwise the embedded in-process bus. Consumers import from here only.
 */
import type { EventBus } from "./bus.js";
import { MemoryBus } from "./memory-bus.js";

export type { BusSubscription, EventBus, EventHandler, SubscribeOptions } from "./bus.js";
export { EventCursorExpiredError } from "./bus.js";
export { EventType, idTime, subjectKey, type HubEvent } from "./event.js";

export interface BusConfig {
  /** nats://host:port selects NATS JetStream; absent selects the embedded bus. */
  natsUrl?: string;
  /** How long (and, embedded, how many) published events stay replayable. */
  retention?: { maxAgeMs: number; maxEvents: number };
  /** JetStream stream name (tests use their own). Default HUB_EVENTS. */
  stream?: string;
}

export const DEFAULT_RETENTION = { maxAgeMs: 24 * 60 * 60 * 1000, maxEvents: 1_000_000 };

export async function openEventBus(config: BusConfig): Promise<EventBus> {
  const retention = config.retention ?? DEFAULT_RETENTION;
  if (!config.natsUrl) return new MemoryBus(retention);
  const { JetStreamBus } = await import("./jetstream-bus.js");
  return JetStreamBus.connect({ url: config.natsUrl, stream: config.stream ?? "HUB_EVENTS", retention });
}
