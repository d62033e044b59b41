/** @module Periodic and bulk payments between Berlin Group JSON / pain.001 and the graph. */
import { accountReference, array, boolean, date, object, optionalString, string, type Json } from "../body.js";
import { formatError } from "../errors.js";
import type {
  BulkPaymentEntryInput,
  ExecutionRule,
  Frequency,
  InitiateBulkPaymentInput,
  InitiatePeriodicPaymentInput,
  PaymentFieldsFragment,
  StandingOrderFieldsFragment,
} from "../operations/generated.js";
import type { Pain001Payment } from "../pain001.js";
import { paymentRequestOfJson, paymentRequestOfPain001, toPaymentInformation } from "./payments.js";

/** Berlin Group frequencyCode ↔ the graph's Frequency. */
const FREQUENCIES: Record<string, Frequency> = {
  Daily: "DAILY",
  Weekly: "WEEKLY",
  EveryTwoWeeks: "EVERY_TWO_WEEKS",
  Monthly: "MONTHLY",
  EveryTwoMonths: "EVERY_TWO_MONTHS",
  Quarterly: "QUARTERLY",
  SemiAnnual: "SEMI_ANNUAL",
  Annual: "ANNUAL",
  MonthlyVariable: "MONTHLY_VARIABLE",
};
const FREQUENCY_CODES = Object.fromEntries(Object.entries(FREQUENCIES).map(([code, value]) => [value, code])) as Record<Frequency, string>;
const TERM_FIELDS = ["startDate", "endDate", "frequency", "executionRule", "dayOfExecution", "monthsOfExecution"];

type Omitted = "bankId" | "product" | "idempotencyKey" | "psuId";
export type PeriodicRequest = Omit<InitiatePeriodicPaymentInput, Omitted>;
export type BulkRequest = Omit<InitiateBulkPaymentInput, Omitted>;
type Terms = Pick<PeriodicRequest, "startDate" | "endDate" | "frequency" | "executionRule" | "dayOfExecution" | "monthsOfExecution">;

const DAY_OF_MONTH = /^([1-9]|[12]\d|3[01])$/;

/** startDate, frequency and the optional terms, as in a periodic JSON body or the json_standingorderType part. */
export function standingOrderTermsOf(body: Json): Terms {
  const code = string(body, "frequency", "frequency", 20);
  const frequency = FREQUENCIES[code];
  if (!frequency) throw formatError(`frequency "${code}" is not one of ${Object.keys(FREQUENCIES).join(", ")}.`, "frequency");
  const rule = optionalString(body, "executionRule", "executionRule", 10);
  if (rule !== undefined && rule !== "following" && rule !== "preceding") throw formatError('executionRule must be "following" or "preceding".', "executionRule");
  const day = optionalString(body, "dayOfExecution", "dayOfExecution", 2);
  if (day !== undefined && !DAY_OF_MONTH.test(day)) throw formatError('dayOfExecution must be "1" to "31" without leading zeroes.', "dayOfExecution");
  const months = array(body, "monthsOfExecution");
  if (months && !months.every((m) => typeof m === "string" && /^([1-9]|1[0-2])$/.test(m))) throw formatError('monthsOfExecution holds months "1" to "12".', "monthsOfExecution");
  return {
    startDate: date(body, "startDate"),
    ...(body.endDate != null ? { endDate: date(body, "endDate") } : {}),
    frequency,
    ...(rule ? { executionRule: rule.toUpperCase() as ExecutionRule } : {}),
    ...(day ? { dayOfExecution: Number(day) } : {}),
    ...(months ? { monthsOfExecution: months.map(Number) } : {}),
  };
}

export function periodicRequestOfJson(raw: unknown): PeriodicRequest {
  const body = object(raw, "body");
  if (body.requestedExecutionDate !== undefined) throw formatError("A periodic payment has startDate, not requestedExecutionDate.", "requestedExecutionDate");
  const single = Object.fromEntries(Object.entries(body).filter(([name]) => !TERM_FIELDS.includes(name)));
  return { ...paymentRequestOfJson(single), ...standingOrderTermsOf(body) };
}

export function periodicRequestOfPain001(payment: Pain001Payment, terms: unknown): PeriodicRequest {
  const { requestedExecutionDate: _none, ...single } = paymentRequestOfPain001(payment);
  return { ...single, ...standingOrderTermsOf(object(terms, "json_standingorderType")) };
}

