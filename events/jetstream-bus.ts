/**
 * @module The distributed bus on NATS JetStream: one file-backed stream with a retention window,
 * publishes de-duplicated by event id (Nats-Msg-Id), durable pull consumers with explicit acks for
 * named consumers, ordered consumers for ephemeral ones.
 */
import { AckPolicy, DeliverPolicy, jetstream, jetstreamManager, type Consumer, type JetStreamClient, type JetStreamManager, type JsMsg } from "@nats-io/jetstream";
import { nanos, type NatsConnection } from "@nats-io/nats-core";
import { connect } from "@nats-io/transport-node";
import { EventCursorExpiredError, type BusSubscription, type EventBus, type EventHandler, type SubscribeOptions } from "./bus.js";
import { idTime, type HubEvent } from "./event.js";
import { SeenIds } from "./seen-ids.js";

const RETRY_DELAY_MS = 200;
/** How far before an event id's own time a replay starts looking for it (clock skew between hosts). */
const CLOCK_SKEW_MS = 60_000;
const DUPLICATE_WINDOW_MS = 10 * 60_000;

export interface JetStreamBusOptions {
  url: string;
  stream: string;
  retention: { maxAgeMs: number; maxEvents: number };
}

export class JetStreamBus implements EventBus {
  readonly kind = "nats";
  private readonly subscriptions = new Set<JetStreamSubscription>();

  private constructor(
    readonly connection: NatsConnection,
    private readonly js: JetStreamClient,
    private readonly jsm: JetStreamManager,
    private readonly stream: string,
  ) {}

  static async connect(options: JetStreamBusOptions): Promise<JetStreamBus> {
    const connection = await connect({ servers: options.url, name: "open-banking-hub", maxReconnectAttempts: -1, reconnectTimeWait: 250 });
    try {
      const jsm = await jetstreamManager(connection);
      const config = {
        name: options.stream,
        subjects: [`${options.stream}.>`],
        max_age: nanos(options.retention.maxAgeMs),
        max_msgs: options.retention.maxEvents,
        duplicate_window: nanos(Math.min(DUPLICATE_WINDOW_MS, options.retention.maxAgeMs)),
      };
      await jsm.streams.info(options.stream).then(
        () => jsm.streams.update(options.stream, config),
        () => jsm.streams.add(config),
      );
      return new JetStreamBus(connection, jetstream(connection), jsm, options.stream);
    } catch (error) {
      await connection.close();
      throw error;
    }
  }

  subjectOf(type: string): string {
    return `${this.stream}.${type}`;
  }

  /** Sent back to back on one connection (so in order), then every acknowledgement awaited. */
  async publish(events: readonly HubEvent[]): Promise<void> {
    await Promise.all(events.map((event) => this.js.publish(this.subjectOf(event.type), JSON.stringify(event), { msgID: event.id })));
  }

