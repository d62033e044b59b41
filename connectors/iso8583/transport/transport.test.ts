import { describe, expect, it } from "vitest";
import type { IsoMessage } from "../codec/codec.js";
import { PendingRequests, responseMti } from "./pending.js";
import { backoffDelay, Slots } from "./slots.js";

const msg = (mti: string, fields: Record<number, string>): IsoMessage => ({ mti, fields: new Map(Object.entries(fields).map(([k, v]) => [Number(k), v])) });

describe("matching answers to requests", () => {
  const request = msg("0200", { 11: "000042", 37: "RRN000000042" });

  it("pairs request and response MTIs", () => {
    expect(["0200", "0400", "0420", "0421", "0600", "0800"].map(responseMti)).toEqual(["0210", "0410", "0430", "0430", "0610", "0810"]);
  });

  it("settles a request with the answer of the same STAN, MTI and RRN, and drops answers nobody waits for", async () => {
    const pending = new PendingRequests("switch");
    const answer = pending.expect(request, Date.now() + 1_000, 1_000);
    pending.answer(msg("0210", { 11: "000041", 37: "RRN000000041", 39: "00" }));
    expect(pending.has("000042")).toBe(true);
    pending.answer(msg("0210", { 11: "000042", 37: "RRN000000042", 39: "00" }));
    expect((await answer).fields.get(39)).toBe("00");
    expect(pending.has("000042")).toBe(false);
  });

  it("treats an answer with the right STAN but another MTI or RRN as malformed", async () => {
    const pending = new PendingRequests("switch");
    const wrongRrn = pending.expect(request, Date.now() + 1_000, 1_000);
    pending.answer(msg("0210", { 11: "000042", 37: "RRN000000099" }));
    await expect(wrongRrn).rejects.toMatchObject({ code: "CORE_MALFORMED_RESPONSE", message: expect.stringContaining("expected 0210 and RRN RRN000000042") });
    const wrongMti = pending.expect(request, Date.now() + 1_000, 1_000);
    pending.answer(msg("0430", { 11: "000042", 37: "RRN000000042" }));
    await expect(wrongMti).rejects.toMatchObject({ code: "CORE_MALFORMED_RESPONSE" });
  });

  it("times a request out at its deadline, and refuses a STAN already in flight", async () => {
    const pending = new PendingRequests("switch");
    const late = pending.expect(request, Date.now() + 20, 20);
    expect(() => pending.expect(request, Date.now() + 20, 20)).toThrow(/not in flight/);
    await expect(late).rejects.toMatchObject({ code: "CORE_TIMEOUT", requestSent: true, message: "switch did not answer 0200 (STAN 000042) within 20 ms." });
  });
});

describe("flow control", () => {
  it("lets at most max holders through and hands slots on in order", async () => {
    const slots = new Slots(2);
    await slots.acquire(Date.now() + 1_000, () => new Error("late"));
    await slots.acquire(Date.now() + 1_000, () => new Error("late"));
    const order: string[] = [];
    const third = slots.acquire(Date.now() + 1_000, () => new Error("late")).then(() => order.push("third"));
    const fourth = slots.acquire(Date.now() + 1_000, () => new Error("late")).then(() => order.push("fourth"));
    expect(slots.inUse).toBe(2);
    slots.release();
    slots.release();
    await Promise.all([third, fourth]);
    expect(order).toEqual(["third", "fourth"]);
    expect(slots.inUse).toBe(2);
  });

  it("gives up waiting at the deadline with the caller's error", async () => {
    const slots = new Slots(1);
    await slots.acquire(Date.now() + 1_000, () => new Error("late"));
    await expect(slots.acquire(Date.now() + 10, () => new Error("no slot"))).rejects.toThrow("no slot");
    slots.release();
    expect(slots.inUse).toBe(0);
  });

  it("backs off exponentially, capped, with jitter between half and all of the delay", () => {
    const delays = [1, 2, 3, 4, 10].map((attempt) => backoffDelay(attempt, { initialDelayMs: 100, maxDelayMs: 500 }));
    const ceilings = [100, 200, 400, 500, 500];
    delays.forEach((delay, i) => {
      expect(delay).toBeGreaterThanOrEqual(ceilings[i]! / 2);
      expect(delay).toBeLessThanOrEqual(ceilings[i]!);
    });
  });
});
