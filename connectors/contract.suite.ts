/**
 * @module The behaviour every core-banking connector must show, as one reusable vitest suite.
 *
 * @example
 *   describeConnectorContract("sandbox", async () => ({ connector, knownPsu: "max.musterman", fundedAccountRef, otherIban, teardown }));
 *
 * The fixture's `fundedAccountRef` must belong to `knownPsu`, be enabled, hold at least 100.00 and more
 * than ten transactions on at least three dates (unless it declares `transactions` unsupported); `otherIban`
 * is any valid IBAN it can pay.
 *
 * A kind of core that cannot do an operation at all declares it in `unsupported`: the suite then checks
 * that the operation is refused with NOT_SUPPORTED, and reports the tests that need it as skipped.
 */
import { randomUUID } from "node:crypto";
import { isValidIBAN } from "ibantools";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CoreAccount, CoreBankingConnector, CoreTransaction, PaymentOrder, TransactionQuery } from "./contract.js";

/** Operations a kind of core may be unable to do (reads throw NOT_SUPPORTED, payment operations return it). */
export const UNSUPPORTABLE_OPERATIONS = ["transactions", "transactionsByRefs", "cancelPayment"] as const;
export type UnsupportedOperation = (typeof UNSUPPORTABLE_OPERATIONS)[number];

export interface ConnectorContractFixture {
  connector: CoreBankingConnector;
  knownPsu: string;
  fundedAccountRef: string;
  otherIban: string;
  /** What this kind of core cannot do; empty by default. */
  unsupported?: readonly UnsupportedOperation[];
  teardown(): Promise<void>;
}

const ctx = { requestId: "connector-contract-suite", psuId: "contract-suite" };
const UNKNOWN_REF = "00000000-0000-4000-8000-000000000000";
const UNKNOWN_IBAN = "DE02120300000000202051";
const dateOf = (t: CoreTransaction) => t.bookingDate ?? t.valueDate ?? "";
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

