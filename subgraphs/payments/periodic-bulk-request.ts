/** @module Standing-order terms and bulk requests checked and normalised before anything is written, with their fingerprints for idempotency. */
import { commonErrors } from "../shared/errors.js";
import { fingerprint } from "../shared/idempotency.js";
import { ExecutionRule, Frequency, type PaymentProduct } from "./entities/index.js";
import { paymentErrors } from "./errors.js";
import { isCalendarDate, validatePaymentRequest, type PaymentRequest } from "./payment-request.js";
import type { InitiateBulkPaymentInput, InitiatePeriodicPaymentInput } from "./resolvers/types/periodic-bulk.inputs.js";
import type { StandingOrderTerms } from "./standing-order-schedule.js";

/** At most this many transfers in one bulk. */
export const MAX_BULK_ENTRIES = 100;

const bad = (message: string, field: string) => commonErrors.badInput(message, { field });

export function validateStandingOrderTerms(input: InitiatePeriodicPaymentInput, today: string): StandingOrderTerms {
  if (input.requestedExecutionDate != null) throw bad("A standing order has startDate, not requestedExecutionDate.", "requestedExecutionDate");
  const { startDate, frequency } = input;
  if (!isCalendarDate(startDate) || startDate < today) throw bad(`startDate "${startDate}" must be a calendar date "YYYY-MM-DD" on or after ${today}.`, "startDate");
  const endDate = input.endDate ?? null;
  if (endDate !== null && (!isCalendarDate(endDate) || endDate < startDate)) throw bad(`endDate "${endDate}" must be a calendar date on or after startDate ${startDate}.`, "endDate");
  const day = input.dayOfExecution ?? null;
  if (day !== null && (!Number.isInteger(day) || day < 1 || day > 31)) throw bad(`dayOfExecution must be 1 to 31 (31: the month's last day), got ${day}.`, "dayOfExecution");
  const months = input.monthsOfExecution ?? null;
  if (frequency === Frequency.MONTHLY_VARIABLE) {
    if (!months || months.length < 1 || months.length > 11 || new Set(months).size !== months.length || months.some((m) => !Number.isInteger(m) || m < 1 || m > 12)) {
      throw bad("MonthlyVariable needs monthsOfExecution: 1 to 11 different months from 1 to 12.", "monthsOfExecution");
    }
  } else if (months !== null) {
    throw bad("monthsOfExecution applies only to the frequency MonthlyVariable.", "monthsOfExecution");
  }
  return {
    startDate,
    endDate,
    frequency,
    executionRule: input.executionRule ?? ExecutionRule.FOLLOWING,
    dayOfExecution: day,
    monthsOfExecution: months ? [...months].sort((a, b) => a - b) : null,
  };
}

export interface BulkEntryRequest {
  creditorName: string;
  creditorIban: string;
  amountMinor: bigint;
  remittance: string | null;
  endToEndId: string | null;
}

export interface BulkRequest {
  bankId: string;
  product: PaymentProduct;
  debtorIban: string;
  currency: string;
  amountMinor: bigint;
  requestedExecutionDate: string | null;
  batchBookingPreferred: boolean | null;
  idempotencyKey: string | null;
  entries: BulkEntryRequest[];
}

/** Each entry is checked as a single transfer from the bulk's debtor account; all share one currency. */
export function validateBulkRequest(input: InitiateBulkPaymentInput, today: string): BulkRequest {
  if (input.payments.length < 1 || input.payments.length > MAX_BULK_ENTRIES) throw bad(`A bulk holds 1 to ${MAX_BULK_ENTRIES} payments, got ${input.payments.length}.`, "payments");
  const requests: PaymentRequest[] = input.payments.map((entry, i) => {
    try {
      return validatePaymentRequest({ ...entry, bankId: input.bankId, product: input.product, debtorIban: input.debtorIban, requestedExecutionDate: input.requestedExecutionDate, idempotencyKey: input.idempotencyKey }, today);
    } catch (error) {
      if (error instanceof Error) error.message = `payments[${i}]: ${error.message}`;
      throw error;
    }
  });
  const first = requests[0]!;
  const other = requests.find((r) => r.currency !== first.currency);
  if (other) throw paymentErrors.bulkCurrencyMixed(first.currency, other.currency);
  return {
    bankId: first.bankId,
    product: first.product,
    debtorIban: first.debtorIban,
    currency: first.currency,
    amountMinor: requests.reduce((sum, r) => sum + r.amountMinor, 0n),
    requestedExecutionDate: first.requestedExecutionDate,
    batchBookingPreferred: input.batchBookingPreferred ?? null,
    idempotencyKey: first.idempotencyKey,
    entries: requests.map((r) => ({ creditorName: r.creditorName, creditorIban: r.creditorIban, amountMinor: r.amountMinor, remittance: r.remittance, endToEndId: r.endToEndId })),
  };
}

export function bulkRequestHash(request: BulkRequest, psuId: string | null): string {
  return fingerprint([
    "bulk",
    psuId,
    request.bankId,
    request.product,
    request.debtorIban,
    request.requestedExecutionDate,
    request.batchBookingPreferred,
    request.entries.map((e) => [e.creditorName, e.creditorIban, e.amountMinor.toString(), e.remittance, e.endToEndId]),
    request.currency,
  ]);
}
