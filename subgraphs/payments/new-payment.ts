/** @module A payment of any kind as it is first stored: RCVD, with its parties, idempotency fingerprint and (bulk) entries. */
import { checkRedirectUri } from "../shared/redirect-uri.js";
import { newId } from "../shared/ids.js";
import { BulkPaymentEntry, Payment, PaymentKind, PaymentStatus } from "./entities/index.js";
import type { BulkRequest } from "./periodic-bulk-request.js";
import type { PaymentRequest } from "./payment-request.js";

/** What a new payment of any kind needs besides its parties. */
export interface NewPayment {
  bankId: string;
  debtorIban: string;
  idempotencyKey: string | null;
  hash: string;
  fields: Partial<Payment>;
  entries?: Omit<BulkPaymentEntry, "id" | "paymentId" | "status" | "statusReason" | "coreRef" | "updatedAt">[];
}

/** Who a new payment is for, as the service established them. */
export interface PaymentParties {
  tppId: string;
  psuId: string | null;
  debtorAccountRef: string;
  tppRedirectUri?: string | null;
  tppNokRedirectUri?: string | null;
}

const endToEndIdOf = (given: string | null | undefined) => given ?? newId().replaceAll("-", "");

/** A single transfer or standing order: one creditor, the fields of `request` plus those of its kind. */
export function transfer(request: PaymentRequest, hash: string, kindFields: Partial<Payment>): NewPayment {
  return {
    bankId: request.bankId,
    debtorIban: request.debtorIban,
    idempotencyKey: request.idempotencyKey,
    hash,
    fields: {
      product: request.product,
      creditorName: request.creditorName,
      creditorIban: request.creditorIban,
      amountMinor: request.amountMinor,
      currency: request.currency,
      remittanceInformationUnstructured: request.remittance,
      endToEndId: request.endToEndId ?? undefined,
      ...kindFields,
    },
  };
}

/** A bulk: its total, and one entry per credit transfer. */
export function bulk(request: BulkRequest, hash: string): NewPayment {
  return {
    bankId: request.bankId,
    debtorIban: request.debtorIban,
    idempotencyKey: request.idempotencyKey,
    hash,
    fields: {
      kind: PaymentKind.BULK,
      product: request.product,
      creditorName: null,
      creditorIban: null,
      amountMinor: request.amountMinor,
      currency: request.currency,
      remittanceInformationUnstructured: null,
      requestedExecutionDate: request.requestedExecutionDate,
      batchBookingPreferred: request.batchBookingPreferred,
    },
    entries: request.entries.map((e, position) => ({
      position,
      creditorName: e.creditorName,
      creditorIban: e.creditorIban,
      amountMinor: e.amountMinor,
      currency: request.currency,
      remittanceInformationUnstructured: e.remittance,
      endToEndId: endToEndIdOf(e.endToEndId),
    })),
  };
}

export function receivedPayment(request: NewPayment, parties: PaymentParties, now: Date): Payment {
  return Object.assign(new Payment(), {
    startDate: null,
    endDate: null,
    frequency: null,
    executionRule: null,
    dayOfExecution: null,
    monthsOfExecution: null,
    batchBookingPreferred: null,
    ...request.fields,
    id: newId(),
    bankId: request.bankId,
    debtorIban: request.debtorIban,
    debtorAccountRef: parties.debtorAccountRef,
    endToEndId: endToEndIdOf(request.fields.endToEndId),
    status: PaymentStatus.RCVD,
    statusReason: null,
    tppId: parties.tppId,
    psuId: parties.psuId,
    idempotencyKey: request.idempotencyKey,
    requestHash: request.hash,
    coreRef: null,
    authorisedAt: null,
    cancellationRequestedAt: null,
    cancellationAuthorisedAt: null,
    fraudCheck: null,
    tppRedirectUri: checkRedirectUri(parties.tppRedirectUri, "tppRedirectUri"),
    tppNokRedirectUri: checkRedirectUri(parties.tppNokRedirectUri, "tppNokRedirectUri"),
    createdAt: now,
    updatedAt: now,
  });
}

export function receivedEntries(request: NewPayment, paymentId: string, now: Date): BulkPaymentEntry[] {
  return (request.entries ?? []).map((e) =>
    Object.assign(new BulkPaymentEntry(), { ...e, id: newId(), paymentId, status: PaymentStatus.RCVD, statusReason: null, coreRef: null, updatedAt: now }),
  );
}
