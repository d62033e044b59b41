/**
 * @module Payment operations over a REST core. A payment is sent with an idempotency header equal
 * to its paymentRef, so a repeat is the same payment. When the answer to a payment is lost, the
 * outcome is never guessed: a status inquiry finds it, or the error says it is still unknown.
 */
import type { ConnectorContext, FundsQuery, PaymentExecution, PaymentOrder } from "../contract.js";
import { notSupported, ok, reject, type RejectionCode, type Result } from "../result.js";
import type { ResolvedRequest } from "./config-mapping.js";
import type { RestOperationName } from "./config.js";
import { isOk, type RestCore } from "./core-client.js";
import { mayHaveArrived, RestCoreError } from "./errors.js";
import type { CoreAnswer } from "./http.js";
import { readPath } from "./paths.js";

type PaymentOperation = "executePayment" | "paymentStatus" | "cancelPayment";

/** What an answer without a mapped error code means, per operation. */
const FALLBACK: Record<PaymentOperation | "confirmFunds", { notFound?: RejectionCode; refused: RejectionCode }> = {
  executePayment: { refused: "REJECTED_BY_CORE" },
  paymentStatus: { notFound: "PAYMENT_NOT_FOUND", refused: "REJECTED_BY_CORE" },
  cancelPayment: { notFound: "PAYMENT_NOT_FOUND", refused: "CANCELLATION_NOT_ALLOWED" },
  confirmFunds: { notFound: "ACCOUNT_NOT_FOUND", refused: "REJECTED_BY_CORE" },
};

/** A refusal as a Result: a mapped error code, or a 404 / 409 / 422 the operation understands; else throws. */
function refusal<T>(core: RestCore, name: keyof typeof FALLBACK, spec: ResolvedRequest, answer: CoreAnswer): Result<T> {
  const mapped = core.rejection(answer);
  if (mapped) return reject(mapped.code, mapped.message);
  const { notFound, refused } = FALLBACK[name];
  const code = core.coreCode(answer);
  if (answer.status === 404 && notFound) return reject(notFound, `The core does not know it${code ? ` (${code})` : ""}.`);
  if (answer.status === 409 || answer.status === 422) return reject(refused, `The core refused${code ? ` with ${code}` : ""} (HTTP ${answer.status}).`);
  throw core.unexpected(name, spec, answer);
}

function execution(core: RestCore, name: PaymentOperation, spec: ResolvedRequest, answer: CoreAnswer): PaymentExecution {
  const raw = core.reading(name, spec, () => readPath(answer.body, spec.record!));
  const [payment] = core.records<PaymentExecution & { reason: string | null }>(name, spec, [raw], "payment");
  const { status, coreRef, reason } = payment!;
  const known = reason !== null ? core.config.errors?.codes[reason] : undefined;
  return reason === null ? { status, coreRef } : { status, coreRef, reason: known ?? reason };
}

function spec(core: RestCore, name: RestOperationName): ResolvedRequest | undefined {
  return core.config.operations[name]?.one;
}

export async function paymentStatus(core: RestCore, ctx: ConnectorContext, paymentRef: string): Promise<Result<PaymentExecution>> {
  const s = spec(core, "paymentStatus");
  if (!s) return notSupported("paymentStatus");
  const answer = await core.send("paymentStatus", s, { paymentRef }, ctx);
  return isOk(answer) ? ok(execution(core, "paymentStatus", s, answer)) : refusal(core, "paymentStatus", s, answer);
}

export async function cancelPayment(core: RestCore, ctx: ConnectorContext, paymentRef: string): Promise<Result<PaymentExecution>> {
  const s = spec(core, "cancelPayment");
  if (!s) return notSupported("cancelPayment");
  const answer = await core.send("cancelPayment", s, { paymentRef }, ctx);
  return isOk(answer) ? ok(execution(core, "cancelPayment", s, answer)) : refusal(core, "cancelPayment", s, answer);
}

