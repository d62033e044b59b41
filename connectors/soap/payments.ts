/**
 * @module Payment operations over the SOAP service. TransferFunds carries the paymentRef as its
 * RequestId, which the core treats as the idempotency key. A business SOAP Fault is a rejection;
 * when the answer to a transfer is lost, GetTransferStatus finds out what happened: never a guess.
 */
import type { ConnectorContext, FundsQuery, PaymentExecution, PaymentOrder } from "../contract.js";
import { ok, reject, type RejectionCode, type Result } from "../result.js";
import type { SoapCoreClient } from "./client.js";
import { SoapCoreError, type BusinessFault } from "./errors.js";
import { BUSINESS_CODES, MappingError, SCHEMES, toDecimal, toExecution } from "./mapper.js";

const rejection = <T>(fault: BusinessFault, otherwise: RejectionCode = "REJECTED_BY_CORE"): Result<T> =>
  reject(BUSINESS_CODES[fault.code] ?? otherwise, fault.message);

const REJECTIONS = new Set<string>(["INSUFFICIENT_FUNDS", "ACCOUNT_NOT_FOUND", "ACCOUNT_BLOCKED", "CURRENCY_MISMATCH"]);

/** Runs a mapping of the answer, turning a shape problem into a SoapCoreError. */
export function mapped<T>(core: SoapCoreClient, operation: string, map: () => T): T {
  try {
    return map();
  } catch (error) {
    if (!(error instanceof MappingError)) throw error;
    throw new SoapCoreError("bad-answer", `the answer does not fit the WSDL: ${error.message}`, { bankId: core.config.bankId, operation }, error);
  }
}

/** Drops absent optional elements, so the request carries no empty ones. */
const present = (args: Record<string, unknown>) => Object.fromEntries(Object.entries(args).filter(([, v]) => v !== undefined));

async function transfer(core: SoapCoreClient, operation: "GetTransferStatus" | "CancelTransfer", paymentRef: string): Promise<Result<PaymentExecution>> {
  const answer = await core.call<{ Transfer?: unknown }>(operation, { RequestId: paymentRef });
  if (!answer.ok) return rejection(answer.fault, operation === "CancelTransfer" ? "CANCELLATION_NOT_ALLOWED" : "REJECTED_BY_CORE");
  return ok(mapped(core, operation, () => toExecution(answer.value?.Transfer, `${operation}Response/Transfer`)));
}

export const paymentStatus = (core: SoapCoreClient, _ctx: ConnectorContext, paymentRef: string) => transfer(core, "GetTransferStatus", paymentRef);

export const cancelPayment = (core: SoapCoreClient, _ctx: ConnectorContext, paymentRef: string) => transfer(core, "CancelTransfer", paymentRef);

export async function executePayment(core: SoapCoreClient, ctx: ConnectorContext, order: PaymentOrder): Promise<Result<PaymentExecution>> {
  const args = present({
    RequestId: order.paymentRef,
    DebitAccountId: order.debtorAccountRef,
    CreditorIban: order.creditorIban.replace(/\s+/g, "").toUpperCase(),
    CreditorName: order.creditorName,
    Amount: toDecimal(order.amountMinor, order.currency),
    Currency: order.currency,
    RemittanceInformation: order.remittanceInformation,
    EndToEndId: order.endToEndId,
    RequestedExecutionDate: order.requestedExecutionDate,
    Scheme: SCHEMES[order.product],
  });
  let answer;
  try {
    answer = await core.call<{ Transfer?: unknown }>("TransferFunds", args);
  } catch (error) {
    if (!(error instanceof SoapCoreError) || error.failure === "refused" || error.failure === "wsdl") throw error;
    return settleUnknown(core, ctx, order.paymentRef, error);
  }
  if (!answer.ok) return rejection(answer.fault);
  const done = mapped(core, "TransferFunds", () => toExecution(answer.value?.Transfer, "TransferFundsResponse/Transfer"));
  return done.status === "RJCT" ? reject(REJECTIONS.has(done.reason ?? "") ? (done.reason as RejectionCode) : "REJECTED_BY_CORE", done.reason ?? "Rejected by the core.") : ok(done);
}

/** The answer to TransferFunds was lost: ask GetTransferStatus what became of it, and never guess. */
async function settleUnknown(core: SoapCoreClient, ctx: ConnectorContext, paymentRef: string, lost: SoapCoreError): Promise<Result<PaymentExecution>> {
  const unknown = (why: string, cause: unknown = lost) => new SoapCoreError(lost.failure, `${lost.detail}; ${why}`, lost.where, cause);
  let inquiry: Result<PaymentExecution>;
  try {
    inquiry = await paymentStatus(core, ctx, paymentRef);
  } catch (error) {
    throw unknown(`payment ${paymentRef} has an unknown outcome; the status inquiry failed too (${(error as Error).message})`, error);
  }
  if (!inquiry.ok && inquiry.error.code === "PAYMENT_NOT_FOUND") {
    throw unknown(`the core has no record of payment ${paymentRef}, so it was not executed; repeating it with the same paymentRef is safe`);
  }
  if (!inquiry.ok) return inquiry;
  if (inquiry.value.status === "RJCT") {
    const reason = inquiry.value.reason ?? "";
    return reject(REJECTIONS.has(reason) ? (reason as RejectionCode) : "REJECTED_BY_CORE", reason || "Rejected by the core.");
  }
  return inquiry;
}

export async function confirmFunds(core: SoapCoreClient, _ctx: ConnectorContext, query: FundsQuery): Promise<Result<{ fundsAvailable: boolean }>> {
  const args = { AccountId: query.accountRef, Amount: toDecimal(query.amountMinor, query.currency), Currency: query.currency };
  const answer = await core.call<{ FundsAvailable?: unknown }>("CheckFunds", args);
  if (!answer.ok) return rejection(answer.fault);
  const available = answer.value?.FundsAvailable;
  if (typeof available !== "boolean") {
    throw new SoapCoreError("bad-answer", "the answer does not fit the WSDL: CheckFundsResponse/FundsAvailable is not true or false", { bankId: core.config.bankId, operation: "CheckFunds" });
  }
  return ok({ fundsAvailable: available });
}
