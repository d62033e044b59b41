/**
 * @module The event bus consumers build on: the relay publishes committed outbox events, consumers
 * subscribe by type, durably (a named consumer resumes where it acknowledged) or from an event id.
 * Delivery is at-least-once and in publish order; `subscribe` de-duplicates by event id, so a
 * handler sees each event once per subscription.
 *
 * @example
 * const subscription = await bus.subscribe({ durable: "webhooks", types: ["payment.status_changed"] }, async (event) => {
 *   await deliverWebhook(event); // a throw (or rejection) redelivers the event later
 * });
 * await subscription.stop();
 */
import type { HubEvent } from "./event.js";

export interface SubscribeOptions {
  /**
   * Name of a durable consumer: its position survives restarts (JetStream) and several processes
   * with the same name share the work. Absent: an ephemeral subscription for this process only.
   */
  durable?: string;
  /** Only these event types; absent or empty: every type. */
  types?: readonly string[];
  /**
   * Start after this event id (the last one the consumer saw), replaying what followed it within the
   * retention window; a `fromId` older than the window fails with EventCursorExpiredError. A durable
   * that already exists ignores it and resumes where it acknowledged.
   * Absent: a new subscription starts with events published from now on.
   */
  fromId?: string;
  /** Unacknowledged events in flight at once (default 256). */
  maxInFlight?: number;
}

/** Resolve to acknowledge; throw or reject to have the event delivered again (after a short delay). */
export type EventHandler = (event: HubEvent) => Promise<void> | void;

export interface BusSubscription {
  /** Stops delivery; a durable keeps its position for the next subscribe with the same name. */
  stop(): Promise<void>;
  /** Settles when the subscription ends: stop(), bus closed, or a failure (rejects). */
  readonly closed: Promise<void>;
}

export interface EventBus {
  readonly kind: "embedded" | "nats";
  /** Publishes in order; re-publishing an id the bus has seen (within its window) is a no-op. */
  publish(events: readonly HubEvent[]): Promise<void>;
  subscribe(options: SubscribeOptions, handler: EventHandler): Promise<BusSubscription>;
  close(): Promise<void>;
}

export class EventCursorExpiredError extends Error {
  readonly code = "EVENT_CURSOR_EXPIRED";
  constructor(readonly fromId: string) {
    super(`Event "${fromId}" is not in the bus any more (older than the retention window) or never was; resubscribe without \`after\`.`);
    this.name = "EventCursorExpiredError";
  }
}
