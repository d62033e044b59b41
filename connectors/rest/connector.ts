/** @module A core with a JSON API behind the connector contract, driven entirely by the bank's mapping config. */
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
import type { RestConfig } from "./config.js";
import { isOk, RestCore } from "./core-client.js";
import * as payments from "./payments.js";
import * as reads from "./reads.js";
import { psuAuthenticationNotSupported } from "../psu-authentication.js";

export class RestConnector implements CoreBankingConnector {
  readonly kind = "rest";
  private readonly core: RestCore;

  constructor(readonly config: RestConfig) {
    this.core = new RestCore(config);
  }

  accountsOfPsu(ctx: ConnectorContext, psuId: string): Promise<CoreAccount[]> {
    return reads.accountsOfPsu(this.core, ctx, psuId);
  }

  accountsByRefs(ctx: ConnectorContext, refs: readonly string[]): Promise<Map<string, CoreAccount>> {
    return reads.accountsByRefs(this.core, ctx, refs);
  }

  accountsByIbans(ctx: ConnectorContext, ibans: readonly string[]): Promise<Map<string, CoreAccount>> {
    return reads.accountsByIbans(this.core, ctx, ibans);
  }

  listAccounts(ctx: ConnectorContext, page: { after?: string; limit: number }): Promise<{ accounts: CoreAccount[]; next?: string }> {
    return reads.listAccounts(this.core, ctx, page);
  }

  balances(ctx: ConnectorContext, accountRefs: readonly string[]): Promise<Map<string, CoreBalance[]>> {
    return reads.balances(this.core, ctx, accountRefs);
  }

  transactions(ctx: ConnectorContext, query: TransactionQuery): Promise<Map<string, TransactionPage>> {
    return reads.transactions(this.core, ctx, query);
  }

  transactionsByRefs(ctx: ConnectorContext, refs: readonly string[]): Promise<Map<string, CoreTransaction>> {
    return reads.transactionsByRefs(this.core, ctx, refs);
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

  /** The configured health request, or else any answer below 500 to GET on the base URL; never throws. */
  readonly authenticatePsu = psuAuthenticationNotSupported.authenticatePsu;
  readonly verifyScaCode = psuAuthenticationNotSupported.verifyScaCode;

  async health(): Promise<ConnectorHealth> {
    const spec = this.config.operations.health?.one ?? { method: "GET" as const, path: "/", maxItems: 1 };
    const started = performance.now();
    const latency = () => Math.round((performance.now() - started) * 100) / 100;
    try {
      const answer = await this.core.send("health", spec, {}, { requestId: "health" });
      const latencyMs = latency();
      const healthy = this.config.operations.health ? isOk(answer) : answer.status < 500;
      if (!healthy) return { status: "down", latencyMs, detail: `the core answered HTTP ${answer.status}` };
      return latencyMs > 1_000 ? { status: "degraded", latencyMs, detail: "the core answers slowly" } : { status: "up", latencyMs };
    } catch (error) {
      return { status: "down", latencyMs: latency(), detail: (error as Error).message };
    }
  }

  async close(): Promise<void> {
    this.core.close();
  }
}
