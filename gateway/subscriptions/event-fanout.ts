/**
 * @module The gateway's one bus subscription, fanned out to every graphql-ws subscriber in this
 * process. It keeps the most recent events in a ring, so a client resuming with `after` is served
 * from memory; an older `after` replays from the bus, then hands over to the live feed without a
 * gap or a duplicate (the live events that arrive meanwhile wait until the replay reaches them).
 */
import type { Logger } from "pino";
import { EventCursorExpiredError, type BusSubscription, type EventBus, type HubEvent } from "../../events/index.js";
import type { EventFilter, EventSource } from "../../subgraphs/shared/event-source.js";
import { SubscriptionEnded } from "./end-reasons.js";
import { SubscriberStream } from "./subscriber-stream.js";

export interface FanoutOptions {
  /** Recent events kept for resumption from memory. */
  ringSize: number;
  /** Events one subscriber may have waiting before it is ended as too slow. */
  subscriberBuffer: number;
}

type Listener = (event: HubEvent) => void;

/** Something kept current by events (a cache): sees every event, and learns once when the bus is lost. */
export interface EventObserver {
  event(event: HubEvent): void;
  lost(): void;
}

/** The event source a subscription's context carries: every stream it opened, for cleanup and for the current event. */
export interface SubscriberSource extends EventSource {
  stream(filter: EventFilter): SubscriberStream;
  readonly streams: SubscriberStream[];
}

export class EventFanout {
  private readonly ring: HubEvent[] = [];
  private readonly listeners = new Set<Listener>();
  private readonly streams = new Set<SubscriberStream>();
  private readonly observers = new Set<EventObserver>();
  private subscription?: BusSubscription;
  private lost = false;

  private constructor(
    private readonly bus: EventBus,
    private readonly options: FanoutOptions,
    private readonly logger: Logger,
  ) {}

  static async start(bus: EventBus, options: FanoutOptions, logger: Logger): Promise<EventFanout> {
    const fanout = new EventFanout(bus, options, logger);
    fanout.subscription = await bus.subscribe({}, (event) => fanout.dispatch(event));
    void fanout.subscription.closed.catch((error: unknown) => {
      logger.error({ err: error }, "event fan-out lost the bus; ending subscriptions");
      fanout.lost = true;
      for (const observer of [...fanout.observers]) observer.lost();
      fanout.endAll(new SubscriptionEnded("EVENTS_UNAVAILABLE", "The hub lost its event bus; resubscribe with `after` set to the last event id received."));
    });
    return fanout;
  }

  /** Adds an observer of every event (told at once if the bus is already lost); returns its removal. */
  observe(observer: EventObserver): () => void {
    if (this.lost) {
      observer.lost();
      return () => {};
    }
    this.observers.add(observer);
    return () => void this.observers.delete(observer);
  }

  get subscriberCount(): number {
    return this.listeners.size;
  }

  /** An event source for one subscriber; `watch` sees every event first and may end the stream. */
  source(watch?: (event: HubEvent, stream: SubscriberStream) => void): SubscriberSource {
    const streams: SubscriberStream[] = [];
    return {
      streams,
      stream: (filter: EventFilter) => {
        const stream = new SubscriberStream(filter, this.options.subscriberBuffer);
        streams.push(stream);
        this.attach(stream, filter.after ?? undefined, watch);
        return stream;
      },
    };
  }

  async close(): Promise<void> {
    this.endAll(new SubscriptionEnded("EVENTS_UNAVAILABLE", "The hub is shutting down; resubscribe with `after` set to the last event id received."));
    await this.subscription?.stop();
  }

  private dispatch(event: HubEvent): void {
    this.ring.push(event);
    if (this.ring.length > this.options.ringSize) this.ring.splice(0, this.ring.length - this.options.ringSize);
    for (const observer of this.observers) {
      try {
        observer.event(event);
      } catch (error) {
        this.logger.error({ err: error }, "an event observer failed");
      }
    }
    for (const listener of this.listeners) listener(event);
  }

  private attach(stream: SubscriberStream, after: string | undefined, watch?: (event: HubEvent, stream: SubscriberStream) => void): void {
    const live: Listener = (event) => {
      watch?.(event, stream);
      stream.push(event);
    };
    const ringIndex = after ? this.ring.findIndex((e) => e.id === after) : -1;
    if (!after || ringIndex >= 0) {
      for (const event of after ? this.ring.slice(ringIndex + 1) : []) live(event);
      this.listen(stream, live);
      return;
    }
    // Older than the ring: replay from the bus while live events wait in `pending`, until the replay reaches the first of them.
    const pending: HubEvent[] = [];
    let replaying = true;
    this.listen(stream, (event) => (replaying ? pending.push(event) : live(event)));
    let replay: BusSubscription | undefined;
    const handOver = () => {
      replaying = false;
      for (const event of pending.splice(0)) live(event);
      void replay?.stop();
    };
    this.bus
      .subscribe({ fromId: after }, (event) => {
        if (!replaying) return;
        live(event);
        if (pending.length > 0 && event.id === pending[0]!.id) handOver();
      })
      .then(
        (subscription) => {
          replay = subscription;
          if (replaying) stream.onClose(() => void subscription.stop());
          else void subscription.stop();
        },
        (error: unknown) => {
          if (error instanceof EventCursorExpiredError) stream.fail(new SubscriptionEnded("EVENT_CURSOR_EXPIRED", error.message));
          else {
            this.logger.warn({ err: error }, "replay from the bus failed");
            stream.fail(new SubscriptionEnded("EVENTS_UNAVAILABLE", "Replaying missed events failed; try again."));
          }
        },
      );
  }

  private listen(stream: SubscriberStream, listener: Listener): void {
    this.listeners.add(listener);
    this.streams.add(stream);
    stream.onClose(() => {
      this.listeners.delete(listener);
      this.streams.delete(stream);
    });
  }

  private endAll(error: SubscriptionEnded): void {
    for (const stream of [...this.streams]) stream.fail(error);
  }
}