export function describeConnectorContract(name: string, setup: () => Promise<ConnectorContractFixture>): void {
  describe(`${name}: connector contract`, () => {
    let f: ConnectorContractFixture;
    let c: CoreBankingConnector;
    let funded: CoreAccount;

    beforeAll(async () => {
      f = await setup();
      c = f.connector;
      funded = (await c.accountsByRefs(ctx, [f.fundedAccountRef])).get(f.fundedAccountRef)!;
    });
    afterAll(async () => f?.teardown());

    const cannot = (...operations: UnsupportedOperation[]) => operations.some((op) => f.unsupported?.includes(op) ?? false);
    const skipIfDeclared = (skip: (condition: boolean, note?: string) => void, ...operations: UnsupportedOperation[]) =>
      skip(cannot(...operations), `declared unsupported: ${operations.join(", ")}`);

    const order = (overrides: Partial<PaymentOrder> = {}): PaymentOrder => ({
      paymentRef: randomUUID(),
      product: "sepa-credit-transfers",
      debtorAccountRef: f.fundedAccountRef,
      creditorIban: f.otherIban,
      creditorName: "Contract Suite Creditor",
      amountMinor: 123n,
      currency: funded.currency,
      remittanceInformation: "connector contract suite",
      endToEndId: `E2E-${randomUUID().slice(0, 8)}`,
      ...overrides,
    });
    const available = async () => {
      const balances = (await c.balances(ctx, [f.fundedAccountRef])).get(f.fundedAccountRef)!;
      return balances.find((b) => b.type === "interimAvailable")!.amountMinor;
    };
    const page = async (query: Partial<TransactionQuery>) =>
      (await c.transactions(ctx, { accountRefs: [f.fundedAccountRef], bookingStatus: "both", first: 5, ...query })).get(f.fundedAccountRef)!;

    it("lists the accounts of a PSU, with valid IBANs, and none for a stranger", async () => {
      const accounts = await c.accountsOfPsu(ctx, f.knownPsu);
      expect(accounts.map((a) => a.ref)).toContain(f.fundedAccountRef);
      for (const a of accounts) {
        expect(a.psuIds).toContain(f.knownPsu);
        expect(isValidIBAN(a.iban)).toBe(true);
        expect(a.currency).toMatch(/^[A-Z]{3}$/);
      }
      expect(funded.status).toBe("enabled");
      expect(await c.accountsOfPsu(ctx, `nobody-${randomUUID()}`)).toEqual([]);
    });

    it("finds accounts by refs and by IBANs in one batch, leaving unknown keys out", async () => {
      const accounts = await c.accountsOfPsu(ctx, f.knownPsu);
      const byRefs = await c.accountsByRefs(ctx, [...accounts.map((a) => a.ref), UNKNOWN_REF, "not-a-ref"]);
      expect([...byRefs.keys()].sort()).toEqual(accounts.map((a) => a.ref).sort());
      for (const a of accounts) expect(byRefs.get(a.ref)).toEqual(a);
      const byIbans = await c.accountsByIbans(ctx, [...accounts.map((a) => a.iban), UNKNOWN_IBAN]);
      expect([...byIbans.keys()].sort()).toEqual(accounts.map((a) => a.iban).sort());
      expect(byIbans.get(funded.iban)?.ref).toBe(f.fundedAccountRef);
    });

    it("pages through the bank's account directory without repeats", async () => {
      const seen: string[] = [];
      let after: string | undefined;
      for (let pages = 0; pages < 500; pages++) {
        const { accounts, next } = await c.listAccounts(ctx, { after, limit: 7 });
        expect(accounts.length).toBeLessThanOrEqual(7);
        seen.push(...accounts.map((a) => a.ref));
        if (!next) break;
        after = next;
      }
      expect(new Set(seen).size).toBe(seen.length);
      for (const a of await c.accountsOfPsu(ctx, f.knownPsu)) expect(seen).toContain(a.ref);
    });

    it("answers balances of many accounts at once, in each account's currency", async () => {
      const accounts = await c.accountsOfPsu(ctx, f.knownPsu);
      const balances = await c.balances(ctx, [...accounts.map((a) => a.ref), UNKNOWN_REF]);
      expect([...balances.keys()].sort()).toEqual(accounts.map((a) => a.ref).sort());
      for (const a of accounts) {
        const list = balances.get(a.ref)!;
        expect(list.length).toBeGreaterThan(0);
        for (const b of list) {
          expect(b.currency).toBe(a.currency);
          expect(typeof b.amountMinor).toBe("bigint");
          expect(b.referenceDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        }
      }
      expect(await available()).toBeGreaterThanOrEqual(10_000n);
    });

    it("refuses the operations it declares unsupported with NOT_SUPPORTED", async () => {
      for (const op of f.unsupported ?? []) expect(UNSUPPORTABLE_OPERATIONS).toContain(op);
      const refusal = { code: "NOT_SUPPORTED" };
      if (cannot("transactions")) {
        await expect(c.transactions(ctx, { accountRefs: [f.fundedAccountRef], bookingStatus: "both", first: 1 })).rejects.toMatchObject(refusal);
      }
      if (cannot("transactionsByRefs")) await expect(c.transactionsByRefs(ctx, [UNKNOWN_REF])).rejects.toMatchObject(refusal);
      if (cannot("cancelPayment")) expect(await c.cancelPayment(ctx, randomUUID())).toMatchObject({ ok: false, error: refusal });
    });

    it("pages transactions newest first with cursors, the same as one big page", async ({ skip }) => {
      skipIfDeclared(skip, "transactions");
      const all = await page({ first: 10_000 });
      expect(all.hasMore).toBe(false);
      expect(all.transactions.length).toBeGreaterThan(10);
      const collected: CoreTransaction[] = [];
      let current = await page({ first: 4 });
      for (let n = 0; current.transactions.length > 0 && n <= all.transactions.length / 4; n++) {
        expect(current.transactions.length).toBeLessThanOrEqual(4);
        collected.push(...current.transactions);
        if (!current.hasMore) break;
        current = await page({ first: 4, after: current.transactions[current.transactions.length - 1]!.cursor });
      }
      expect(collected.map((t) => t.ref)).toEqual(all.transactions.map((t) => t.ref));
      const dates = collected.map(dateOf);
      expect(dates).toEqual([...dates].sort().reverse());
      for (const t of collected) expect(t.accountRef).toBe(f.fundedAccountRef);
    });

    it("filters transactions by booking status and date range", async ({ skip }) => {
      skipIfDeclared(skip, "transactions");
      const booked = await page({ bookingStatus: "booked", first: 10_000 });
      expect(booked.transactions.length).toBeGreaterThan(0);
      for (const t of booked.transactions) expect([t.status, t.bookingDate === null]).toEqual(["booked", false]);
      for (const t of (await page({ bookingStatus: "pending", first: 10_000 })).transactions) expect([t.status, t.bookingDate]).toEqual(["pending", null]);
      const dates = [...new Set(booked.transactions.map(dateOf))];
      expect(dates.length).toBeGreaterThanOrEqual(3);
      const [from, to] = [dates[2]!, dates[1]!];
      const ranged = await page({ bookingStatus: "booked", first: 10_000, dateFrom: from, dateTo: to });
      expect(ranged.transactions.map((t) => t.ref)).toEqual(booked.transactions.filter((t) => dateOf(t) >= from && dateOf(t) <= to).map((t) => t.ref));
    });

    it("answers a page for every requested account, and transactions by ref", async ({ skip }) => {
      skipIfDeclared(skip, "transactions");
      const refs = (await c.accountsOfPsu(ctx, f.knownPsu)).map((a) => a.ref);
      const pages = await c.transactions(ctx, { accountRefs: [...refs, UNKNOWN_REF], bookingStatus: "both", first: 3 });
      expect([...pages.keys()].sort()).toEqual([...refs, UNKNOWN_REF].sort());
      expect(pages.get(UNKNOWN_REF)).toEqual({ transactions: [], hasMore: false });
      const first = pages.get(f.fundedAccountRef)!.transactions;
      if (cannot("transactionsByRefs")) return;
      const byRefs = await c.transactionsByRefs(ctx, [...first.map((t) => t.ref), UNKNOWN_REF]);
      expect([...byRefs.values()].map((t) => t.ref).sort()).toEqual(first.map((t) => t.ref).sort());
      expect(byRefs.get(first[0]!.ref)).toEqual(first[0]);
    });

    it("executes a payment once, however often it is repeated", async () => {
      const before = await available();
      const payment = order({ amountMinor: 1_234n });
      const result = await c.executePayment(ctx, payment);
      expect(result.ok && result.value.status).toMatch(/^(ACSC|ACSP|ACTC|PDNG)$/);
      expect(await c.executePayment(ctx, payment)).toEqual(result);
      expect(await c.executePayment(ctx, { ...payment, endToEndId: "changed" })).toEqual(result);
      expect(await c.paymentStatus(ctx, payment.paymentRef)).toEqual(result);
      expect(await available()).toBe(before - 1_234n);
      if (cannot("transactions")) return;
      const mine = (await page({ first: 10_000 })).transactions.filter((t) => t.endToEndId === payment.endToEndId);
      expect(mine.map((t) => [t.amountMinor, t.creditorIban])).toEqual([[-1_234n, f.otherIban]]);
    });

    it("rejects what the core cannot do as values, not exceptions", async () => {
      const broke = order({ amountMinor: 10n ** 14n });
      const result = await c.executePayment(ctx, broke);
      expect(result).toMatchObject({ ok: false, error: { code: "INSUFFICIENT_FUNDS" } });
      expect(await c.executePayment(ctx, broke)).toEqual(result);
      expect(await c.paymentStatus(ctx, broke.paymentRef)).toMatchObject({ ok: true, value: { status: "RJCT" } });
      expect(await c.executePayment(ctx, order({ debtorAccountRef: UNKNOWN_REF }))).toMatchObject({ ok: false, error: { code: "ACCOUNT_NOT_FOUND" } });
      const otherCurrency = funded.currency === "EUR" ? "USD" : "EUR";
      expect(await c.executePayment(ctx, order({ currency: otherCurrency }))).toMatchObject({ ok: false, error: { code: "CURRENCY_MISMATCH" } });
      expect(await c.paymentStatus(ctx, randomUUID())).toMatchObject({ ok: false, error: { code: "PAYMENT_NOT_FOUND" } });
    });

    it("cancels a future-dated payment, and nothing else", async ({ skip }) => {
      skipIfDeclared(skip, "cancelPayment");
      const later = order({ requestedExecutionDate: inDays(7) });
      const scheduled = await c.executePayment(ctx, later);
      expect(scheduled).toMatchObject({ ok: true, value: { status: "ACSP" } });
      const pending = async () => (await page({ bookingStatus: "pending", first: 10_000 })).transactions.filter((t) => t.endToEndId === later.endToEndId);
      if (!cannot("transactions")) expect((await pending()).map((t) => t.valueDate)).toEqual([later.requestedExecutionDate]);
      expect(await c.cancelPayment(ctx, later.paymentRef)).toMatchObject({ ok: true, value: { status: "CANC" } });
      expect(await c.paymentStatus(ctx, later.paymentRef)).toMatchObject({ ok: true, value: { status: "CANC" } });
      if (!cannot("transactions")) expect(await pending()).toEqual([]);
      const now = order();
      expect(await c.executePayment(ctx, now)).toMatchObject({ ok: true, value: { status: "ACSC" } });
      expect(await c.cancelPayment(ctx, now.paymentRef)).toMatchObject({ ok: false, error: { code: "CANCELLATION_NOT_ALLOWED" } });
      expect(await c.cancelPayment(ctx, randomUUID())).toMatchObject({ ok: false, error: { code: "PAYMENT_NOT_FOUND" } });
    });

    it("confirms funds against the available balance", async () => {
      const query = { accountRef: f.fundedAccountRef, currency: funded.currency };
      const balance = await available();
      expect(await c.confirmFunds(ctx, { ...query, amountMinor: balance })).toEqual({ ok: true, value: { fundsAvailable: true } });
      expect(await c.confirmFunds(ctx, { ...query, amountMinor: balance + 1n })).toEqual({ ok: true, value: { fundsAvailable: false } });
      const otherCurrency = funded.currency === "EUR" ? "USD" : "EUR";
      expect(await c.confirmFunds(ctx, { ...query, currency: otherCurrency, amountMinor: 1n })).toMatchObject({ ok: false, error: { code: "CURRENCY_MISMATCH" } });
      const unknown = await c.confirmFunds(ctx, { ...query, accountRef: UNKNOWN_REF, amountMinor: 1n });
      expect(unknown).toMatchObject({ ok: false, error: { code: "ACCOUNT_NOT_FOUND" } });
    });

    it("reports its health", async () => {
      const health = await c.health();
      expect(health.status).toBe("up");
      expect(health.latencyMs).toBeGreaterThanOrEqual(0);
    });
  });
}
