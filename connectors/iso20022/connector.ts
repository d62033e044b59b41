/** @module A core that speaks ISO 20022 over HTTP, behind the connector contract; accounts are identified by IBAN. */
import type {
  ConnectorContext,
  ConnectorHealth,
  CoreAccount,
  CoreBalance,
  CoreBankingConnector,
  CoreTransaction,
  FundsQuery,
  PaymentExecution,
  PaymentOrder,
  TransactionPage,
  TransactionQuery,
} from "../contract.js";
import { ok, reject, type Result } from "../result.js";
import { HubError } from "../../subgraphs/shared/errors.js";
import type { Iso20022Options } from "./config.js";
import { CoreApi } from "./core-api.js";
import { accountRefOf, decodeCursor, ledgerDateOf, newestFirst, olderThan, toBalances, toTransaction } from "./mapper.js";
import { Payments } from "./payments.js";
import { psuAuthenticationNotSupported } from "../psu-authentication.js";

/** A camt.054 booked-entry notification, numbered by the core so that a poller can continue after the last one. */
export interface BookedEntryNotification {
  sequence: string;
  transaction: CoreTransaction;
}

const isDate = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));

export class Iso20022Connector implements CoreBankingConnector {
  readonly kind = "iso20022";
  private readonly api: CoreApi;
  private readonly payments: Payments;

  constructor(
    readonly bankId: string,
    options: Iso20022Options,
    clock: () => Date = () => new Date(),
  ) {
    this.api = new CoreApi(bankId, options);
    this.payments = new Payments(this.api, options, clock);
  }

  async accountsOfPsu(ctx: ConnectorContext, psuId: string): Promise<CoreAccount[]> {
    return (await this.api.accounts(ctx, { psu: psuId }, "accountsOfPsu")).accounts;
  }

  accountsByRefs(ctx: ConnectorContext, refs: readonly string[]): Promise<Map<string, CoreAccount>> {
    return this.byIban(ctx, refs, "accountsByRefs");
  }

  accountsByIbans(ctx: ConnectorContext, ibans: readonly string[]): Promise<Map<string, CoreAccount>> {
    return this.byIban(ctx, ibans, "accountsByIbans");
  }

  listAccounts(ctx: ConnectorContext, page: { after?: string; limit: number }): Promise<{ accounts: CoreAccount[]; next?: string }> {
    return this.api.accounts(ctx, { limit: page.limit, after: page.after }, "listAccounts");
  }

  async balances(ctx: ConnectorContext, accountRefs: readonly string[]): Promise<Map<string, CoreBalance[]>> {
    const reports = await this.api.reports(ctx, "camt.052", ibansOf(accountRefs), {}, "balances");
    const byIban = new Map(reports.map((r) => [r.iban, toBalances(r.balances)]));
    return pick(accountRefs, (ref) => byIban.get(accountRefOf(ref) ?? ""));
  }

  async transactions(ctx: ConnectorContext, query: TransactionQuery): Promise<Map<string, TransactionPage>> {
    if (!Number.isInteger(query.first) || query.first < 1) {
      throw new HubError("BAD_USER_INPUT", `first must be a positive integer, got ${query.first}.`, { details: { first: query.first } });
    }
    for (const [name, value] of [["dateFrom", query.dateFrom], ["dateTo", query.dateTo]] as const) {
      if (value !== undefined && !isDate(value)) throw new HubError("BAD_USER_INPUT", `${name} "${value}" is not a date such as "2026-11-22".`, { details: { [name]: value } });
    }
    const after = query.after === undefined ? undefined : decodeCursor(query.after);
    // Entries after the cursor are no newer than its date, so the core need not send anything later.
    const to = after && (!query.dateTo || after.ledgerDate < query.dateTo) ? after.ledgerDate : query.dateTo;
    const filter = { from: query.dateFrom, to, entries: query.bookingStatus === "pending" ? ("pending" as const) : ("all" as const) };
    // A statement (camt.053) holds booked entries only; pending ones are in the account report (camt.052).
    const kind = query.bookingStatus === "booked" ? "camt.053" : "camt.052";
    const accounts = await this.api.reports(ctx, kind, ibansOf(query.accountRefs), filter, "transactions");
    const byIban = new Map(accounts.map((a) => [a.iban, a.entries.flatMap((e) => toTransaction(a.iban, e) ?? [])]));
    const pages = new Map<string, TransactionPage>();
    for (const ref of query.accountRefs) {
      const matching = (byIban.get(accountRefOf(ref) ?? "") ?? [])
        .filter((t) => query.bookingStatus === "both" || t.status === query.bookingStatus)
        .filter((t) => (!query.dateFrom || ledgerDateOf(t) >= query.dateFrom) && (!query.dateTo || ledgerDateOf(t) <= query.dateTo))
        .filter((t) => !after || olderThan(t, after))
        .sort(newestFirst);
      pages.set(ref, { transactions: matching.slice(0, query.first), hasMore: matching.length > query.first });
    }
    return pages;
  }

