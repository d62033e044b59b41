import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PaymentOrder } from "../contract.js";
import type { SoapSimulator } from "../../test/simulators/soap/index.js";
import type { SoapConnector } from "./connector.js";
import { connectorFor, MAX_GIRO, OUTSIDE_IBAN, startCore } from "./test-core.js";

const ctx = {};

describe("soap connector: faults of the core and lost answers", () => {
  let sim: SoapSimulator;
  let connector: SoapConnector;
  beforeAll(async () => {
    ({ sim, connector } = await startCore({ timeoutMs: 300 }));
  });
  afterAll(async () => {
    await connector.close();
    await sim.close();
  });

  const order = (overrides: Partial<PaymentOrder> = {}): PaymentOrder => ({
    paymentRef: randomUUID(),
    product: "instant-sepa-credit-transfers",
    debtorAccountRef: MAX_GIRO,
    creditorIban: OUTSIDE_IBAN,
    creditorName: "Someone Outside",
    amountMinor: 250n,
    currency: "EUR",
    endToEndId: `E2E-${randomUUID().slice(0, 8)}`,
    ...overrides,
  });
  const transferCalls = () => sim.requests.filter((r) => String(r.headers.soapaction).endsWith('/TransferFunds"')).length;
  const available = () => sim.ledger.funds(MAX_GIRO)!.available;

  it("throws a transport error for each fault switch, promptly, and answers again once it is healed", async () => {
    const read = () => connector.balances(ctx, [MAX_GIRO]);
    const cases = [
      { name: "down", on: () => (sim.faults.down = true), off: () => void (sim.faults.down = false), failure: "reset" },
      { name: "stopped", on: () => void sim.stop(), off: () => sim.restart(), failure: "refused" },
      { name: "slow", on: () => (sim.faults.slowMs = 1_000), off: () => void (sim.faults.slowMs = 0), failure: "timeout" },
      { name: "malformed XML", on: () => (sim.faults.garbage = true), off: () => void (sim.faults.garbage = false), failure: "malformed" },
      { name: "SOAP Fault", on: () => (sim.faults.soapFault = true), off: () => void (sim.faults.soapFault = false), failure: "fault" },
    ];
    for (const c of cases) {
      c.on();
      const started = performance.now();
      const outcome = await read().then(() => "answered", (error: unknown) => error).finally(c.off);
      expect([c.name, outcome]).toMatchObject([c.name, { code: "CORE_UNAVAILABLE", failure: c.failure }]);
      expect(performance.now() - started).toBeLessThan(900);
      expect((await read()).get(MAX_GIRO)?.length).toBe(4);
    }
  });

  it("says what the SOAP Fault said, and what a health probe sees", async () => {
    sim.faults.soapFault = true;
    const error = await connector.accountsOfPsu(ctx, "max.musterman").catch((e: unknown) => e).finally(() => (sim.faults.soapFault = false));
    expect(error).toMatchObject({ message: expect.stringMatching(/GetCustomerAccounts: the core answered a SOAP Fault soap:Server: Core ledger temporarily unavailable/) });
    sim.faults.garbage = true;
    expect(await connector.health().finally(() => (sim.faults.garbage = false))).toMatchObject({ status: "down", detail: expect.stringMatching(/not a SOAP envelope/) });
    expect(await connector.health()).toMatchObject({ status: "up" });
  });

  it("sends the paymentRef as RequestId, so TransferFunds asked twice books once", async () => {
    const before = { available: available(), booked: sim.ledger.bookedTransfers };
    const payment = order({ amountMinor: 1_111n });
    const calls = transferCalls();
    const first = await connector.executePayment(ctx, payment);
    expect(first).toMatchObject({ ok: true, value: { status: "ACSC" } });
    expect(await connector.executePayment(ctx, payment)).toEqual(first);
    expect(sim.ledger.payments.get(payment.paymentRef)?.status).toBe("ACSC");
    expect(sim.ledger.bookedTransfers).toBe(before.booked + 1);
    expect(available()).toBe(before.available - 1_111n);
    expect(transferCalls()).toBe(calls + 2);
  });

  it("resolves a transfer whose answer was lost with GetTransferStatus, never booking it twice", async () => {
    const before = { available: available(), booked: sim.ledger.bookedTransfers };
    const payment = order({ amountMinor: 2_222n });
    sim.faults.loseResponse = true;
    const result = await connector.executePayment(ctx, payment).finally(() => (sim.faults.loseResponse = false));
    expect(result).toMatchObject({ ok: true, value: { status: "ACSC", coreRef: expect.any(String) } });
    expect(sim.requests.at(-1)!.headers.soapaction).toMatch(/GetTransferStatus"$/);
    expect(await connector.executePayment(ctx, payment)).toEqual(result);
    expect(sim.ledger.bookedTransfers).toBe(before.booked + 1);
    expect(available()).toBe(before.available - 2_222n);
  });

  it("keeps a rejection found by the inquiry a rejection", async () => {
    const broke = order({ amountMinor: 10n ** 13n });
    sim.faults.loseResponse = true;
    const result = await connector.executePayment(ctx, broke).finally(() => (sim.faults.loseResponse = false));
    expect(result).toMatchObject({ ok: false, error: { code: "INSUFFICIENT_FUNDS" } });
    expect(await connector.paymentStatus(ctx, broke.paymentRef)).toMatchObject({ ok: true, value: { status: "RJCT", reason: "INSUFFICIENT_FUNDS" } });
  });

  it("throws, never guesses, when the transfer and the inquiry both go unanswered; says so when the core has no record", async () => {
    const before = sim.ledger.bookedTransfers;
    const payment = order();
    sim.faults.slowMs = 1_000;
    const attempt = connector.executePayment(ctx, payment).finally(() => (sim.faults.slowMs = 0));
    await expect(attempt).rejects.toMatchObject({ failure: "timeout", message: expect.stringMatching(/unknown outcome; the status inquiry failed too/) });
    const late = order();
    sim.faults.slowMs = 400;
    setTimeout(() => (sim.faults.slowMs = 0), 150);
    await expect(connector.executePayment(ctx, late)).rejects.toMatchObject({ message: expect.stringMatching(/no record of payment .* not executed; repeating it with the same paymentRef is safe/) });
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    expect(sim.ledger.bookedTransfers).toBe(before);
    expect(await connector.executePayment(ctx, payment)).toMatchObject({ ok: true, value: { status: "ACSC" } });
    expect(sim.ledger.bookedTransfers).toBe(before + 1);
  });

  it("bounds the size of an answer", async () => {
    const small = connectorFor(sim, { maxResponseBytes: 1_024 });
    await expect(small.listAccounts(ctx, { limit: 50 })).rejects.toMatchObject({ failure: "too-large" });
    expect((await small.listAccounts(ctx, { limit: 1 })).accounts).toHaveLength(1);
    await small.close();
  });

  it("answers business refusals as Result values, and a foreign cursor as the caller's error", async () => {
    expect(await connector.executePayment(ctx, order({ debtorAccountRef: "0999000001" }))).toMatchObject({ ok: false, error: { code: "ACCOUNT_BLOCKED" } });
    expect(await connector.confirmFunds(ctx, { accountRef: "0999000001", amountMinor: 1n, currency: "EUR" })).toMatchObject({ ok: false, error: { code: "ACCOUNT_BLOCKED" } });
    expect(await connector.executePayment(ctx, order({ product: "cross-border-credit-transfers", creditorIban: "GB29NWBK60161331926819" }))).toMatchObject({ ok: true });
    const page = connector.transactions(ctx, { accountRefs: [MAX_GIRO], bookingStatus: "both", first: 2, after: "garbage" });
    await expect(page).rejects.toMatchObject({ code: "INVALID_CURSOR", httpStatus: 400 });
  });
});
