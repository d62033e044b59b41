/**
 * @module One subscriber's events: a bounded queue between the fan-out (which pushes every event) and
 * the GraphQL execution that pulls them. It drops what the filter rejects and what it has already
 * delivered (by event id), and fails with SUBSCRIBER_TOO_SLOW instead of growing past its bound.
 * `next`/`return` are hand-written so that unsubscribing detaches at once, not at the next event.
 */
import type { HubEvent } from "../../events/index.js";
import { SeenIds } from "../../events/seen-ids.js";
import type { EventFilter } from "../../subgraphs/shared/event-source.js";
import { SubscriptionEnded } from "./end-reasons.js";

export class SubscriberStream implements AsyncIterableIterator<HubEvent> {
  /** The event most recently handed to the consumer: the one the current GraphQL result is about. */
  current?: HubEvent;
  private readonly queue: HubEvent[] = [];
  private readonly seen = new SeenIds(4_096);
  private readonly types: Set<string>;
  private waiting?: { resolve: (r: IteratorResult<HubEvent>) => void; reject: (e: unknown) => void };
  private failure?: unknown;
  private done = false;
  private readonly cleanups: (() => void)[] = [];

  constructor(
    private readonly filter: EventFilter,
    private readonly capacity: number,
  ) {
    this.types = new Set(filter.types);
  }

  matches(event: HubEvent): boolean {
    return (this.types.size === 0 || this.types.has(event.type)) && (!this.filter.subject || event.subject === this.filter.subject) && (!this.filter.match || this.filter.match(event));
  }

  /** Offers an event; ignored unless it matches and is new. */
  push(event: HubEvent): void {
    if (this.done || this.failure || !this.matches(event) || !this.seen.add(event.id)) return;
    if (this.waiting) {
      const { resolve } = this.waiting;
      this.waiting = undefined;
      this.current = event;
      resolve({ value: event, done: false });
      return;
    }
    if (this.queue.length >= this.capacity) {
      this.fail(new SubscriptionEnded("SUBSCRIBER_TOO_SLOW", `More than ${this.capacity} events waited for this subscriber; it ended so that others are not slowed. Resubscribe with \`after\` set to the last event id received.`));
      return;
    }
    this.queue.push(event);
  }

  hasSeen(id: string): boolean {
    return this.seen.has(id);
  }

  /** Ends the stream with an error the consumer receives next; what is still queued is dropped. */
  fail(error: unknown): void {
    if (this.done || this.failure) return;
    this.failure = error;
    this.queue.length = 0;
    this.detach();
    if (this.waiting) {
      const { reject } = this.waiting;
      this.waiting = undefined;
      this.finish();
      reject(error);
    }
  }

  onClose(cleanup: () => void): void {
    if (this.done || this.failure) cleanup();
    else this.cleanups.push(cleanup);
  }

  next(): Promise<IteratorResult<HubEvent>> {
    const event = this.queue.shift();
    if (event) {
      this.current = event;
      return Promise.resolve({ value: event, done: false });
    }
    if (this.failure) {
      this.finish();
      return Promise.reject(this.failure);
    }
    if (this.done) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve, reject) => (this.waiting = { resolve, reject }));
  }

  return(): Promise<IteratorResult<HubEvent>> {
    this.finish();
    this.waiting?.resolve({ value: undefined, done: true });
    this.waiting = undefined;
    return Promise.resolve({ value: undefined, done: true });
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<HubEvent> {
    return this;
  }

  private finish(): void {
    if (this.done) return;
    this.done = true;
    this.queue.length = 0;
    this.detach();
  }

  /** Stops receiving (the fan-out forgets this stream) without ending what the consumer reads. */
  private detach(): void {
    for (const cleanup of this.cleanups.splice(0)) cleanup();
  }
}
