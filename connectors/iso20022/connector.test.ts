import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PaymentOrder } from "../contract.js";
import { describeConnectorContract } from "../contract.suite.js";
import { isarbankIban, startIso20022Simulator, type Iso20022Simulator } from "../../test/simulators/iso20022/index.js";
import { parseIso20022Options } from "./config.js";
import { kindOf, xsdErrors } from "./fixtures/schemas.js";
import { createIso20022Connector, Iso20022Connector } from "./index.js";

const MAX_GIRO = isarbankIban("1000100001");
const MARION_GIRO = isarbankIban("1000200001");
const ANTON_BLOCKED = isarbankIban("1000400002");
const OUTSIDE = "DE89370400440532013000";
const ctx = { requestId: "iso20022-test" };

describeConnectorContract("iso20022", async () => {
  const sim = await startIso20022Simulator();
  const connector = await createIso20022Connector(sim.bank(), { db: undefined as never, seed: false });
  return {
    connector,
    knownPsu: "max.musterman",
    fundedAccountRef: MAX_GIRO,
    otherIban: OUTSIDE,
    teardown: async () => {
      // Everything the connector sent and the core answered during the whole suite must be schema-valid.
      expect(await xsdErrors(sim.messages.map((m) => m.xml))).toEqual([]);
      await connector.close();
      await sim.close();
    },
  };
});

