/**
 * @module The embedded bus: an in-process log of published events with a retention window. Each
 * subscription reads it in order from its own position; a durable's position lives as long as the
 * process (the outbox keeps the events themselves, see the relay's backfill).
 */
import { EventCursorExpiredError, type BusSubscription, type EventBus, type EventHandler, type SubscribeOptions } from "./bus.js";
import type { HubEvent } from "./event.js";
import { SeenIds } from "./seen-ids.js";

const RETRY_DELAY_MS = 200;

interface Entry {
  seq: number;
  event: HubEvent;
  publishedAt: number;
}

export class MemoryBus implements EventBus {
  readonly kind = "embedded";
  private readonly log: Entry[] = [];
  private readonly seqById = new Map<string, number>();
  private nextSeq = 1;
  /** Durable name → next sequence to deliver. */
  private readonly durables = new Map<string, number>();
  private readonly wakers = new Set<() => void>();
  private readonly subscriptions = new Set<MemorySubscription>();
  private closed = false;

  constructor(private readonly retention: { maxAgeMs: number; maxEvents: number }) {}

  async publish(events: readonly HubEvent[]): Promise<void> {
    if (this.closed) throw new Error("The event bus is closed.");
    const now = Date.now();
    for (const event of events) {
      if (this.seqById.has(event.id)) continue;
      const seq = this.nextSeq++;
      this.log.push({ seq, event, publishedAt: now });
      this.seqById.set(event.id, seq);
    }
    this.trim(now);
    for (const wake of [...this.wakers]) wake();
  }

  async subscribe(options: SubscribeOptions, handler: EventHandler): Promise<BusSubscription> {
    if (this.closed) throw new Error("The event bus is closed.");
    const start = this.startSeq(options);
    const subscription = new MemorySubscription(this, options, handler, start);
    this.subscriptions.add(subscription);
    void subscription.closed.finally(() => this.subscriptions.delete(subscription)).catch(() => {});
    subscription.run();
    return subscription;
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all([...this.subscriptions].map((s) => s.stop()));
  }

  /** @internal the entry at or after `seq`, or undefined when the subscriber is at the head. */
  entryFrom(seq: number): Entry | undefined {
    const first = this.log[0];
    if (!first) return undefined;
    const index = Math.max(0, seq - first.seq);
    return this.log[index];
  }

  /** @internal resolves at the next publish (or at once when `stop` fires). */
  waitForPublish(signal: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      const wake = () => {
        this.wakers.delete(wake);
        signal.removeEventListener("abort", wake);
        resolve();
      };
      this.wakers.add(wake);
      signal.addEventListener("abort", wake, { once: true });
    });
  }

  /** @internal */
  savePosition(durable: string | undefined, seq: number): void {
    if (durable) this.durables.set(durable, seq);
  }

  private startSeq(options: SubscribeOptions): number {
    if (options.durable && this.durables.has(options.durable)) return this.durables.get(options.durable)!;
    if (options.fromId) {
      const seq = this.seqById.get(options.fromId);
      if (seq === undefined) throw new EventCursorExpiredError(options.fromId);
      return seq + 1;
    }
    return this.nextSeq;
  }

  private trim(now: number): void {
    let drop = Math.max(0, this.log.length - this.retention.maxEvents);
    while (drop < this.log.length && now - this.log[drop]!.publishedAt > this.retention.maxAgeMs) drop++;
    for (const entry of this.log.splice(0, drop)) this.seqById.delete(entry.event.id);
  }
}

class MemorySubscription implements BusSubscription {
  readonly closed: Promise<void>;
  private readonly abort = new AbortController();
  private finish!: (error?: unknown) => void;
  private readonly seen = new SeenIds();

  constructor(
    private readonly bus: MemoryBus,
    private readonly options: SubscribeOptions,
    private readonly handler: EventHandler,
    private position: number,
  ) {
    this.closed = new Promise((resolve, reject) => {
      this.finish = (error) => (error ? reject(error) : resolve());
    });
  }

  run(): void {
    this.loop().then(
      () => this.finish(),
      (error) => this.finish(error),
    );
  }

  async stop(): Promise<void> {
    this.abort.abort();
    await this.closed.catch(() => {});
  }

  private async loop(): Promise<void> {
    const types = this.options.types?.length ? new Set(this.options.types) : undefined;
    const { signal } = this.abort;
    while (!signal.aborted) {
      const entry = this.bus.entryFrom(this.position);
      if (!entry) {
        await this.bus.waitForPublish(signal);
        continue;
      }
      if ((!types || types.has(entry.event.type)) && this.seen.add(entry.event.id)) {
        while (!signal.aborted) {
          try {
            await this.handler(entry.event);
            break;
          } catch {
            await new Promise((resolve) => setTimeout(resolve, RETRY_DELAY_MS));
          }
        }
      }
      if (signal.aborted) return;
      this.position = entry.seq + 1;
      this.bus.savePosition(this.options.durable, this.position);
    }
  }
}