  async subscribe(options: SubscribeOptions, handler: EventHandler): Promise<BusSubscription> {
    const types = options.types?.length ? new Set(options.types) : undefined;
    const filter = types?.size === 1 ? this.subjectOf([...types][0]!) : `${this.stream}.>`;
    const existing = options.durable ? await this.jsm.consumers.info(this.stream, options.durable).then(() => true, () => false) : false;
    // A durable that exists resumes where it acknowledged; `fromId` places a new one.
    const fromId = existing ? undefined : options.fromId;
    const start = fromId ? await this.replayStart(fromId) : undefined;
    const consumer = options.durable ? await this.durableConsumer(options.durable, existing, filter, start, options.maxInFlight) : await this.orderedConsumer(filter, start);
    const subscription = new JetStreamSubscription(consumer, Boolean(options.durable), types, fromId, handler);
    this.subscriptions.add(subscription);
    void subscription.closed.finally(() => this.subscriptions.delete(subscription)).catch(() => {});
    await subscription.start(options.maxInFlight ?? 256);
    return subscription;
  }

  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((s) => s.stop()));
    await this.connection.close();
  }

  /** Removes the stream and everything in it (tests use a scratch stream each). */
  async deleteStream(): Promise<void> {
    await this.jsm.streams.delete(this.stream);
  }

  /** Where a replay after `fromId` starts; fails when the stream cannot hold that event any more. */
  private async replayStart(fromId: string): Promise<Date> {
    const { state } = await this.jsm.streams.info(this.stream);
    if (state.messages === 0 || Date.parse(state.last_ts) < idTime(fromId)) throw new EventCursorExpiredError(fromId);
    return new Date(idTime(fromId) - CLOCK_SKEW_MS);
  }

  private async durableConsumer(name: string, exists: boolean, filter: string, start: Date | undefined, maxInFlight = 256): Promise<Consumer> {
    if (!exists) {
      await this.jsm.consumers.add(this.stream, {
        durable_name: name,
        ack_policy: AckPolicy.Explicit,
        ack_wait: nanos(30_000),
        max_ack_pending: maxInFlight,
        filter_subject: filter,
        ...(start ? { deliver_policy: DeliverPolicy.StartTime, opt_start_time: start.toISOString() } : { deliver_policy: DeliverPolicy.New }),
      });
    }
    return this.js.consumers.get(this.stream, name);
  }

  private orderedConsumer(filter: string, start: Date | undefined): Promise<Consumer> {
    return this.js.consumers.get(this.stream, {
      filter_subjects: filter,
      ...(start ? { deliver_policy: DeliverPolicy.StartTime, opt_start_time: start.toISOString() } : { deliver_policy: DeliverPolicy.New }),
    });
  }
}

class JetStreamSubscription implements BusSubscription {
  readonly closed: Promise<void>;
  private finish!: (error?: unknown) => void;
  private stopped = false;
  private readonly seen = new SeenIds();
  private messages?: Awaited<ReturnType<Consumer["consume"]>>;

  constructor(
    private readonly consumer: Consumer,
    private readonly acked: boolean,
    private readonly types: Set<string> | undefined,
    /** Until this id has gone by, messages are skipped (a replay starts a little before it). */
    private skipThrough: string | undefined,
    private readonly handler: EventHandler,
  ) {
    this.closed = new Promise((resolve, reject) => {
      this.finish = (error) => (error ? reject(error) : resolve());
    });
  }

  /** Resolves once delivery runs; for a replay, once the event to resume after was found. */
  async start(maxInFlight: number): Promise<void> {
    this.messages = await this.consumer.consume({ max_messages: maxInFlight });
    let positioned!: () => void;
    const ready = new Promise<void>((resolve) => (positioned = resolve));
    if (!this.skipThrough) positioned();
    this.loop(positioned).then(
      () => this.finish(),
      (error) => this.finish(error),
    );
    await Promise.race([ready, this.closed]);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.messages?.close();
    await this.closed.catch(() => {});
  }

  private async loop(positioned: () => void): Promise<void> {
    for await (const message of this.messages!) {
      if (this.stopped) break;
      const event = message.json<HubEvent>();
      if (this.skipThrough) {
        if (event.id === this.skipThrough) {
          this.skipThrough = undefined;
          positioned();
        } else if (message.info.pending === 0) {
          throw new EventCursorExpiredError(this.skipThrough);
        }
        this.ack(message);
        continue;
      }
      if ((!this.types || this.types.has(event.type)) && !this.seen.has(event.id)) await this.handle(message, event);
      this.ack(message);
    }
  }

  private async handle(message: JsMsg, event: HubEvent): Promise<void> {
    while (!this.stopped) {
      try {
        await this.handler(event);
        this.seen.add(event.id);
        return;
      } catch {
        if (this.acked) message.working();
        await new Promise((resolve) => setTimeout(resolve, RETRY_DELAY_MS));
      }
    }
  }

  private ack(message: JsMsg): void {
    if (this.acked && !this.stopped) message.ack();
  }
}
