/** @module A core's internet-banking web service (SOAP, document/literal) behind the connector contract. */
import { electronicFormatIBAN } from "ibantools";
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
import type { Result } from "../result.js";
import { commonErrors, HubError } from "../../subgraphs/shared/errors.js";
import { SoapCoreClient } from "./client.js";
import type { SoapConfig } from "./config.js";
import { SoapCoreError } from "./errors.js";
import { many, toAccount, toBalance, toTransaction } from "./mapper.js";
import * as payments from "./payments.js";
import { psuAuthenticationNotSupported } from "../psu-authentication.js";

const FILTERS = { booked: "BOOKED", pending: "PENDING", both: "ALL" } as const;
const normalizeIban = (iban: string) => electronicFormatIBAN(iban) ?? iban;

export class SoapConnector implements CoreBankingConnector {
  readonly kind = "soap";
  readonly core: SoapCoreClient;

  constructor(readonly config: SoapConfig) {
    this.core = new SoapCoreClient(config);
  }

  /** A read: business faults are not expected here, so any fault is the core's failure. */
  private async read(operation: string, args: Record<string, unknown>): Promise<Record<string, unknown>> {
    const answer = await this.core.call<Record<string, unknown> | null>(operation, args);
    if (!answer.ok) {
      const { code, message } = answer.fault;
      throw new SoapCoreError("fault", `the core refused a read with ${code}: ${message}`, { bankId: this.config.bankId, operation });
    }
    return answer.value ?? {};
  }

  private list<T>(operation: string, items: unknown, element: string, map: (raw: unknown, where: string) => T): T[] {
    return payments.mapped(this.core, operation, () => many(items).map((raw, i) => map(raw, `${operation}Response/${element}[${i + 1}]`)));
  }

  async accountsOfPsu(_ctx: ConnectorContext, psuId: string): Promise<CoreAccount[]> {
    const answer = await this.read("GetCustomerAccounts", { CustomerId: psuId });
    return this.list("GetCustomerAccounts", answer.Account, "Account", toAccount);
  }

  private async accountsBy(key: "AccountId" | "Iban", keys: readonly string[], normalize: (k: string) => string, keyOf: (a: CoreAccount) => string) {
    const found = new Map<string, CoreAccount>();
    const wanted = [...new Set(keys.map(normalize))];
    if (wanted.length === 0) return found;
    const answer = await this.read("GetAccounts", { [key]: wanted });
    const byKey = new Map(this.list("GetAccounts", answer.Account, "Account", toAccount).map((a) => [normalize(keyOf(a)), a]));
    for (const k of keys) {
      const account = byKey.get(normalize(k));
      if (account) found.set(k, account);
    }
    return found;
  }

  accountsByRefs(_ctx: ConnectorContext, refs: readonly string[]): Promise<Map<string, CoreAccount>> {
    return this.accountsBy("AccountId", refs, (r) => r, (a) => a.ref);
  }

  accountsByIbans(_ctx: ConnectorContext, ibans: readonly string[]): Promise<Map<string, CoreAccount>> {
    return this.accountsBy("Iban", ibans, normalizeIban, (a) => a.iban);
  }

  async listAccounts(_ctx: ConnectorContext, page: { after?: string; limit: number }): Promise<{ accounts: CoreAccount[]; next?: string }> {
    const args = page.after === undefined ? { PageSize: Math.max(1, Math.floor(page.limit)) } : { PageSize: Math.max(1, Math.floor(page.limit)), PageToken: page.after };
    const answer = await this.read("ListAccounts", args);
    const accounts = this.list("ListAccounts", answer.Account, "Account", toAccount);
    const next = answer.NextPageToken;
    return typeof next === "string" && next !== "" && accounts.length > 0 ? { accounts, next } : { accounts };
  }

  async balances(_ctx: ConnectorContext, accountRefs: readonly string[]): Promise<Map<string, CoreBalance[]>> {
    const result = new Map<string, CoreBalance[]>();
    const wanted = [...new Set(accountRefs)];
    if (wanted.length === 0) return result;
    const answer = await this.read("GetAccountBalances", { AccountId: wanted });
    const groups = new Map(
      this.list("GetAccountBalances", answer.AccountBalances, "AccountBalances", (raw, where) => {
        const group = raw as Record<string, unknown>;
        if (typeof group?.AccountId !== "string") throw new SoapCoreError("bad-answer", `${where}/AccountId is missing`, { bankId: this.config.bankId, operation: "GetAccountBalances" });
        return [group.AccountId, many(group.Balance).map((b, i) => toBalance(b, `${where}/Balance[${i + 1}]`))] as const;
      }),
    );
    for (const ref of accountRefs) {
      const balances = groups.get(ref);
      if (balances) result.set(ref, balances);
    }
    return result;
  }

