/** @module Error codes of the payments subgraph. */
import { commonErrors, HubError } from "../shared/errors.js";

export const paymentErrors = {
  notFound: (id: string) => commonErrors.notFound("payment", id),
  invalidIban: (field: string, value: string) =>
    new HubError("INVALID_IBAN", `${field} "${value}" is not a valid IBAN (check the country code, length and check digits).`, {
      details: { field, value },
    }),
  invalidExecutionDate: (value: string, today: string) =>
    new HubError("INVALID_EXECUTION_DATE", `requestedExecutionDate "${value}" must be a calendar date "YYYY-MM-DD" on or after ${today}.`, {
      details: { requestedExecutionDate: value, today },
    }),
  debtorAccountNotFound: (iban: string, bankId: string) =>
    new HubError("DEBTOR_ACCOUNT_NOT_FOUND", `Bank "${bankId}" has no account with IBAN ${iban}; the debtor account must be held at the bank named in bankId.`, {
      details: { debtorIban: iban, bankId },
    }),
  cancellationNotAllowed: (paymentId: string, message: string) =>
    new HubError("CANCELLATION_NOT_ALLOWED", message, { httpStatus: 409, details: { paymentId } }),
  /** The payment exists (in status `status`) but the core's answer is unknown; reading it later, or repeating the request, resolves it. */
  coreUnavailable: (bankId: string, paymentId: string, status: string, cause: unknown) =>
    new HubError(
      "CORE_UNAVAILABLE",
      `The core banking system of bank "${bankId}" did not answer. Payment ${paymentId} was recorded in status ${status}; read it later or repeat the request with the same idempotency key.`,
      { httpStatus: 503, cause, details: { bankId, paymentId, status } },
    ),
  notAwaitingAuthorisation: (id: string, status: string) =>
    new HubError("PAYMENT_NOT_AWAITING_AUTHORISATION", `Payment "${id}" is ${status} and already authorised or settled; only a RCVD payment takes an authorisation.`, {
      httpStatus: 409,
      details: { id, status },
    }),
  notAwaitingCancellationAuthorisation: (id: string, status: string) =>
    new HubError(
      "PAYMENT_NOT_AWAITING_CANCELLATION_AUTHORISATION",
      `Payment "${id}" (${status}) has no cancellation waiting for its PSU's authorisation; cancel it first (cancelPayment) when it was authorised and can still be cancelled.`,
      { httpStatus: 409, details: { id, status } },
    ),
  psuMismatch: (psuId: string) =>
    new HubError("PSU_MISMATCH", `PSU "${psuId}" may not authorise this payment (not its PSU, not a holder of the debtor account).`, { httpStatus: 403, details: { psuId } }),
  bulkCurrencyMixed: (first: string, other: string) =>
    new HubError("UNSUPPORTED_CURRENCY", `The payments of a bulk share one currency; got ${first} and ${other}. Send one bulk per currency.`, {
      details: { currencies: [first, other] },
    }),
  notPeriodic: (id: string) => commonErrors.badInput(`Payment "${id}" is not a standing order.`, { id }),
  tppRequired: () =>
    commonErrors.badInput("Which TPP initiates the payment is unknown: sign in as a TPP, or (sandbox, until authentication arrives) pass tppId."),
};