export async function executePayment(core: RestCore, ctx: ConnectorContext, order: PaymentOrder): Promise<Result<PaymentExecution>> {
  const s = spec(core, "executePayment");
  if (!s) return notSupported("executePayment");
  const products = core.config.values.product;
  const product = products ? products[order.product] : order.product;
  if (!product) return notSupported(`executePayment of ${order.product}`);
  const values = {
    paymentRef: order.paymentRef,
    product,
    debtorAccountRef: order.debtorAccountRef,
    creditorIban: order.creditorIban,
    creditorName: order.creditorName,
    amount: core.amount(order.amountMinor, order.currency),
    currency: order.currency,
    remittanceInformation: order.remittanceInformation,
    endToEndId: order.endToEndId,
    requestedExecutionDate: order.requestedExecutionDate,
  };
  let answer: CoreAnswer;
  try {
    answer = await core.send("executePayment", s, values, ctx, { [core.config.idempotencyHeader]: order.paymentRef });
  } catch (error) {
    if (!mayHaveArrived(error)) throw error;
    return settleUnknown(core, ctx, order.paymentRef, error as RestCoreError);
  }
  if (!isOk(answer)) return refusal(core, "executePayment", s, answer);
  const done = execution(core, "executePayment", s, answer);
  return done.status === "RJCT" ? reject(rejectionCode(done.reason), done.reason ?? "The core rejected the payment.") : ok(done);
}

const REJECTIONS = new Set<string>(["INSUFFICIENT_FUNDS", "ACCOUNT_NOT_FOUND", "ACCOUNT_BLOCKED", "CURRENCY_MISMATCH", "REJECTED_BY_CORE"]);
const rejectionCode = (reason: string | undefined): RejectionCode => (reason && REJECTIONS.has(reason) ? (reason as RejectionCode) : "REJECTED_BY_CORE");

/** The answer to a payment was lost: ask the core what became of it, and never guess. */
async function settleUnknown(core: RestCore, ctx: ConnectorContext, paymentRef: string, lost: RestCoreError): Promise<Result<PaymentExecution>> {
  const unknown = (why: string, cause: unknown = lost) => new RestCoreError(lost.failure, `${lost.detail}; ${why}`, lost.where, cause);
  if (!spec(core, "paymentStatus")) throw unknown(`payment ${paymentRef} has an unknown outcome and this core has no status inquiry configured`);
  let inquiry: Result<PaymentExecution>;
  try {
    inquiry = await paymentStatus(core, ctx, paymentRef);
  } catch (error) {
    throw unknown(`payment ${paymentRef} has an unknown outcome; the status inquiry failed too (${(error as Error).message})`, error);
  }
  if (!inquiry.ok && inquiry.error.code === "PAYMENT_NOT_FOUND") {
    throw unknown(`the core has no record of payment ${paymentRef}, so it was not executed; repeating it with the same paymentRef is safe`);
  }
  if (inquiry.ok && inquiry.value.status === "RJCT") return reject(rejectionCode(inquiry.value.reason), inquiry.value.reason ?? "The core rejected the payment.");
  return inquiry;
}

export async function confirmFunds(core: RestCore, ctx: ConnectorContext, query: FundsQuery): Promise<Result<{ fundsAvailable: boolean }>> {
  const s = spec(core, "confirmFunds");
  if (!s) return notSupported("confirmFunds");
  const values = { accountRef: query.accountRef, amount: core.amount(query.amountMinor, query.currency), currency: query.currency };
  const answer = await core.send("confirmFunds", s, values, ctx);
  if (!isOk(answer)) return refusal(core, "confirmFunds", s, answer);
  const raw = core.reading("confirmFunds", s, () => readPath(answer.body, s.record!));
  const [funds] = core.records<{ fundsAvailable: boolean }>("confirmFunds", s, [raw], "funds");
  return ok({ fundsAvailable: funds!.fundsAvailable });
}
