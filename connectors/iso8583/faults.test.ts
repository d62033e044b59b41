import { randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { SIM_ACCOUNTS, simulatedBank, startIso8583Simulator, type Iso8583Simulator } from "../../test/simulators/iso8583/index.js";
import type { CoreBankingConnector, PaymentOrder } from "../contract.js";
import { createIso8583Connector } from "./index.js";
import { rrnOf } from "./mapper.js";

const [MAX_GIRO, , , ANTON] = SIM_ACCOUNTS.map((a) => a.number) as [string, string, string, string];
const OUTSIDE = "DE89370400440532013000";
const ctx = {};

describe("iso8583 connector when the switch fails", () => {
  let sim: Iso8583Simulator;
  let c: CoreBankingConnector;
  beforeAll(async () => {
    sim = await startIso8583Simulator({ variant: "bcd" });
    c = await createIso8583Connector(simulatedBank(sim, "bcd"));
  });
  afterAll(async () => {
    await c?.close();
    await sim?.close();
  });
  afterEach(() => Object.assign(sim.faults, { slowMs: 0, garbage: false, drop: false, code: undefined, when: undefined }));

  const order = (overrides: Partial<PaymentOrder> = {}): PaymentOrder => ({
    paymentRef: randomUUID(),
    product: "sepa-credit-transfers",
    debtorAccountRef: ANTON,
    creditorIban: OUTSIDE,
    creditorName: "Zoë Ærø-Müller",
    amountMinor: 1_000n,
    currency: "EUR",
    endToEndId: `E2E-${randomUUID().slice(0, 8)}`,
    ...overrides,
  });
  const isTransfer = (m: { mti: string; fields: ReadonlyMap<number, string> }) => m.mti === "0200" && m.fields.get(3)!.startsWith("40");
  const ledgerOf = (number: string) => sim.ledger.balances(number)!;
  const failure = async (promise: Promise<unknown>) => promise.then(() => expect.fail("expected a thrown transport error"), (error: unknown) => error as Error & { code: string; requestSent: boolean });
  const recovered = () => vi.waitFor(async () => expect((await c.health()).status).toBe("up"), { timeout: 3_000, interval: 25 });

  it("reverses a transfer whose answer was cut off mid-frame, and never debits it twice", async () => {
    const before = ledgerOf(ANTON).ledger;
    const payment = order({ amountMinor: 4_321n });
    Object.assign(sim.faults, { drop: true, when: isTransfer });
    const error = await failure(c.executePayment(ctx, payment));
    expect(error).toMatchObject({ code: "CORE_CONNECTION_FAILED", requestSent: true });
    expect(error.message).toMatch(/middle of a frame.*was not answered/s);
    expect(await c.paymentStatus(ctx, payment.paymentRef)).toMatchObject({ ok: true, value: { status: "PDNG" } });
    await vi.waitFor(() => expect(sim.received.some((m) => m.mti.startsWith("042") && m.fields.get(37) === rrnOf(payment.paymentRef))).toBe(true), { timeout: 3_000 });
    const advice = sim.received.find((m) => m.mti.startsWith("042") && m.fields.get(37) === rrnOf(payment.paymentRef))!;
    const original = sim.received.find((m) => isTransfer(m) && m.fields.get(37) === rrnOf(payment.paymentRef))!;
    expect(advice.fields.get(39)).toBe("68");
    expect(advice.fields.get(90)).toBe(`0200${original.fields.get(11)}${original.fields.get(7)}${"0".repeat(22)}`);
    await vi.waitFor(async () => expect(await c.paymentStatus(ctx, payment.paymentRef)).toMatchObject({ ok: true, value: { status: "RJCT", reason: "REVERSED_AFTER_TIMEOUT" } }), { timeout: 3_000 });
    sim.faults.drop = false;
    expect(await c.executePayment(ctx, payment)).toMatchObject({ ok: false, error: { code: "REJECTED_BY_CORE" } });
    expect(ledgerOf(ANTON).ledger).toBe(before);
    expect(sim.ledger.postings.filter((p) => p.rrn === rrnOf(payment.paymentRef) && p.amountMinor < 0n)).toHaveLength(1);
  });

  it("times out a slow switch instead of hanging, and reverses the transfer it may have booked", async () => {
    Object.assign(sim.faults, { slowMs: 1_500, when: isTransfer });
    const payment = order({ amountMinor: 999n });
    const started = performance.now();
    const error = await failure(c.executePayment(ctx, payment));
    expect(performance.now() - started).toBeLessThan(1_400);
    expect(error).toMatchObject({ code: "CORE_TIMEOUT", requestSent: true });
    expect(error.message).toMatch(/within 400 ms.*acknowledged its reversal/s);
    expect(await c.paymentStatus(ctx, payment.paymentRef)).toMatchObject({ ok: true, value: { status: "RJCT" } });
    expect(sim.ledger.netOf(rrnOf(payment.paymentRef), ANTON)).toBe(0n);
    sim.faults.when = undefined;
    await expect(c.balances(ctx, [ANTON])).rejects.toMatchObject({ code: "CORE_TIMEOUT" });
  });

  it("throws a malformed-response error for garbage, then reconnects by itself", async () => {
    sim.faults.garbage = true;
    const error = await failure(c.balances(ctx, [MAX_GIRO]));
    expect(error).toMatchObject({ code: "CORE_MALFORMED_RESPONSE" });
    expect(error.message).toMatch(/not an ISO 8583 message/);
    sim.faults.garbage = false;
    await recovered();
    expect((await c.balances(ctx, [MAX_GIRO])).size).toBe(1);
  });

  it("throws when a read's answer is cut off mid-frame", async () => {
    sim.faults.drop = true;
    await expect(c.confirmFunds(ctx, { accountRef: MAX_GIRO, amountMinor: 1n, currency: "EUR" })).rejects.toMatchObject({
      code: "CORE_CONNECTION_FAILED",
      message: expect.stringMatching(/middle of a frame/),
    });
    sim.faults.drop = false;
    await recovered();
  });

  it("turns 91 and 96 into transport errors, for reads and payments alike", async () => {
    sim.faults.code = "91";
    await expect(c.balances(ctx, [MAX_GIRO])).rejects.toMatchObject({ code: "CORE_UNAVAILABLE", message: expect.stringContaining("91 (issuer or switch inoperative)") });
    sim.faults.code = "96";
    await expect(c.executePayment(ctx, order())).rejects.toMatchObject({ code: "CORE_UNAVAILABLE", message: expect.stringContaining("96") });
  });

  it("refuses connections while the switch is down, reports it down, and recovers when it is back", async () => {
    await sim.setDown(true);
    await expect(c.balances(ctx, [MAX_GIRO])).rejects.toMatchObject({ code: "CORE_CONNECTION_FAILED" });
    const health = await c.health();
    expect(health).toMatchObject({ status: "down", detail: expect.stringMatching(/connection refused|closed|not connected/i) });
    await expect(c.executePayment(ctx, order())).rejects.toMatchObject({ code: "CORE_CONNECTION_FAILED", requestSent: false });
    await sim.setDown(false);
    await recovered();
    expect(await c.executePayment(ctx, order())).toMatchObject({ ok: true, value: { status: "ACSC" } });
  });


  it("keeps an idle connection alive with echo tests, and replaces it when they go unanswered", async () => {
    const echoes = () => sim.received.filter((m) => m.mti === "0800" && m.fields.get(70) === "301").length;
    const [before, connections] = [echoes(), sim.accepted];
    const idle = await createIso8583Connector(simulatedBank(sim, "bcd", { echoIntervalMs: 40, timeoutMs: 100 }));
    try {
      await vi.waitFor(() => expect(echoes()).toBeGreaterThanOrEqual(before + 3), { timeout: 2_000 });
      expect(sim.accepted).toBe(connections + 1);
      Object.assign(sim.faults, { slowMs: 1_000, when: (m: { mti: string }) => m.mti === "0800" });
      await vi.waitFor(() => expect(sim.accepted).toBeGreaterThanOrEqual(connections + 2), { timeout: 2_000 });
    } finally {
      await idle.close();
    }
  });
});
