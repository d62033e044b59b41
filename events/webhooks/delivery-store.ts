/** @module What the dispatcher needs from whoever keeps the webhook endpoints and the delivery log (the tpps subgraph). */
import type { HubEvent } from "../event.js";

export interface DueDelivery {
  id: string;
  endpointId: string;
  tppId: string;
  url: string;
  eventId: string;
  eventType: string;
  body: string;
  /** Tries so far, across redeliveries. */
  attemptCount: number;
  /** Tries since it was queued or redelivered: the retry schedule counts these. */
  roundAttempts: number;
  /** Identifies this claim: a worker whose lease ran out (and was claimed again) records nothing. */
  lease: string;
}

export interface AttemptRecord {
  startedAt: Date;
  durationMs: number;
  succeeded: boolean;
  responseStatus: number | null;
  error: string | null;
}

export type NextStep = { status: "succeeded" } | { status: "pending"; delayMs: number } | { status: "dead" };

export interface DeliveryStore {
  /**
   * Queues `body` for every enabled endpoint of `tppId` (default: the event's TPP) subscribed to its
   * type; at most one delivery per (endpoint, event), so a redelivered bus event queues nothing new.
   * Returns how many.
   */
  enqueue(event: HubEvent, body: string, tppId?: string): Promise<number>;
  /** The TPPs with an enabled endpoint subscribed to this event type. */
  subscribers(eventType: string): Promise<string[]>;
  /** Marks up to `limit` due deliveries as sending, for `leaseMs` (after which another worker may take them). */
  claimDue(limit: number, leaseMs: number): Promise<DueDelivery[]>;
  /** Records one try and the delivery's next step, together. */
  recordAttempt(delivery: DueDelivery, attempt: AttemptRecord, next: NextStep): Promise<void>;
  /** Deletes finished (succeeded or dead) deliveries queued more than `olderThanMs` ago, with their attempts. */
  prune(olderThanMs: number): Promise<number>;
}
