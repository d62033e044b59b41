/** @module The sandbox core bank: a double-entry ledger in Postgres behind the connector contract. */
import type { EntityManager, MikroORM } from "@mikro-orm/core";
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
  ScaMethod,
  TransactionPage,
  TransactionQuery,
} from "../contract.js";
import { ok, reject, type Result } from "../result.js";
import { sql } from "../../subgraphs/shared/orm.js";
import { isoDate, type Clock } from "./dates.js";
import * as accounts from "./ledger-accounts.js";
import * as customers from "./ledger-customers.js";
import { accountFunds, toBalances } from "./ledger-balances.js";
import { cancelPayment, paymentStatus } from "./ledger-payment-state.js";
import { executePayment } from "./ledger-payments.js";
import { transactionPages, transactionsByRefs } from "./ledger-transactions.js";

export class SandboxConnector implements CoreBankingConnector {
  readonly kind = "sandbox";

  constructor(
    readonly bankId: string,
    private readonly orm: MikroORM,
    private readonly clock: Clock,
  ) {}

  private em(): EntityManager {
    return this.orm.em.fork();
  }

  private today(): string {
    return isoDate(this.clock());
  }

  accountsOfPsu(_ctx: ConnectorContext, psuId: string): Promise<CoreAccount[]> {
    return accounts.accountsOfPsu(this.em(), this.bankId, psuId);
  }

  accountsByRefs(_ctx: ConnectorContext, refs: readonly string[]): Promise<Map<string, CoreAccount>> {
    return accounts.accountsByRefs(this.em(), this.bankId, refs);
  }

  accountsByIbans(_ctx: ConnectorContext, ibans: readonly string[]): Promise<Map<string, CoreAccount>> {
    return accounts.accountsByIbans(this.em(), this.bankId, ibans);
  }

  listAccounts(_ctx: ConnectorContext, page: { after?: string; limit: number }): Promise<{ accounts: CoreAccount[]; next?: string }> {
    return accounts.listAccounts(this.em(), this.bankId, page);
  }

  async balances(_ctx: ConnectorContext, accountRefs: readonly string[]): Promise<Map<string, CoreBalance[]>> {
    const today = this.today();
    const funds = await accountFunds(this.em(), this.bankId, accountRefs, today);
    const balances = new Map<string, CoreBalance[]>();
    for (const ref of accountRefs) {
      const found = funds.get(ref.toLowerCase());
      if (found) balances.set(ref, toBalances(found, today));
    }
    return balances;
  }

  transactions(_ctx: ConnectorContext, query: TransactionQuery): Promise<Map<string, TransactionPage>> {
    return transactionPages(this.em(), this.bankId, query);
  }

  transactionsByRefs(_ctx: ConnectorContext, refs: readonly string[]): Promise<Map<string, CoreTransaction>> {
    return transactionsByRefs(this.em(), this.bankId, refs);
  }

  executePayment(_ctx: ConnectorContext, order: PaymentOrder): Promise<Result<PaymentExecution>> {
    return executePayment(this.em(), this.bankId, order, this.today());
  }

  paymentStatus(_ctx: ConnectorContext, paymentRef: string): Promise<Result<PaymentExecution>> {
    return paymentStatus(this.em(), this.bankId, paymentRef);
  }

  cancelPayment(_ctx: ConnectorContext, paymentRef: string): Promise<Result<PaymentExecution>> {
    return cancelPayment(this.em(), this.bankId, paymentRef, this.today());
  }

  async confirmFunds(_ctx: ConnectorContext, query: FundsQuery): Promise<Result<{ fundsAvailable: boolean }>> {
    const funds = (await accountFunds(this.em(), this.bankId, [query.accountRef], this.today())).get(query.accountRef.toLowerCase());
    if (!funds) return reject("ACCOUNT_NOT_FOUND", `No account with ref "${query.accountRef}" at this bank.`);
    if (funds.currency !== query.currency) {
      return reject("CURRENCY_MISMATCH", `The account holds ${funds.currency}; funds were asked for in ${query.currency}.`);
    }
    if (funds.status !== "enabled") return reject("ACCOUNT_BLOCKED", `The account is ${funds.status}.`);
    return ok({ fundsAvailable: funds.available >= query.amountMinor });
  }

  authenticatePsu(_ctx: ConnectorContext, login: string, password: string): Promise<Result<{ scaMethods: ScaMethod[] }>> {
    return customers.authenticatePsu(this.em(), this.bankId, login, password);
  }

  verifyScaCode(_ctx: ConnectorContext, login: string, methodId: string, code: string): Promise<Result<void>> {
    return customers.verifyScaCode(this.em(), this.bankId, login, methodId, code);
  }

  async health(): Promise<ConnectorHealth> {
    const started = performance.now();
    try {
      await sql(this.em(), "select 1");
      const latencyMs = Math.round((performance.now() - started) * 100) / 100;
      return latencyMs > 1000 ? { status: "degraded", latencyMs, detail: "the ledger database answers slowly" } : { status: "up", latencyMs };
    } catch (error) {
      return { status: "down", latencyMs: Math.round(performance.now() - started), detail: (error as Error).message };
    }
  }

  /** The Database owner closes the shared ORM; a bank's connector holds nothing of its own. */
  async close(): Promise<void> {}
}
