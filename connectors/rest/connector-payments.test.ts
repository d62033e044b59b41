import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PaymentOrder } from "../contract.js";
import type { RestSimulator } from "../../test/simulators/rest/index.js";
import type { RestConnector } from "./connector.js";
import { connectorFor, MAX_GIRO, OUTSIDE_IBAN, startCore } from "./test-core.js";

const ctx = { requestId: "req-payments-test" };

describe("rest connector: payments", () => {
  let sim: RestSimulator;
  let connector: RestConnector;
  let slowTolerant: RestConnector;
  beforeAll(async () => {
    ({ sim, connector } = await startCore({ timeoutMs: 300 }));
    slowTolerant = connectorFor(sim, { timeoutMs: 5_000 });
  });
  afterAll(async () => {
    await connector.close();
    await slowTolerant.close();
    await sim.close();
  });

  const order = (overrides: Partial<PaymentOrder> = {}): PaymentOrder => ({
    paymentRef: randomUUID(),
    product: "sepa-credit-transfers",
    debtorAccountRef: MAX_GIRO,
    creditorIban: OUTSIDE_IBAN,
    creditorName: "Someone Outside",
    amountMinor: 250n,
    currency: "EUR",
    endToEndId: `E2E-${randomUUID().slice(0, 8)}`,
    ...overrides,
  });
  const transfersFor = (ref: string) => sim.requests.filter((r) => r.method === "POST" && r.url.endsWith("/transfers") && r.headers["idempotency-key"] === ref);
  const available = () => sim.ledger.funds(MAX_GIRO)!.available;

  it("sends the paymentRef as Idempotency-Key, so the core asked twice books once", async () => {
    const before = { available: available(), booked: sim.ledger.bookedTransfers };
    const payment = order({ amountMinor: 1_111n });
    const first = await connector.executePayment(ctx, payment);
    const second = await connector.executePayment(ctx, payment);
    expect(first).toMatchObject({ ok: true, value: { status: "ACSC" } });
    expect(second).toEqual(first);
    expect(transfersFor(payment.paymentRef)).toHaveLength(2);
    expect(transfersFor(payment.paymentRef)[0]!.headers["x-request-id"]).toBe("req-payments-test");
    expect(sim.ledger.bookedTransfers).toBe(before.booked + 1);
    expect(available()).toBe(before.available - 1_111n);
  });

  it("resolves a payment whose answer was lost by a status inquiry, never booking it twice", async () => {
    const before = { available: available(), booked: sim.ledger.bookedTransfers };
    const payment = order({ amountMinor: 2_222n });
    sim.faults.loseResponse = true;
    const result = await connector.executePayment(ctx, payment).finally(() => (sim.faults.loseResponse = false));
    expect(result).toMatchObject({ ok: true, value: { status: "ACSC" } });
    const asked = sim.requests.filter((r) => r.url.includes(payment.paymentRef)).map((r) => `${r.method} ${r.url.replace(sim.url.replace(/^http:\/\/[^/]+/, ""), "")}`);
    expect(asked.filter((a) => a.startsWith("GET"))).toEqual([`GET /transfers/by-reference/${payment.paymentRef}`]);
    // The lost answer may be retried once on a fresh connection (same key), never booked twice.
    expect(transfersFor(payment.paymentRef).length).toBeLessThanOrEqual(2);
    expect(await connector.executePayment(ctx, payment)).toEqual(result);
    expect(sim.ledger.bookedTransfers).toBe(before.booked + 1);
    expect(available()).toBe(before.available - 2_222n);
  });

  it("keeps a rejection found by the inquiry a rejection", async () => {
    const payment = order({ amountMinor: 10n ** 13n });
    sim.faults.loseResponse = true;
    const result = await connector.executePayment(ctx, payment).finally(() => (sim.faults.loseResponse = false));
    expect(result).toMatchObject({ ok: false, error: { code: "INSUFFICIENT_FUNDS" } });
    expect(await connector.paymentStatus(ctx, payment.paymentRef)).toMatchObject({ ok: true, value: { status: "RJCT", reason: "INSUFFICIENT_FUNDS" } });
  });

  it("throws, never guesses, when neither the payment nor the inquiry is answered; a repeat later books it once", async () => {
    const before = { available: available(), booked: sim.ledger.bookedTransfers };
    const payment = order({ amountMinor: 3_333n });
    sim.faults.slowMs = 1_000;
    const started = performance.now();
    const attempt = connector.executePayment(ctx, payment).finally(() => (sim.faults.slowMs = 0));
    await expect(attempt).rejects.toMatchObject({ code: "CORE_UNAVAILABLE", failure: "timeout", message: expect.stringMatching(/unknown outcome; the status inquiry failed too/) });
    expect(performance.now() - started).toBeLessThan(900);
    expect(sim.ledger.bookedTransfers).toBe(before.booked);
    expect(await connector.paymentStatus(ctx, payment.paymentRef)).toMatchObject({ ok: false, error: { code: "PAYMENT_NOT_FOUND" } });
    expect(await connector.executePayment(ctx, payment)).toMatchObject({ ok: true, value: { status: "ACSC" } });
    expect(await connector.executePayment(ctx, payment)).toMatchObject({ ok: true, value: { status: "ACSC" } });
    expect(sim.ledger.bookedTransfers).toBe(before.booked + 1);
    expect(available()).toBe(before.available - 3_333n);
  });

  it("throws on a reset or garbled answer to a payment, its outcome unknown, and books nothing the core never got", async () => {
    const payment = order();
    sim.faults.down = true;
    const attempt = connector.executePayment(ctx, payment).finally(() => (sim.faults.down = false));
    await expect(attempt).rejects.toMatchObject({ failure: "reset", message: expect.stringMatching(/unknown outcome; the status inquiry failed too/) });
    sim.faults.garbage = true;
    const garbled = connector.executePayment(ctx, payment).finally(() => (sim.faults.garbage = false));
    await expect(garbled).rejects.toMatchObject({ failure: "malformed", message: expect.stringMatching(/unknown outcome/) });
    expect(sim.ledger.payments.has(payment.paymentRef)).toBe(false);
  });

  it("says a timed-out payment was not executed when the inquiry finds no record of it", async () => {
    const payment = order();
    sim.faults.slowMs = 400;
    setTimeout(() => (sim.faults.slowMs = 0), 150);
    const late = connector.executePayment(ctx, payment);
    await expect(late).rejects.toMatchObject({ failure: "timeout", message: expect.stringMatching(/no record of payment .* not executed; repeating it with the same paymentRef is safe/) });
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(sim.ledger.payments.has(payment.paymentRef)).toBe(false);
    expect(await connector.executePayment(ctx, payment)).toMatchObject({ ok: true, value: { status: "ACSC" } });
  });

  it("refuses a connection-refused payment without an inquiry (it never reached the core)", async () => {
    await sim.stop();
    const payment = order();
    const refused = connector.executePayment(ctx, payment).finally(() => sim.restart());
    await expect(refused).rejects.toMatchObject({ failure: "refused", message: expect.not.stringMatching(/inquiry/) });
    expect(await connector.executePayment(ctx, payment)).toMatchObject({ ok: true });
  });

  it("answers the core's refusals as Result values with the mapped codes", async () => {
    const frozen = await connector.executePayment(ctx, order({ debtorAccountRef: "0999000001" }));
    expect(frozen).toMatchObject({ ok: false, error: { code: "ACCOUNT_BLOCKED" } });
    const funds = await connector.confirmFunds(ctx, { accountRef: "0999000001", amountMinor: 1n, currency: "EUR" });
    expect(funds).toMatchObject({ ok: false, error: { code: "ACCOUNT_BLOCKED" } });
    expect(await connector.executePayment(ctx, order({ product: "cross-border-credit-transfers" }))).toMatchObject({ ok: false, error: { code: "NOT_SUPPORTED" } });
    const scheduled = order({ requestedExecutionDate: "2999-01-01" });
    expect(await connector.executePayment(ctx, scheduled)).toMatchObject({ ok: true, value: { status: "ACSP" } });
    expect(await connector.cancelPayment(ctx, scheduled.paymentRef)).toMatchObject({ ok: true, value: { status: "CANC" } });
    expect(await connector.cancelPayment(ctx, scheduled.paymentRef)).toMatchObject({ ok: true, value: { status: "CANC" } });
  });

  it("sends the idempotency key under the configured header, and amounts as minor units when told to", async () => {
    const minor = connectorFor(sim, { amounts: "minor", idempotencyHeader: "X-Client-Request" });
    const payment = order({ amountMinor: 1_234n });
    // This core wants the header Idempotency-Key, so it refuses the payment with HTTP 400.
    await expect(minor.executePayment(ctx, payment)).rejects.toMatchObject({ failure: "status", message: /HTTP 400 \(IDEMPOTENCY_KEY_MISSING\)/ });
    expect(sim.requests.filter((r) => r.headers["x-client-request"] === payment.paymentRef)).toHaveLength(1);
    // …and reads decimals, so 1234 minor units arrive as 1234.00 EUR.
    expect(await minor.confirmFunds(ctx, { accountRef: MAX_GIRO, amountMinor: 1_234n, currency: "EUR" })).toMatchObject({ ok: true });
    expect(sim.requests.at(-1)!.url).toMatch(/\/funds\?amount=1234&currency=EUR$/);
    await minor.close();
  });
});
