import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PaymentOrder } from "../contract.js";
import { describeConnectorContract } from "../contract.suite.js";
import { sql } from "../../subgraphs/shared/orm.js";
import { sandboxAccountRef } from "./index.js";
import { openTestBanks, type TestBanks } from "./test-bank.js";

const MAX_GIRO = "DE80760700240271232400";
const MAX_USD = "DE53760700240271232401";
const ANTON = "DE69760700240340283600";
const MARION = "DE03500105172351985719";
const OUTSIDE = "DE89370400440532013000";
const ctx = {};

let opened: Promise<TestBanks> | undefined;
const banks = () => (opened ??= openTestBanks());
afterAll(async () => (await opened)?.t.drop());

describeConnectorContract("sandbox", async () => ({
  connector: (await banks()).musterbank,
  knownPsu: "max.musterman",
  fundedAccountRef: sandboxAccountRef(MAX_GIRO),
  otherIban: OUTSIDE,
  teardown: async () => {},
}));

describe("sandbox connector", () => {
  let b: TestBanks;
  beforeAll(async () => {
    b = await banks();
  });

  const order = (overrides: Partial<PaymentOrder> = {}): PaymentOrder => ({
    paymentRef: randomUUID(),
    product: "sepa-credit-transfers",
    debtorAccountRef: sandboxAccountRef(MAX_GIRO),
    creditorIban: OUTSIDE,
    creditorName: "Someone Outside",
    amountMinor: 500n,
    currency: "EUR",
    endToEndId: `E2E-${randomUUID().slice(0, 8)}`,
    ...overrides,
  });
  const balance = async (bank: "musterbank" | "beispielbank", iban: string, type: string) =>
    (await b[bank].balances(ctx, [sandboxAccountRef(iban)])).get(sandboxAccountRef(iban))!.find((x) => x.type === type)!;
  const statements = async (call: () => Promise<unknown>) => {
    const before = b.t.db.statements.count;
    await call();
    return b.t.db.statements.count - before;
  };

  it("answers every batch read with one SQL statement, and none for an empty batch", async () => {
    const c = b.musterbank;
    const accounts = await c.listAccounts(ctx, { limit: 20 });
    const refs = accounts.accounts.map((a) => a.ref);
    const txs = (await c.transactions(ctx, { accountRefs: refs, bookingStatus: "both", first: 3 })).values();
    const txRefs = [...txs].flatMap((p) => p.transactions.map((t) => t.ref));
    expect(refs.length).toBe(20);
    expect(txRefs.length).toBeGreaterThan(20);
    const counts = {
      accountsOfPsu: await statements(() => c.accountsOfPsu(ctx, "max.musterman")),
      accountsByRefs: await statements(() => c.accountsByRefs(ctx, refs)),
      accountsByIbans: await statements(() => c.accountsByIbans(ctx, accounts.accounts.map((a) => a.iban))),
      listAccounts: await statements(() => c.listAccounts(ctx, { after: accounts.next, limit: 20 })),
      balances: await statements(() => c.balances(ctx, refs)),
      transactions: await statements(() => c.transactions(ctx, { accountRefs: refs, bookingStatus: "booked", first: 10, dateFrom: "2020-01-01" })),
      transactionsByRefs: await statements(() => c.transactionsByRefs(ctx, txRefs)),
      confirmFunds: await statements(() => c.confirmFunds(ctx, { accountRef: refs[0]!, amountMinor: 1n, currency: "EUR" })),
    };
    expect(counts).toEqual(Object.fromEntries(Object.keys(counts).map((k) => [k, 1])));
    expect(await statements(() => c.balances(ctx, []))).toBe(0);
    expect(await statements(() => c.transactions(ctx, { accountRefs: ["nope"], bookingStatus: "both", first: 1 }))).toBe(0);
  });

  it("posts a payment repeated concurrently exactly once", async () => {
    const before = (await balance("musterbank", MAX_GIRO, "interimAvailable")).amountMinor;
    const payment = order({ amountMinor: 777n });
    const results = await Promise.all(Array.from({ length: 6 }, () => b.musterbank.executePayment(ctx, payment)));
    expect(results[0]).toMatchObject({ ok: true, value: { status: "ACSC" } });
    for (const r of results) expect(r).toEqual(results[0]);
    const rows = await sql(b.em(), `select count(*)::int as n from sandbox.entry where end_to_end_id = ?`, [payment.endToEndId]);
    expect(rows).toEqual([{ n: 1 }]);
    expect((await balance("musterbank", MAX_GIRO, "interimAvailable")).amountMinor).toBe(before - 777n);
  });

  it("never lets concurrent payments overdraw an account", async () => {
    const available = (await balance("beispielbank", MARION, "interimAvailable")).amountMinor;
    const share = (available * 15n) / 100n;
    // Open the pool's connections first, so the payments really run side by side on PostgreSQL.
    await Promise.all(Array.from({ length: 8 }, () => balance("beispielbank", MARION, "expected")));
    const pay = () => b.beispielbank.executePayment(ctx, order({ debtorAccountRef: sandboxAccountRef(MARION), amountMinor: share }));
    const results = await Promise.all(Array.from({ length: 10 }, pay));
    expect(results.filter((r) => r.ok)).toHaveLength(6);
    expect(new Set(results.filter((r) => !r.ok).map((r) => !r.ok && r.error.code))).toEqual(new Set(["INSUFFICIENT_FUNDS"]));
    expect((await balance("beispielbank", MARION, "interimAvailable")).amountMinor).toBe(available - 6n * share);
  });

  it("credits sandbox accounts directly, across the two banks too", async () => {
    const antonBefore = (await balance("musterbank", ANTON, "interimBooked")).amountMinor;
    const marionBefore = (await balance("beispielbank", MARION, "interimBooked")).amountMinor;
    expect(await b.musterbank.executePayment(ctx, order({ creditorIban: ANTON, amountMinor: 1_000n }))).toMatchObject({ ok: true });
    const toMarion = order({ creditorIban: MARION.replace(/(.{4})/g, "$1 "), creditorName: "Marion Müller", amountMinor: 2_500n });
    expect(await b.musterbank.executePayment(ctx, toMarion)).toMatchObject({ ok: true });
    expect((await balance("musterbank", ANTON, "interimBooked")).amountMinor).toBe(antonBefore + 1_000n);
    expect((await balance("beispielbank", MARION, "interimBooked")).amountMinor).toBe(marionBefore + 2_500n);
    const marion = sandboxAccountRef(MARION);
    const page = (await b.beispielbank.transactions(ctx, { accountRefs: [marion], bookingStatus: "booked", first: 50 })).get(marion)!;
    const credit = page.transactions.find((t) => t.endToEndId === toMarion.endToEndId);
    expect(credit).toMatchObject({ amountMinor: 2_500n, debtorIban: MAX_GIRO, debtorName: "Max Mustermann", creditorIban: MARION });
  });

  it("keeps closing, interim, expected and available balances apart", async () => {
    const get = async () =>
      Object.fromEntries((await b.musterbank.balances(ctx, [sandboxAccountRef(MAX_GIRO)])).get(sandboxAccountRef(MAX_GIRO))!.map((x) => [x.type, x]));
    const before = await get();
    expect(before.interimAvailable!.amountMinor).toBe(before.expected!.amountMinor + 100_000n);
    expect(before.interimAvailable!.creditLimitIncluded).toBe(true);
    expect(before.closingBooked!.referenceDate < before.interimBooked!.referenceDate).toBe(true);
    await b.musterbank.executePayment(ctx, order({ amountMinor: 300n }));
    await b.musterbank.executePayment(ctx, order({ amountMinor: 40n, requestedExecutionDate: "2999-01-01" }));
    const after = await get();
    expect(after.closingBooked!.amountMinor).toBe(before.closingBooked!.amountMinor);
    expect(after.interimBooked!.amountMinor).toBe(before.interimBooked!.amountMinor - 300n);
    expect(after.expected!.amountMinor).toBe(before.expected!.amountMinor - 340n);
  });

  it("refuses blocked accounts and foreign currencies", async () => {
    const [blocked] = await sql<{ id: string }>(b.em(), `select id from sandbox.account where bank_id = 'musterbank' and status = 'blocked'`);
    expect(await b.musterbank.executePayment(ctx, order({ debtorAccountRef: blocked!.id }))).toMatchObject({ ok: false, error: { code: "ACCOUNT_BLOCKED" } });
    const funds = await b.musterbank.confirmFunds(ctx, { accountRef: blocked!.id, amountMinor: 1n, currency: "EUR" });
    expect(funds).toMatchObject({ ok: false, error: { code: "ACCOUNT_BLOCKED" } });
    const usd = await b.musterbank.executePayment(ctx, order({ debtorAccountRef: sandboxAccountRef(MAX_USD), currency: "USD", creditorIban: "GB29NWBK60161331926819" }));
    expect(usd).toMatchObject({ ok: true, value: { status: "ACSC" } });
    expect(await b.beispielbank.accountsByRefs(ctx, [sandboxAccountRef(MAX_GIRO)])).toEqual(new Map());
  });

  it("finds IBANs however they are written, and rejects cursors it did not make", async () => {
    const spaced = "de80 7607 0024 0271 2324 00";
    expect((await b.musterbank.accountsByIbans(ctx, [spaced])).get(spaced)?.ref).toBe(sandboxAccountRef(MAX_GIRO));
    const bad = b.musterbank.transactions(ctx, { accountRefs: [sandboxAccountRef(MAX_GIRO)], bookingStatus: "both", first: 5, after: "garbage" });
    await expect(bad).rejects.toMatchObject({ code: "INVALID_CURSOR" });
    await expect(b.musterbank.listAccounts(ctx, { after: "garbage", limit: 5 })).rejects.toMatchObject({ code: "INVALID_CURSOR" });
  });

  it("keeps every journal entry balanced after all of the above", async () => {
    const unbalanced = await sql(
      b.em(),
      `select entry_id, currency, sum(amount_minor)::text as total from sandbox.posting group by entry_id, currency having sum(amount_minor) <> 0`,
    );
    expect(unbalanced).toEqual([]);
    const [payments] = await sql<{ n: number }>(b.em(), `select count(*)::int as n from sandbox.payment where status = 'ACSC'`);
    expect(payments!.n).toBeGreaterThan(5);
  });

  it("closes safely, more than once", async () => {
    await b.musterbank.close();
    await b.musterbank.close();
    expect((await b.musterbank.health()).status).toBe("up");
  });
});