  async transactionsByRefs(ctx: ConnectorContext, refs: readonly string[]): Promise<Map<string, CoreTransaction>> {
    const wanted = [...new Set(refs.filter((r) => r.length >= 1 && r.length <= 35))];
    const accounts = wanted.length ? await this.api.entries(ctx, wanted, "transactionsByRefs") : [];
    const byRef = new Map(accounts.flatMap((a) => a.entries.flatMap((e) => toTransaction(a.iban, e) ?? [])).map((t) => [t.ref, t]));
    return pick(refs, (ref) => byRef.get(ref));
  }

  /** Booked entries after `after` (a sequence number from a previous call; "0" for the start), oldest first. */
  async bookedEntriesAfter(ctx: ConnectorContext, after: string, limit = 100): Promise<BookedEntryNotification[]> {
    const notifications = await this.api.notifications(ctx, after, limit);
    return notifications.flatMap((n) =>
      n.entries.flatMap((e) => {
        const transaction = toTransaction(n.iban, e);
        return transaction && n.sequence ? [{ sequence: n.sequence, transaction }] : [];
      }),
    );
  }

  executePayment(ctx: ConnectorContext, order: PaymentOrder): Promise<Result<PaymentExecution>> {
    return this.payments.execute(ctx, order);
  }

  paymentStatus(ctx: ConnectorContext, paymentRef: string): Promise<Result<PaymentExecution>> {
    return this.payments.status(ctx, paymentRef);
  }

  cancelPayment(ctx: ConnectorContext, paymentRef: string): Promise<Result<PaymentExecution>> {
    return this.payments.cancel(ctx, paymentRef);
  }

  async confirmFunds(ctx: ConnectorContext, query: FundsQuery): Promise<Result<{ fundsAvailable: boolean }>> {
    const [accounts, balances] = await Promise.all([this.accountsByRefs(ctx, [query.accountRef]), this.balances(ctx, [query.accountRef])]);
    const account = accounts.get(query.accountRef);
    if (!account) return reject("ACCOUNT_NOT_FOUND", `No account with ref "${query.accountRef}" at this bank.`);
    if (account.currency !== query.currency) return reject("CURRENCY_MISMATCH", `The account holds ${account.currency}; funds were asked for in ${query.currency}.`);
    if (account.status !== "enabled") return reject("ACCOUNT_BLOCKED", `The account is ${account.status}.`);
    const available = balances.get(query.accountRef)?.find((b) => b.type === "interimAvailable");
    if (!available) throw this.api.http.fail("confirmFunds", "malformed", "the camt.052 account report has no ITAV (interim available) balance");
    return ok({ fundsAvailable: available.amountMinor >= query.amountMinor });
  }

  readonly authenticatePsu = psuAuthenticationNotSupported.authenticatePsu;
  readonly verifyScaCode = psuAuthenticationNotSupported.verifyScaCode;

  async health(): Promise<ConnectorHealth> {
    const started = performance.now();
    const latency = () => Math.round((performance.now() - started) * 100) / 100;
    try {
      await this.api.health();
      const latencyMs = latency();
      return latencyMs > 1000 ? { status: "degraded", latencyMs, detail: "the core answers slowly" } : { status: "up", latencyMs };
    } catch (error) {
      return { status: "down", latencyMs: latency(), detail: (error as Error).message };
    }
  }

  async close(): Promise<void> {
    this.api.close();
  }

  private async byIban(ctx: ConnectorContext, keys: readonly string[], operation: string): Promise<Map<string, CoreAccount>> {
    const ibans = ibansOf(keys);
    const { accounts } = ibans.length ? await this.api.accounts(ctx, { iban: ibans }, operation) : { accounts: [] };
    const found = new Map(accounts.map((a) => [a.iban, a]));
    return pick(keys, (key) => found.get(accountRefOf(key) ?? ""));
  }
}

function ibansOf(refs: readonly string[]): string[] {
  return [...new Set(refs.flatMap((ref) => accountRefOf(ref) ?? []))];
}

/** The answer map of a batch call: keyed by the refs as asked, unknown ones left out. */
function pick<T>(refs: readonly string[], find: (ref: string) => T | undefined): Map<string, T> {
  const found = new Map<string, T>();
  for (const ref of refs) {
    const value = find(ref);
    if (value !== undefined) found.set(ref, value);
  }
  return found;
}
