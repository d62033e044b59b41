/** @module A payment request checked and normalised before anything is written, and its fingerprint for idempotency. */
import { electronicFormatIBAN, isValidIBAN } from "ibantools";
import { commonErrors } from "../shared/errors.js";
import { checkIdempotencyKey, fingerprint } from "../shared/idempotency.js";
import { parseAmount } from "../shared/money.js";
import { PaymentProduct } from "./entities/index.js";
import { paymentErrors } from "./errors.js";
import type { InitiatePaymentInput } from "./resolvers/types/payment.inputs.js";

export interface PaymentRequest {
  bankId: string;
  product: PaymentProduct;
  debtorIban: string;
  creditorIban: string;
  creditorName: string;
  amountMinor: bigint;
  currency: string;
  remittance: string | null;
  /** As the TPP gave it; null when the hub is to generate one. */
  endToEndId: string | null;
  requestedExecutionDate: string | null;
  idempotencyKey: string | null;
}

export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** Today as "YYYY-MM-DD" in UTC, the calendar every bank of the hub agrees on. */
export function utcToday(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

function iban(field: string, value: string): string {
  const electronic = electronicFormatIBAN(value);
  if (!electronic || !isValidIBAN(electronic)) throw paymentErrors.invalidIban(field, value);
  return electronic;
}

function optionalText(field: string, value: string | null | undefined, max: number): string | null {
  if (value == null) return null;
  const text = value.trim();
  if (text.length > max) throw commonErrors.badInput(`${field} must be at most ${max} characters, got ${text.length}.`, { field });
  return text || null;
}

/** Throws the first problem found as a HubError (INVALID_IBAN, INVALID_AMOUNT, UNSUPPORTED_CURRENCY, INVALID_EXECUTION_DATE, BAD_USER_INPUT). */
export function validatePaymentRequest(input: InitiatePaymentInput, today: string): PaymentRequest {
  const debtorIban = iban("debtorIban", input.debtorIban);
  const creditorIban = iban("creditorIban", input.creditorIban);
  if (debtorIban === creditorIban) throw commonErrors.badInput("creditorIban must differ from debtorIban.", { field: "creditorIban" });
  const currency = input.instructedAmount.currency.trim().toUpperCase();
  const amountMinor = parseAmount(input.instructedAmount.amount, currency);
  const creditorName = input.creditorName.trim();
  if (creditorName.length < 1 || creditorName.length > 70) {
    throw commonErrors.badInput(`creditorName must be 1 to 70 characters, got ${creditorName.length}.`, { field: "creditorName" });
  }
  const remittance = optionalText("remittanceInformationUnstructured", input.remittanceInformationUnstructured, 140);
  const endToEndId = optionalText("endToEndId", input.endToEndId, 35);
  const date = input.requestedExecutionDate ?? null;
  if (date !== null && (!isCalendarDate(date) || date < today)) throw paymentErrors.invalidExecutionDate(date, today);
  const key = checkIdempotencyKey(input.idempotencyKey);
  return {
    bankId: input.bankId,
    product: input.product ?? PaymentProduct.SEPA_CREDIT_TRANSFERS,
    debtorIban,
    creditorIban,
    creditorName,
    amountMinor,
    currency,
    remittance,
    endToEndId,
    requestedExecutionDate: date,
    idempotencyKey: key,
  };
}

/** SHA-256 over the normalised request, its PSU (not the key) and a standing order's terms: equal requests, equal hash. */
export function requestHash(request: PaymentRequest, psuId: string | null, terms?: unknown): string {
  const fields = [
    psuId,
    request.bankId,
    request.product,
    request.debtorIban,
    request.creditorIban,
    request.creditorName,
    request.amountMinor.toString(),
    request.currency,
    request.remittance,
    request.endToEndId,
    request.requestedExecutionDate,
  ];
  // A single payment's hash stays as it was before standing orders existed.
  return fingerprint(terms === undefined ? fields : [...fields, terms]);
}