  async transactions(_ctx: ConnectorContext, query: TransactionQuery): Promise<Map<string, TransactionPage>> {
    if (!Number.isInteger(query.first) || query.first < 1) throw commonErrors.badInput(`first must be a positive integer, got ${query.first}.`, { first: query.first });
    const pages = new Map<string, TransactionPage>(query.accountRefs.map((ref) => [ref, { transactions: [], hasMore: false }]));
    const wanted = [...new Set(query.accountRefs)];
    if (wanted.length === 0) return pages;
    const args = { AccountId: wanted, BookingStatus: FILTERS[query.bookingStatus], FromDate: query.dateFrom, ToDate: query.dateTo, MaxResults: query.first, After: query.after };
    const answer = await this.core.call<Record<string, unknown> | null>("GetAccountTransactions", Object.fromEntries(Object.entries(args).filter(([, v]) => v !== undefined)));
    if (!answer.ok) {
      if (query.after !== undefined && answer.fault.code === "INVALID_REQUEST") {
        throw new HubError("INVALID_CURSOR", `after "${query.after}" is not a cursor this bank returned; pass one from a previous page.`, { details: { cursor: query.after } });
      }
      throw new SoapCoreError("fault", `the core refused with ${answer.fault.code}: ${answer.fault.message}`, { bankId: this.config.bankId, operation: "GetAccountTransactions" });
    }
    const groups = this.list("GetAccountTransactions", answer.value?.AccountTransactions, "AccountTransactions", (raw, where) => {
      const group = raw as Record<string, unknown>;
      if (typeof group?.AccountId !== "string" || typeof group.HasMore !== "boolean") {
        throw new SoapCoreError("bad-answer", `${where} lacks AccountId or HasMore`, { bankId: this.config.bankId, operation: "GetAccountTransactions" });
      }
      return { ref: group.AccountId, page: { transactions: many(group.Transaction).map((t, i) => toTransaction(t, `${where}/Transaction[${i + 1}]`)), hasMore: group.HasMore } };
    });
    for (const { ref, page } of groups) if (pages.has(ref)) pages.set(ref, page);
    return pages;
  }

  async transactionsByRefs(_ctx: ConnectorContext, refs: readonly string[]): Promise<Map<string, CoreTransaction>> {
    const found = new Map<string, CoreTransaction>();
    const wanted = [...new Set(refs)];
    if (wanted.length === 0) return found;
    const answer = await this.read("GetTransactionDetails", { TransactionId: wanted });
    const byRef = new Map(this.list("GetTransactionDetails", answer.Transaction, "Transaction", toTransaction).map((t) => [t.ref, t]));
    for (const ref of refs) {
      const transaction = byRef.get(ref);
      if (transaction) found.set(ref, transaction);
    }
    return found;
  }

  executePayment(ctx: ConnectorContext, order: PaymentOrder): Promise<Result<PaymentExecution>> {
    return payments.executePayment(this.core, ctx, order);
  }

  paymentStatus(ctx: ConnectorContext, paymentRef: string): Promise<Result<PaymentExecution>> {
    return payments.paymentStatus(this.core, ctx, paymentRef);
  }

  cancelPayment(ctx: ConnectorContext, paymentRef: string): Promise<Result<PaymentExecution>> {
    return payments.cancelPayment(this.core, ctx, paymentRef);
  }

  confirmFunds(ctx: ConnectorContext, query: FundsQuery): Promise<Result<{ fundsAvailable: boolean }>> {
    return payments.confirmFunds(this.core, ctx, query);
  }

  /** Ping; never throws. */
  readonly authenticatePsu = psuAuthenticationNotSupported.authenticatePsu;
  readonly verifyScaCode = psuAuthenticationNotSupported.verifyScaCode;

  async health(): Promise<ConnectorHealth> {
    const started = performance.now();
    const latency = () => Math.round((performance.now() - started) * 100) / 100;
    try {
      const answer = await this.read("Ping", {});
      const latencyMs = latency();
      if (answer.Status !== "UP") return { status: "down", latencyMs, detail: `Ping answered ${JSON.stringify(answer.Status)}` };
      return latencyMs > 1_000 ? { status: "degraded", latencyMs, detail: "the core answers slowly" } : { status: "up", latencyMs };
    } catch (error) {
      return { status: "down", latencyMs: latency(), detail: (error as Error).message };
    }
  }

  async close(): Promise<void> {
    this.core.close();
  }
}
