import { randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { SIM_ACCOUNTS, simulatedBank, startIso8583Simulator, type Iso8583Simulator } from "../../test/simulators/iso8583/index.js";
import type { CoreBankingConnector, PaymentOrder } from "../contract.js";
import { describeConnectorContract } from "../contract.suite.js";
import { createIso8583Connector } from "./index.js";
import { rrnOf } from "./mapper.js";

const [MAX_GIRO, MAX_SAVINGS, MAX_USD, ANTON, BLOCKED] = SIM_ACCOUNTS.map((a) => a.number) as [string, string, string, string, string];
const OUTSIDE = "DE89370400440532013000";
const ctx = {};

for (const encoding of ["ascii", "bcd"] as const) {
  describeConnectorContract(`iso8583 (${encoding})`, async () => {
    const sim = await startIso8583Simulator({ variant: encoding });
    const connector = await createIso8583Connector(simulatedBank(sim, encoding));
    return {
      connector,
      knownPsu: "max.musterman",
      fundedAccountRef: MAX_GIRO,
      otherIban: OUTSIDE,
      unsupported: ["transactions", "transactionsByRefs"],
      teardown: async () => {
        await connector.close();
        await sim.close();
      },
    };
  });
}

describe("iso8583 connector against the simulated switch", () => {
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
  const recovered = () => vi.waitFor(async () => expect((await c.health()).status).toBe("up"), { timeout: 3_000, interval: 25 });

  it("asks one balance inquiry per account, side by side, and reads ledger and available from field 54", async () => {
    const before = sim.received.length;
    const balances = await c.balances(ctx, [MAX_GIRO, MAX_SAVINGS, MAX_USD, "nope", MAX_GIRO]);
    const inquiries = sim.received.slice(before);
    expect(inquiries.map((m) => [m.mti, m.fields.get(3), m.fields.get(102)])).toEqual([
      ["0200", "312000", MAX_GIRO],
      ["0200", "311000", MAX_SAVINGS],
      ["0200", "312000", MAX_USD],
    ]);
    expect(new Set(inquiries.map((m) => m.fields.get(11))).size).toBe(3);
    expect([...balances.keys()]).toEqual([MAX_GIRO, MAX_SAVINGS, MAX_USD]);
    const giro = Object.fromEntries(balances.get(MAX_GIRO)!.map((b) => [b.type, b.amountMinor]));
    expect(giro).toEqual({ interimBooked: ledgerOf(MAX_GIRO).ledger, interimAvailable: ledgerOf(MAX_GIRO).available });
    expect(balances.get(MAX_USD)!.every((b) => b.currency === "USD")).toBe(true);
  });

  it("moves money between two accounts of the switch, once, however often the same paymentRef is sent", async () => {
    const [antonBefore, maxBefore] = [ledgerOf(ANTON).ledger, ledgerOf(MAX_GIRO).ledger];
    const payment = order({ creditorIban: SIM_ACCOUNTS[0]!.iban, amountMinor: 2_500n });
    const first = await c.executePayment(ctx, payment);
    expect(first).toMatchObject({ ok: true, value: { status: "ACSC", coreRef: expect.stringMatching(/^\d{6}$/) } });
    const repeats = await Promise.all([c.executePayment(ctx, payment), c.executePayment(ctx, payment)]);
    expect(repeats).toEqual([first, first]);
    const sent = sim.received.filter((m) => isTransfer(m) && m.fields.get(37) === rrnOf(payment.paymentRef));
    expect(sent).toHaveLength(3);
    expect(sent[0]!.fields.get(48)).toContain(`PR036${payment.paymentRef}`);
    expect(sent[0]!.fields.get(48)).toContain("CN014Zoe ?r?-Muller");
    expect([ledgerOf(ANTON).ledger, ledgerOf(MAX_GIRO).ledger]).toEqual([antonBefore - 2_500n, maxBefore + 2_500n]);
    expect(sim.ledger.netOf(rrnOf(payment.paymentRef), ANTON)).toBe(-2_500n);
  });

  it("maps the switch's declines to Results: 51 insufficient funds, 62 restricted account", async () => {
    const broke = await c.executePayment(ctx, order({ amountMinor: ledgerOf(ANTON).available + 1n }));
    expect(broke).toMatchObject({ ok: false, error: { code: "INSUFFICIENT_FUNDS", message: expect.stringContaining("51") } });
    expect(await c.executePayment(ctx, order({ debtorAccountRef: BLOCKED }))).toMatchObject({ ok: false, error: { code: "ACCOUNT_BLOCKED" } });
    const funds = await c.confirmFunds(ctx, { accountRef: BLOCKED, amountMinor: 1n, currency: "EUR" });
    expect(funds).toEqual({ ok: true, value: { fundsAvailable: true } });
  });

  it("holds the funds of a future-dated transfer and releases them when it is cancelled", async () => {
    const before = ledgerOf(ANTON);
    const later = order({ amountMinor: 700n, requestedExecutionDate: "2999-12-31" });
    expect(await c.executePayment(ctx, later)).toMatchObject({ ok: true, value: { status: "ACSP" } });
    expect(ledgerOf(ANTON)).toEqual({ ledger: before.ledger, available: before.available - 700n });
    expect(await c.cancelPayment(ctx, later.paymentRef)).toMatchObject({ ok: true, value: { status: "CANC" } });
    expect(sim.received.at(-1)).toMatchObject({ mti: "0400", fields: expect.any(Map) });
    expect(sim.received.at(-1)!.fields.get(39)).toBe("17");
    expect(ledgerOf(ANTON)).toEqual(before);
  });

  it("answers the switch's own echo test", async () => {
    await recovered();
    const answers = await sim.echoClients();
    expect(answers.map((m) => [m.mti, m.fields.get(39), m.fields.get(70)])).toEqual([["0810", "00", "301"]]);
  });

  it("keeps at most maxInFlight requests on the wire", async () => {
    const narrow = await createIso8583Connector(simulatedBank(sim, "bcd", { maxInFlight: 1, timeoutMs: 2_000 }));
    try {
      const arrivals: number[] = [];
      Object.assign(sim.faults, { slowMs: 100, when: (m: { mti: string }) => m.mti === "0200" && arrivals.push(performance.now()) > 0 });
      await narrow.balances(ctx, [MAX_GIRO, MAX_SAVINGS, ANTON]);
      const gaps = arrivals.slice(1).map((t, i) => t - arrivals[i]!);
      expect(gaps).toHaveLength(2);
      for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(90);
    } finally {
      await narrow.close();
    }
  });

  it("declares what the core cannot list, and closes safely more than once", async () => {
    await expect(c.transactions(ctx, { accountRefs: [MAX_GIRO], bookingStatus: "both", first: 1 })).rejects.toMatchObject({ code: "NOT_SUPPORTED", httpStatus: 501 });
    const extra = await createIso8583Connector(simulatedBank(sim, "bcd"));
    await extra.close();
    await extra.close();
    await expect(extra.balances(ctx, [MAX_GIRO])).rejects.toMatchObject({ code: "CORE_CONNECTION_FAILED" });
    expect((await extra.health()).status).toBe("down");
  });
});
