/**
 * @module A connector behind its bank's policies: reads (including payment status and funds
 * confirmation, which change nothing) get deadline, retries, breaker and bulkhead; executing and
 * cancelling a payment get deadline, breaker and bulkhead but are never repeated here.
 */
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
} from "./contract.js";
import type { BankHealthReport, BankPolicy } from "./resilience.js";
import type { Result } from "./result.js";

export class ResilientConnector implements CoreBankingConnector {
  constructor(
    private readonly core: CoreBankingConnector,
    readonly policy: BankPolicy,
  ) {}

  get kind(): string {
    return this.core.kind;
  }

  accountsOfPsu(ctx: ConnectorContext, psuId: string): Promise<CoreAccount[]> {
    return this.policy.read("accountsOfPsu", () => this.core.accountsOfPsu(ctx, psuId));
  }

  accountsByRefs(ctx: ConnectorContext, refs: readonly string[]): Promise<Map<string, CoreAccount>> {
    return this.policy.read("accountsByRefs", () => this.core.accountsByRefs(ctx, refs));
  }

  accountsByIbans(ctx: ConnectorContext, ibans: readonly string[]): Promise<Map<string, CoreAccount>> {
    return this.policy.read("accountsByIbans", () => this.core.accountsByIbans(ctx, ibans));
  }

  listAccounts(ctx: ConnectorContext, page: { after?: string; limit: number }): Promise<{ accounts: CoreAccount[]; next?: string }> {
    return this.policy.read("listAccounts", () => this.core.listAccounts(ctx, page));
  }

  balances(ctx: ConnectorContext, accountRefs: readonly string[]): Promise<Map<string, CoreBalance[]>> {
    return this.policy.read("balances", () => this.core.balances(ctx, accountRefs));
  }

  transactions(ctx: ConnectorContext, query: TransactionQuery): Promise<Map<string, TransactionPage>> {
    return this.policy.read("transactions", () => this.core.transactions(ctx, query));
  }

  transactionsByRefs(ctx: ConnectorContext, refs: readonly string[]): Promise<Map<string, CoreTransaction>> {
    return this.policy.read("transactionsByRefs", () => this.core.transactionsByRefs(ctx, refs));
  }

  executePayment(ctx: ConnectorContext, order: PaymentOrder): Promise<Result<PaymentExecution>> {
    return this.policy.write("executePayment", () => this.core.executePayment(ctx, order));
  }

  /** A status inquiry changes nothing at the core, so it may be retried like any read. */
  paymentStatus(ctx: ConnectorContext, paymentRef: string): Promise<Result<PaymentExecution>> {
    return this.policy.read("paymentStatus", () => this.core.paymentStatus(ctx, paymentRef));
  }

  cancelPayment(ctx: ConnectorContext, paymentRef: string): Promise<Result<PaymentExecution>> {
    return this.policy.write("cancelPayment", () => this.core.cancelPayment(ctx, paymentRef));
  }

  confirmFunds(ctx: ConnectorContext, query: FundsQuery): Promise<Result<{ fundsAvailable: boolean }>> {
    return this.policy.read("confirmFunds", () => this.core.confirmFunds(ctx, query));
  }

  authenticatePsu(ctx: ConnectorContext, login: string, password: string): Promise<Result<{ scaMethods: ScaMethod[] }>> {
    return this.policy.read("authenticatePsu", () => this.core.authenticatePsu(ctx, login, password));
  }

  verifyScaCode(ctx: ConnectorContext, login: string, methodId: string, code: string): Promise<Result<void>> {
    return this.policy.read("verifyScaCode", () => this.core.verifyScaCode(ctx, login, methodId, code));
  }

  /** The bank's health with its circuit state (see `BankPolicy.health`). */
  report(): Promise<BankHealthReport> {
    return this.policy.health(() => this.core.health());
  }

  /** The contract's view of `report()`, for callers that know only the contract (readiness). */
  async health(): Promise<ConnectorHealth> {
    const { status, latencyMs, detail, circuit } = await this.report();
    const circuitNote = circuit === "closed" || detail?.startsWith("circuit") ? undefined : `circuit ${circuit}`;
    const text = [circuitNote, detail].filter(Boolean).join(": ");
    return { status, latencyMs: latencyMs ?? 0, ...(text ? { detail: text } : {}) };
  }

  close(): Promise<void> {
    return this.core.close();
  }
}