describe("iso20022 connector", () => {
  let sim: Iso20022Simulator;
  let c: Iso20022Connector;
  beforeAll(async () => {
    sim = await startIso20022Simulator();
    c = new Iso20022Connector("isarbank", parseIso20022Options(sim.bank({ timeoutMs: 400, batchSize: 2 })));
  });
  afterAll(async () => {
    await c.close();
    await sim.close();
  });

  const order = (overrides: Partial<PaymentOrder> = {}): PaymentOrder => ({
    paymentRef: randomUUID(),
    product: "sepa-credit-transfers",
    debtorAccountRef: MAX_GIRO,
    creditorIban: MARION_GIRO,
    creditorName: "Marion Müller",
    amountMinor: 1_500n,
    currency: "EUR",
    remittanceInformation: "Kino",
    endToEndId: `E2E-${randomUUID().slice(0, 8)}`,
    ...overrides,
  });
  const debits = (o: PaymentOrder) => sim.ledger.entries.filter((e) => e.endToEndId === o.endToEndId && e.amountMinor < 0n && e.status !== "cancelled");
  const booked = (iban: string) => sim.ledger.funds(iban).interimBooked;

  it("books a payment once, even when two initiations of it race, and moves the money inside the bank", async () => {
    const [maxBefore, marionBefore] = [booked(MAX_GIRO), booked(MARION_GIRO)];
    const payment = order();
    const [first, second] = await Promise.all([c.executePayment(ctx, payment), c.executePayment(ctx, payment)]);
    expect(first).toMatchObject({ ok: true, value: { status: "ACSC", coreRef: expect.stringMatching(/^B\d{8}$/) } });
    expect(second).toEqual(first);
    expect(sim.received.filter((id) => id === payment.paymentRef.replaceAll("-", ""))).toHaveLength(2);
    expect(debits(payment)).toHaveLength(1);
    expect([booked(MAX_GIRO) - maxBefore, booked(MARION_GIRO) - marionBefore]).toEqual([-1_500n, 1_500n]);
    const credit = (await c.transactions(ctx, { accountRefs: [MARION_GIRO], bookingStatus: "booked", first: 1 })).get(MARION_GIRO)!.transactions[0]!;
    expect(credit).toMatchObject({ amountMinor: 1_500n, endToEndId: payment.endToEndId, debtorIban: MAX_GIRO, remittanceInformation: "Kino" });
  });

  it("resolves a lost answer with a status inquiry, without sending the payment again", async () => {
    const payment = order({ amountMinor: 2_500n });
    const before = booked(MAX_GIRO);
    sim.faults.loseResponses = 1;
    const result = await c.executePayment(ctx, payment);
    expect(result).toMatchObject({ ok: true, value: { status: "ACSC" } });
    expect(sim.faults.loseResponses).toBe(0);
    expect(sim.requests.slice(-2)).toEqual(["POST payments", `GET payments/${payment.paymentRef.replaceAll("-", "")}/status`]);
    expect(debits(payment)).toHaveLength(1);
    expect(booked(MAX_GIRO)).toBe(before - 2_500n);
    expect(await c.paymentStatus(ctx, payment.paymentRef)).toEqual(result);
  });

  it("sends the same pain.001 again when the core never received the first one", async () => {
    const payment = order({ amountMinor: 700n });
    sim.faults.dropRequests = 1;
    const result = await c.executePayment(ctx, payment);
    expect(result).toMatchObject({ ok: true, value: { status: "ACSC" } });
    const id = payment.paymentRef.replaceAll("-", "");
    expect(sim.requests.slice(-2)).toEqual([`GET payments/${id}/status`, "POST payments"]);
    expect(sim.received.filter((r) => r === id)).toHaveLength(1);
    expect(debits(payment)).toHaveLength(1);
  });

  it("never guesses a payment whose answer timed out: it throws, and paymentStatus settles it later", async () => {
    const payment = order({ amountMinor: 900n });
    sim.faults.slowMs = 700;
    const error = await c.executePayment(ctx, payment).catch((e: Error) => e);
    sim.faults.slowMs = 0;
    expect(error).toMatchObject({ code: "CORE_UNAVAILABLE", failure: "timeout", message: expect.stringMatching(/stays pending until paymentStatus resolves it/) });
    await new Promise((resolve) => setTimeout(resolve, 900));
    expect(await c.paymentStatus(ctx, payment.paymentRef)).toMatchObject({ ok: true, value: { status: "ACSC" } });
    expect(await c.executePayment(ctx, payment)).toMatchObject({ ok: true, value: { status: "ACSC" } });
    expect(debits(payment)).toHaveLength(1);
  });

  it("maps the core's rejections: blocked account, unknown status, cancellation of a booked payment", async () => {
    expect(await c.executePayment(ctx, order({ debtorAccountRef: ANTON_BLOCKED }))).toMatchObject({ ok: false, error: { code: "ACCOUNT_BLOCKED" } });
    expect(await c.confirmFunds(ctx, { accountRef: ANTON_BLOCKED, amountMinor: 1n, currency: "EUR" })).toMatchObject({ ok: false, error: { code: "ACCOUNT_BLOCKED" } });
    const rejected = order({ amountMinor: 10n ** 13n });
    expect(await c.executePayment(ctx, rejected)).toMatchObject({ ok: false, error: { code: "INSUFFICIENT_FUNDS", message: expect.stringContaining("available") } });
    expect(await c.paymentStatus(ctx, rejected.paymentRef)).toEqual({ ok: true, value: { status: "RJCT", coreRef: null, reason: "INSUFFICIENT_FUNDS" } });
    expect(await c.cancelPayment(ctx, rejected.paymentRef)).toMatchObject({ ok: false, error: { code: "CANCELLATION_NOT_ALLOWED" } });
    expect(await c.executePayment(ctx, order({ creditorIban: "DE00123" }))).toMatchObject({ ok: false, error: { code: "REJECTED_BY_CORE" } });
  });

  it("batches account lookups, keys answers by the refs as asked and leaves unknown ones out", async () => {
    const asked = [MAX_GIRO.toLowerCase(), `${MARION_GIRO.slice(0, 4)} ${MARION_GIRO.slice(4)}`, ANTON_BLOCKED, "DE02120300000000202051", "nope"];
    const before = sim.requests.length;
    const accounts = await c.accountsByRefs(ctx, asked);
    expect([...accounts.keys()]).toEqual(asked.slice(0, 3));
    expect(accounts.get(asked[1]!)?.ref).toBe(MARION_GIRO);
    expect(sim.requests.slice(before)).toEqual(["GET accounts", "GET accounts"]);
    const balances = await c.balances(ctx, [MAX_GIRO, "nope"]);
    expect([...balances.keys()]).toEqual([MAX_GIRO]);
    expect(balances.get(MAX_GIRO)!.map((b) => b.type).sort()).toEqual(["closingBooked", "expected", "interimAvailable", "interimBooked"]);
    expect(await c.transactionsByRefs(ctx, ["E99999999", ""])).toEqual(new Map());
  });

  it("reports booked entries as camt.054 notifications after a sequence number", async () => {
    const last = sim.ledger.entries.filter((e) => e.status === "booked").at(-1)!.seq;
    const payment = order({ amountMinor: 333n, endToEndId: "NOTIFY-1" });
    await c.executePayment(ctx, payment);
    const notifications = await c.bookedEntriesAfter(ctx, String(last));
    expect(notifications.map((n) => [n.transaction.accountRef, n.transaction.amountMinor, n.transaction.endToEndId])).toEqual([
      [MAX_GIRO, -333n, "NOTIFY-1"],
      [MARION_GIRO, 333n, "NOTIFY-1"],
    ]);
    expect(await c.bookedEntriesAfter(ctx, notifications.at(-1)!.sequence)).toEqual([]);
  });

  it("is the registry's kind iso20022, built from the bank's options", async () => {
    const { connectorFactories } = await import("../registry.js");
    const built = await connectorFactories.iso20022!(sim.bank(), { db: undefined as never, seed: false });
    expect(built).toBeInstanceOf(Iso20022Connector);
    expect((await built.accountsOfPsu(ctx, "marion.mueller")).map((a) => a.iban)).toContain(MARION_GIRO);
    await built.close();
    await expect(connectorFactories.iso20022!(sim.bank({ baseUrl: "file:///etc" }), { db: undefined as never, seed: false })).rejects.toThrow(/"isarbank" needs connector\.options\.baseUrl/);
  });

  it("exchanged only XSD-valid messages, of all five kinds", async () => {
    await c.transactions(ctx, { accountRefs: [MAX_GIRO], bookingStatus: "booked", first: 2 });
    const documents = sim.messages.map((m) => m.xml);
    expect(new Set(documents.map(kindOf))).toEqual(new Set(["pain.001", "pain.002", "camt.052", "camt.053", "camt.054"]));
    expect(await xsdErrors(documents)).toEqual([]);
  });
});
