/** @module A bank whose core is an ISO 8583 switch behind the connector contract. */
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
import { notSupportedRead, ok, reject, type Result } from "../result.js";
import type { Iso8583Config } from "./config.js";
import type { AccountDirectory } from "./directory.js";
import { Iso8583TransportError } from "./errors.js";
import { balancesOf, describeCode, isUnavailable, parseAdditionalAmounts } from "./mapper.js";
import { balanceInquiry } from "./messages.js";
import type { Iso8583Payments } from "./payments.js";
import type { Iso8583Session } from "./transport/session.js";
import { psuAuthenticationNotSupported } from "../psu-authentication.js";

type Inquiry = { balances: CoreBalance[] } | { code: string };

const today = () => new Date().toISOString().slice(0, 10);
const round = (ms: number) => Math.round(ms * 100) / 100;

export class Iso8583Connector implements CoreBankingConnector {
  readonly kind = "iso8583";

  constructor(
    private readonly config: Iso8583Config,
    private readonly session: Iso8583Session,
    private readonly directory: AccountDirectory,
    private readonly payments: Iso8583Payments,
    private readonly label: string,
  ) {}

  async accountsOfPsu(_ctx: ConnectorContext, psuId: string): Promise<CoreAccount[]> {
    return this.directory.ofPsu(psuId);
  }

  async accountsByRefs(_ctx: ConnectorContext, refs: readonly string[]): Promise<Map<string, CoreAccount>> {
    return this.directory.byRefs(refs);
  }

  async accountsByIbans(_ctx: ConnectorContext, ibans: readonly string[]): Promise<Map<string, CoreAccount>> {
    return this.directory.byIbans(ibans);
  }

  async listAccounts(_ctx: ConnectorContext, page: { after?: string; limit: number }): Promise<{ accounts: CoreAccount[]; next?: string }> {
    return this.directory.page(page.after, page.limit);
  }

  /**
   * A balance inquiry answers for one account, so a batch is one 0200/31 per account, sent side by
   * side on the one connection (at most maxInFlight at once): one round trip's latency, not N.
   */
  async balances(_ctx: ConnectorContext, accountRefs: readonly string[]): Promise<Map<string, CoreBalance[]>> {
    const accounts = [...new Set(accountRefs)].map((ref) => this.directory.account(ref)).filter((a): a is CoreAccount => a !== undefined);
    const answers = await Promise.all(accounts.map((a) => this.inquire(a)));
    const balances = new Map<string, CoreBalance[]>();
    accounts.forEach((account, i) => {
      const answer = answers[i]!;
      if ("balances" in answer) balances.set(account.ref, answer.balances);
      else if (answer.code !== "14" && answer.code !== "25") throw this.declined(answer.code);
    });
    return balances;
  }

  transactions(_ctx: ConnectorContext, _query: TransactionQuery): Promise<Map<string, TransactionPage>> {
    return Promise.reject(notSupportedRead(this.kind, "transactions"));
  }

  transactionsByRefs(_ctx: ConnectorContext, _refs: readonly string[]): Promise<Map<string, CoreTransaction>> {
    return Promise.reject(notSupportedRead(this.kind, "transactionsByRefs"));
  }

  executePayment(_ctx: ConnectorContext, order: PaymentOrder): Promise<Result<PaymentExecution>> {
    return this.payments.execute(order);
  }

  paymentStatus(_ctx: ConnectorContext, paymentRef: string): Promise<Result<PaymentExecution>> {
    return this.payments.status(paymentRef);
  }

  cancelPayment(_ctx: ConnectorContext, paymentRef: string): Promise<Result<PaymentExecution>> {
    return this.payments.cancel(paymentRef);
  }

  /** Funds confirmation is a balance inquiry: the available balance (amount type 02) against the amount. */
  async confirmFunds(_ctx: ConnectorContext, query: FundsQuery): Promise<Result<{ fundsAvailable: boolean }>> {
    const account = this.directory.account(query.accountRef);
    if (!account || account.status === "deleted") return reject("ACCOUNT_NOT_FOUND", `No account with ref "${query.accountRef}" at this bank.`);
    if (account.currency !== query.currency) return reject("CURRENCY_MISMATCH", `The account holds ${account.currency}; funds were asked for in ${query.currency}.`);
    if (account.status === "blocked") return reject("ACCOUNT_BLOCKED", "The account is blocked.");
    const answer = await this.inquire(account);
    if ("code" in answer) {
      if (answer.code === "14" || answer.code === "25") return reject("ACCOUNT_NOT_FOUND", `The switch does not know account ${account.ref}.`);
      if (answer.code === "62") return reject("ACCOUNT_BLOCKED", "The switch reports the account as restricted.");
      throw this.declined(answer.code);
    }
    const available = answer.balances.find((b) => b.type === "interimAvailable");
    if (!available) throw new Iso8583TransportError("CORE_MALFORMED_RESPONSE", `${this.label} answered the balance inquiry without an available balance (amount type 02).`, true);
    return ok({ fundsAvailable: available.amountMinor >= query.amountMinor });
  }

  /** An echo test's round trip; pending reversals make the bank "degraded" until the switch acknowledges them. */
  readonly authenticatePsu = psuAuthenticationNotSupported.authenticatePsu;
  readonly verifyScaCode = psuAuthenticationNotSupported.verifyScaCode;

  async health(): Promise<ConnectorHealth> {
    const started = performance.now();
    try {
      const latencyMs = round(await this.session.echo());
      const reversals = this.payments.pendingReversals;
      if (reversals > 0) return { status: "degraded", latencyMs, detail: `${reversals} reversal(s) wait for the switch's acknowledgement` };
      if (latencyMs > this.config.degradedAfterMs) return { status: "degraded", latencyMs, detail: "the switch answers echo tests slowly" };
      return { status: "up", latencyMs };
    } catch (error) {
      return { status: "down", latencyMs: round(performance.now() - started), detail: (error as Error).message };
    }
  }

  async close(): Promise<void> {
    this.payments.close();
    await this.session.close();
  }

  private async inquire(account: CoreAccount): Promise<Inquiry> {
    const response = await this.session.send(balanceInquiry(this.config, account, this.session.nextStan(), new Date()));
    const code = response.fields.get(39) ?? "";
    if (isUnavailable(code)) throw new Iso8583TransportError("CORE_UNAVAILABLE", `${this.label} answered the balance inquiry with ${describeCode(code)}.`, true);
    if (code !== "00") return { code };
    const amounts = parseAdditionalAmounts(response.fields.get(54) ?? "");
    const balances = amounts ? balancesOf(amounts, account.currency, today()) : "field 54 is not a list of 20-character additional amounts";
    if (typeof balances === "string") throw new Iso8583TransportError("CORE_MALFORMED_RESPONSE", `${this.label} answered a balance inquiry for ${account.ref}, but ${balances}.`, true);
    return { balances };
  }

  private declined(code: string): Iso8583TransportError {
    return new Iso8583TransportError("CORE_DECLINED", `${this.label} declined a balance inquiry with ${describeCode(code)}.`, true);
  }
}
