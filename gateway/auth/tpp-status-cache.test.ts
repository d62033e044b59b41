import { describe, expect, it } from "vitest";
import type { HubEvent } from "../../events/event.js";
import type { EventObserver } from "../subscriptions/event-fanout.js";
import { TppStatusCache } from "./tpp-status-cache.js";

function registry() {
  const statuses = new Map<string, string>([
    ["a", "ACTIVE"],
    ["b", "ACTIVE"],
  ]);
  let asked = 0;
  return {
    statuses,
    asked: () => asked,
    lookup: async (id: string) => {
      asked++;
      const status = statuses.get(id) ?? null; // read at once, answered a little later
      await new Promise((resolve) => setTimeout(resolve, 5));
      return status;
    },
  };
}

function events() {
  let observer: EventObserver | undefined;
  return {
    observe(o: EventObserver) {
      observer = o;
      return () => (observer = undefined);
    },
    statusChanged: (tppId: string) => observer?.event({ id: "1", type: "tpp.status_changed", subject: `Tpp:${tppId}`, tppId, bankId: null, psuId: null, payload: {}, occurredAt: "" } satisfies HubEvent),
    lose: () => observer?.lost(),
    observed: () => observer !== undefined,
  };
}

describe("TPP status cache", () => {
  it("asks once per TPP, shares a lookup in flight, and asks again after that TPP's event only", async () => {
    const reg = registry();
    const bus = events();
    const cache = new TppStatusCache(reg.lookup, 60_000, bus);
    expect(await Promise.all([cache.status("a"), cache.status("a"), cache.status("b")])).toEqual(["ACTIVE", "ACTIVE", "ACTIVE"]);
    expect(reg.asked()).toBe(2);
    reg.statuses.set("a", "SUSPENDED");
    expect(await cache.status("a")).toBe("ACTIVE");
    bus.statusChanged("a");
    expect(await cache.status("a")).toBe("SUSPENDED");
    expect(await cache.status("b")).toBe("ACTIVE");
    expect(reg.asked()).toBe(3);
    cache.close();
    expect(bus.observed()).toBe(false);
  });

  it("forgets a lookup that was in flight when the event came", async () => {
    const reg = registry();
    const bus = events();
    const cache = new TppStatusCache(reg.lookup, 60_000, bus);
    const before = cache.status("a");
    reg.statuses.set("a", "SUSPENDED");
    bus.statusChanged("a");
    expect(await before).toBe("ACTIVE");
    expect(await cache.status("a")).toBe("SUSPENDED");
  });

  it("asks again after the TTL, after invalidate(), after a failed lookup, and on every request without events or once the bus is lost", async () => {
    const reg = registry();
    const short = new TppStatusCache(reg.lookup, 20, events());
    await short.status("a");
    await new Promise((resolve) => setTimeout(resolve, 30));
    await short.status("a");
    expect(reg.asked()).toBe(2);
    short.invalidate();
    await short.status("a");
    expect(reg.asked()).toBe(3);

    let fail = true;
    const flaky = new TppStatusCache(async (id) => (fail ? Promise.reject(new Error("registry down")) : reg.lookup(id)), 60_000, events());
    await expect(flaky.status("a")).rejects.toThrow("registry down");
    fail = false;
    expect(await flaky.status("a")).toBe("ACTIVE");

    const asked = reg.asked();
    const uncached = new TppStatusCache(reg.lookup, 60_000, undefined);
    await uncached.status("a");
    await uncached.status("a");
    expect(reg.asked()).toBe(asked + 2);

    const bus = events();
    const lost = new TppStatusCache(reg.lookup, 60_000, bus);
    await lost.status("a");
    bus.lose();
    await lost.status("a");
    await lost.status("a");
    expect(reg.asked()).toBe(asked + 5);
  });
});
