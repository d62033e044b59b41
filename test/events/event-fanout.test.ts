/**
 * The gateway's fan-out on a real bus: resuming from the ring and, beyond it, from the bus with a
 * hand-over to the live feed (no gap, no duplicate); a subscriber that does not read is ended with
 * SUBSCRIBER_TOO_SLOW and detached, while another keeps receiving.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openEventBus, type EventBus, type HubEvent } from "../../events/index.js";
import { JetStreamBus } from "../../events/jetstream-bus.js";
import { createLogger } from "../../gateway/logger.js";
import { EventFanout } from "../../gateway/subscriptions/event-fanout.js";
import { eventually, testEvent } from "../helpers/events.js";
import { natsUrl, scratchStream } from "../helpers/nats.js";

const nats = natsUrl();
const kinds = [
  { name: "embedded", open: () => openEventBus({}) },
  ...(nats ? [{ name: "NATS JetStream", open: () => openEventBus({ natsUrl: nats, stream: scratchStream() }) }] : []),
];

async function drain(stream: AsyncIterator<HubEvent>, into: string[]): Promise<unknown> {
  try {
    for (;;) {
      const step = await stream.next();
      if (step.done) return undefined;
      into.push(step.value.id);
    }
  } catch (error) {
    return error;
  }
}

describe.each(kinds)("event fan-out on the $name bus", ({ open }) => {
  let bus: EventBus;
  let fanout: EventFanout;
  beforeAll(async () => {
    bus = await open();
    fanout = await EventFanout.start(bus, { ringSize: 5, subscriberBuffer: 10 }, createLogger("silent"));
  });
  afterAll(async () => {
    await fanout.close();
    if (bus instanceof JetStreamBus) await bus.deleteStream();
    await bus.close();
  });

  it("resumes after an id older than the ring from the bus, then continues live without a gap or duplicate", async () => {
    const early = Array.from({ length: 12 }, (_, i) => testEvent("payment.status_changed", `Payment:${i}`));
    await bus.publish(early);
    const watcher: string[] = [];
    void drain(fanout.source().stream({ types: ["payment.status_changed"] }), watcher);
    await eventually(() => watcher.length, (n) => n >= 0);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const got: string[] = [];
    const stream = fanout.source().stream({ types: ["payment.status_changed"], after: early[2]!.id });
    const done = drain(stream, got);
    const live = Array.from({ length: 6 }, (_, i) => testEvent("payment.status_changed", `Payment:live${i}`));
    for (const event of live) await bus.publish([event]);
    const wanted = [...early.slice(3), ...live].map((e) => e.id);
    await eventually(() => got.length, (n) => n >= wanted.length);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(got).toEqual(wanted);
    await stream.return();
    expect(await done).toBeUndefined();
  });

  it("ends a subscriber that does not read with SUBSCRIBER_TOO_SLOW, and detaches it, while a reader keeps up", async () => {
    const before = fanout.subscriberCount;
    const slow = fanout.source().stream({ types: ["consent.expiring"] });
    const reader: string[] = [];
    const readerStream = fanout.source().stream({ types: ["consent.expiring"] });
    void drain(readerStream, reader);
    const events = Array.from({ length: 15 }, (_, i) => testEvent("consent.expiring", `Consent:${i}`));
    for (const event of events) await bus.publish([event]);
    await eventually(() => reader.length, (n) => n >= 15);
    const error = (await slow.next().catch((e: unknown) => e)) as { extensions?: { code?: string } };
    expect(error.extensions?.code).toBe("SUBSCRIBER_TOO_SLOW");
    expect(fanout.subscriberCount).toBe(before + 1);
    await readerStream.return();
  });
});