function bulkEntryOfJson(raw: unknown, i: number): BulkPaymentEntryInput {
  const path = `payments[${i}]`;
  const entry = object(raw, path);
  for (const field of ["debtorAccount", "requestedExecutionDate", "requestedExecutionTime"]) {
    if (entry[field] !== undefined) throw formatError(`${path}.${field}: a bulk entry takes the bulk's ${field}.`, `${path}.${field}`);
  }
  const amount = object(entry.instructedAmount, `${path}.instructedAmount`);
  return {
    creditorIban: accountReference(entry.creditorAccount, `${path}.creditorAccount`).iban,
    creditorName: string(entry, "creditorName", `${path}.creditorName`, 70),
    instructedAmount: { amount: string(amount, "amount", `${path}.instructedAmount.amount`, 20), currency: string(amount, "currency", `${path}.instructedAmount.currency`, 3) },
    remittanceInformationUnstructured: optionalString(entry, "remittanceInformationUnstructured", `${path}.remittanceInformationUnstructured`, 140),
    endToEndId: optionalString(entry, "endToEndIdentification", `${path}.endToEndIdentification`, 35),
  };
}

export function bulkRequestOfJson(raw: unknown): BulkRequest {
  const body = object(raw, "body");
  const payments = array(body, "payments");
  if (!payments || payments.length === 0) throw formatError("payments is required: the bulk's credit transfers.", "payments");
  return {
    debtorIban: accountReference(body.debtorAccount, "debtorAccount").iban,
    payments: payments.map(bulkEntryOfJson),
    ...(body.batchBookingPreferred !== undefined ? { batchBookingPreferred: boolean(body, "batchBookingPreferred") } : {}),
    ...(body.requestedExecutionDate !== undefined ? { requestedExecutionDate: date(body, "requestedExecutionDate") } : {}),
  };
}

/** A pain.001 bulk: its credit transfers must share one debtor account and execution date (one PmtInf). */
export function bulkRequestOfPain001(payments: Pain001Payment[]): BulkRequest {
  const first = payments[0]!;
  if (payments.some((p) => p.debtorIban !== first.debtorIban || p.requestedExecutionDate !== first.requestedExecutionDate)) {
    throw formatError("A bulk payment has one debtor account and one execution date: send one PmtInf.", "PmtInf");
  }
  return {
    debtorIban: first.debtorIban,
    payments: payments.map((p) => {
      const { debtorIban: _d, requestedExecutionDate: _r, ...entry } = paymentRequestOfPain001(p);
      return entry;
    }),
    ...(first.batchBooking !== undefined ? { batchBookingPreferred: first.batchBooking } : {}),
    ...(first.requestedExecutionDate ? { requestedExecutionDate: first.requestedExecutionDate } : {}),
  };
}

/** standingOrderDetails / the periodic body's terms as Berlin Group spells them. */
export function toStandingOrderDetails(terms: StandingOrderFieldsFragment) {
  return {
    startDate: terms.startDate,
    frequency: FREQUENCY_CODES[terms.frequency],
    ...(terms.endDate ? { endDate: terms.endDate } : {}),
    ...(terms.executionRule ? { executionRule: terms.executionRule.toLowerCase() } : {}),
    ...(terms.dayOfExecution ? { dayOfExecution: String(terms.dayOfExecution) } : {}),
    ...(terms.monthsOfExecution ? { monthsOfExecution: terms.monthsOfExecution.map(String) } : {}),
  };
}

export function toPeriodicInformation(payment: PaymentFieldsFragment) {
  const { requestedExecutionDate: _none, transactionStatus, ...single } = toPaymentInformation(payment);
  const { monthsOfExecution: _months, ...terms } = toStandingOrderDetails(payment.standingOrder!);
  return { ...single, ...terms, transactionStatus };
}

export function toBulkInformation(payment: PaymentFieldsFragment) {
  return {
    ...(payment.batchBookingPreferred !== null ? { batchBookingPreferred: payment.batchBookingPreferred } : {}),
    ...(payment.requestedExecutionDate ? { requestedExecutionDate: payment.requestedExecutionDate } : {}),
    debtorAccount: { iban: payment.debtorIban },
    payments: (payment.bulkEntries ?? []).map((e) => ({
      endToEndIdentification: e.endToEndId,
      instructedAmount: { currency: e.instructedAmount.currency, amount: e.instructedAmount.amount },
      creditorAccount: { iban: e.creditorIban },
      creditorName: e.creditorName,
      ...(e.remittanceInformationUnstructured ? { remittanceInformationUnstructured: e.remittanceInformationUnstructured } : {}),
    })),
    transactionStatus: payment.status,
  };
}
