/**
 * @module Payments through pain.001 → pain.002: initiation, status and cancellation. A payment whose
 * answer was lost (reset, timeout, garbage) is never guessed: the connector asks the core for its status
 * and, only if the core never received it, sends the very same message again, which the core treats as
 * the same payment. If even that cannot be settled, it throws and the hub keeps the payment pending.
 */
import { isValidIBAN } from "ibantools";
import type { ConnectorContext, CorePaymentStatus, PaymentExecution, PaymentOrder } from "../contract.js";
import { ok, reject, type Result } from "../result.js";
import { isSupportedCurrency } from "../../subgraphs/shared/money.js";
import type { Iso20022Options } from "./config.js";
import type { CoreApi } from "./core-api.js";
import { CoreTransportError } from "./errors.js";
import { accountRefOf, toPaymentStatus, toRejectionCode } from "./mapper.js";
import { buildPain001, messageIdOf } from "./pain001.js";
import type { PaymentStatusReport } from "./pain002.js";

// XML 1.0 cannot carry these, so such text can never reach the core.
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

function invalidOrder(order: PaymentOrder): Result<never> | undefined {
  const rejected = (message: string) => reject("REJECTED_BY_CORE", message);
  if (!accountRefOf(order.debtorAccountRef)) return reject("ACCOUNT_NOT_FOUND", `No account with ref "${order.debtorAccountRef}" at this bank (its accounts are IBANs).`);
  if (!accountRefOf(order.creditorIban)) return rejected(`Creditor IBAN "${order.creditorIban}" is not a valid IBAN.`);
  if (!isSupportedCurrency(order.currency)) return rejected(`Currency "${order.currency}" is not supported.`);
  if (order.amountMinor <= 0n || order.amountMinor >= 10n ** 15n) return rejected(`Amount must be positive and below 10^15 minor units, got ${order.amountMinor}.`);
  if (order.endToEndId.length < 1 || order.endToEndId.length > 35) return rejected(`End-to-end id must have 1 to 35 characters, got ${order.endToEndId.length}.`);
  if (order.creditorName.length < 1 || Array.from(order.creditorName).length > 140) return rejected("Creditor name must have 1 to 140 characters.");
  if (order.requestedExecutionDate !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(order.requestedExecutionDate)) {
    return rejected(`Requested execution date "${order.requestedExecutionDate}" is not a date such as "2026-11-22".`);
  }
  if ([order.endToEndId, order.creditorName, order.remittanceInformation ?? ""].some((s) => NOT_XML.test(s))) return rejected("The order holds control characters.");
  return undefined;
}

export class Payments {
  constructor(
    private readonly api: CoreApi,
    private readonly options: Iso20022Options,
    private readonly clock: () => Date,
  ) {}

  async execute(ctx: ConnectorContext, order: PaymentOrder): Promise<Result<PaymentExecution>> {
    const invalid = invalidOrder(order);
    if (invalid) return invalid;
    const now = this.clock();
    const messageId = messageIdOf(order.paymentRef);
    const pain001 = buildPain001({
      order,
      debtorIban: accountRefOf(order.debtorAccountRef)!,
      creditorIban: accountRefOf(order.creditorIban)!,
      bic: this.options.bic,
      initiatingPartyName: this.options.initiatingPartyName,
      createdAt: now,
      executionDate: order.requestedExecutionDate ?? now.toISOString().slice(0, 10),
    });
    let report: PaymentStatusReport;
    try {
      report = await this.api.initiate(ctx, pain001);
    } catch (error) {
      // Refused: the request never reached the core, so there is nothing to resolve.
      if (!(error instanceof CoreTransportError) || error.failure === "refused") throw error;
      report = await this.resolve(ctx, messageId, pain001, error);
    }
    const { status } = this.execution(report, messageId, "executePayment");
    if (status === "RJCT") {
      const code = toRejectionCode(report.reasonCode);
      return reject(code, report.reasonText ?? `The core rejected the payment (reason ${report.reasonCode ?? "not given"}).`);
    }
    return ok({ status, coreRef: report.coreRef ?? null });
  }

  async status(ctx: ConnectorContext, paymentRef: string): Promise<Result<PaymentExecution>> {
    const messageId = messageIdOf(paymentRef);
    const report = await this.api.status(ctx, messageId);
    if (!report) return reject("PAYMENT_NOT_FOUND", `No payment with ref "${paymentRef}" at this bank.`);
    return ok(this.execution(report, messageId, "paymentStatus"));
  }

  async cancel(ctx: ConnectorContext, paymentRef: string): Promise<Result<PaymentExecution>> {
    const messageId = messageIdOf(paymentRef);
    const report = await this.api.cancel(ctx, messageId);
    if (!report) return reject("PAYMENT_NOT_FOUND", `No payment with ref "${paymentRef}" at this bank.`);
    const execution = this.execution(report, messageId, "cancelPayment");
    if (execution.status === "CANC") return ok(execution);
    return reject("CANCELLATION_NOT_ALLOWED", `Payment "${paymentRef}" is in status ${execution.status}; only a future-dated payment (ACSP) can be cancelled.`);
  }

  private async resolve(ctx: ConnectorContext, messageId: string, pain001: string, lost: CoreTransportError): Promise<PaymentStatusReport> {
    try {
      const known = await this.api.status(ctx, messageId, "executePayment (status inquiry after a lost answer)");
      // Never received: the same MsgId again is safe, the core answers a repeat with the first outcome.
      return known ?? (await this.api.initiate(ctx, pain001));
    } catch (error) {
      const detail = `the answer to payment ${messageId} was lost (${lost.message}) and its status cannot be settled yet (${(error as Error).message}); it stays pending until paymentStatus resolves it`;
      throw this.api.http.fail("executePayment", lost.failure, detail, error);
    }
  }

  /** The report as an execution; a report about another message, or with a status we do not know, is a wrong answer. */
  private execution(report: PaymentStatusReport, messageId: string, operation: string): PaymentExecution {
    if (report.originalMessageId !== messageId) {
      throw this.api.http.fail(operation, "malformed", `asked about payment message ${messageId}, the core answered about ${report.originalMessageId}`);
    }
    let status: CorePaymentStatus;
    try {
      status = toPaymentStatus(report.status);
    } catch (error) {
      throw this.api.http.fail(operation, "malformed", (error as Error).message, error);
    }
    const coreRef = report.coreRef ?? null;
    return status === "RJCT" ? { status, coreRef, reason: toRejectionCode(report.reasonCode) } : { status, coreRef };
  }
}
