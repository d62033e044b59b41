/** The bus contract, against the embedded bus and a real NATS JetStream stream. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EventCursorExpiredError, openEventBus, type EventBus, type HubEvent } from "../../events/index.js";
import { JetStreamBus } from "../../events/jetstream-bus.js";
import { eventually, testEvent } from "../helpers/events.js";
import { natsUrl, scratchStream } from "../helpers/nats.js";

const nats = natsUrl();
const kinds = [
  { name: "embedded", open: () => openEventBus({}) },
  ...(nats ? [{ name: "NATS JetStream", open: () => openEventBus({ natsUrl: nats, stream: scratchStream() }) }] : []),
];

describe.each(kinds)("$name bus", ({ open }) => {
  let bus: EventBus;
  beforeAll(async () => {
    bus = await open();
  });
  afterAll(async () => {
    if (bus instanceof JetStreamBus) await bus.deleteStream();
    await bus.close();
  });

  it("delivers published events in order, filtered by type, once even when published twice", async () => {
    const seen: HubEvent[] = [];
    const subscription = await bus.subscribe({ types: ["payment.status_changed"] }, (event) => void seen.push(event));
    const events = Array.from({ length: 20 }, (_, i) => testEvent(i % 2 ? "payment.status_changed" : "consent.status_changed", `Payment:${i}`, { i }));
    await bus.publish(events);
    await bus.publish(events.slice(5, 10));
    const wanted = events.filter((e) => e.type === "payment.status_changed").map((e) => e.id);
    await eventually(() => seen.map((e) => e.id), (ids) => ids.length >= wanted.length);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(seen.map((e) => e.id)).toEqual(wanted);
    await subscription.stop();
  });

  it("replays what followed an event id, in order, and refuses an id it does not hold", async () => {
    const events = Array.from({ length: 10 }, (_, i) => testEvent("consent.expiring", `Consent:${i}`));
    await bus.publish(events);
    const seen: string[] = [];
    const subscription = await bus.subscribe({ fromId: events[3]!.id, types: ["consent.expiring"] }, (event) => void seen.push(event.id));
    await eventually(() => seen, (ids) => ids.length >= 6);
    expect(seen).toEqual(events.slice(4).map((e) => e.id));
    await subscription.stop();
    const unknown = testEvent("consent.expiring", "Consent:x").id;
    await expect(bus.subscribe({ fromId: unknown }, () => {})).rejects.toBeInstanceOf(EventCursorExpiredError);
  });

  it("redelivers an event whose handler failed, and a durable resumes where it acknowledged", async () => {
    const durable = `durable-${Date.now()}`;
    const seen: string[] = [];
    let failures = 0;
    const first = await bus.subscribe({ durable, types: ["tpp.status_changed"] }, (event) => {
      if (event.payload.fail && failures < 2) {
        failures++;
        throw new Error("not yet");
      }
      seen.push(event.id);
    });
    const batch1 = [testEvent("tpp.status_changed", "Tpp:1", { fail: true }), testEvent("tpp.status_changed", "Tpp:2")];
    await bus.publish(batch1);
    await eventually(() => seen, (ids) => ids.length >= 2);
    expect(seen).toEqual(batch1.map((e) => e.id));
    expect(failures).toBe(2);
    await first.stop();
    const batch2 = [testEvent("tpp.status_changed", "Tpp:3"), testEvent("tpp.status_changed", "Tpp:4")];
    await bus.publish(batch2);
    const resumed: string[] = [];
    const second = await bus.subscribe({ durable, types: ["tpp.status_changed"] }, (event) => void resumed.push(event.id));
    await eventually(() => resumed, (ids) => ids.length >= 2);
    expect(resumed).toEqual(batch2.map((e) => e.id));
    await second.stop();
    // An existing durable resumes where it acknowledged, whatever fromId says.
    const batch3 = [testEvent("tpp.status_changed", "Tpp:5")];
    await bus.publish(batch3);
    const third: string[] = [];
    const again = await bus.subscribe({ durable, types: ["tpp.status_changed"], fromId: batch1[0]!.id }, (event) => void third.push(event.id));
    await eventually(() => third, (ids) => ids.length >= 1);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(third).toEqual(batch3.map((e) => e.id));
    await again.stop();
  });
});
