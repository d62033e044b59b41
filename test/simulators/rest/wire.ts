/**
 * @module The JSON shapes of the simulated REST core ("CoreBank API v2"), on purpose unlike the hub's
 * contract: other field names, nested envelopes, balances as decimal strings, transaction amounts
 * as signed integer cents, its own status words and error codes.
 */
import type { LedgerAccount, LedgerCode, LedgerEntry, LedgerFunds, LedgerPayment } from "./ledger.js";
import { addDays, positionOf } from "./ledger.js";
import { toDecimal } from "./money.js";

export const WIRE_ERROR_CODES: Record<LedgerCode, string> = {
  INSUFFICIENT_FUNDS: "NSF",
  ACCOUNT_NOT_FOUND: "ACCOUNT_UNKNOWN",
  ACCOUNT_BLOCKED: "ACCOUNT_FROZEN",
  CURRENCY_MISMATCH: "CCY_MISMATCH",
  INVALID: "INVALID",
  PAYMENT_NOT_FOUND: "TRANSFER_UNKNOWN",
  NOT_CANCELLABLE: "NOT_CANCELLABLE",
};

export const SCHEME_CODES: Record<string, string> = {
  SEPA: "PMNT-ICDT-ESCT",
  SEPA_INST: "PMNT-IRCT-ESCT",
  TARGET2: "PMNT-ICDT-DMCT",
};

const ACCOUNT_STATES = { enabled: "ACTIVE", blocked: "FROZEN", deleted: "CLOSED" } as const;
const TRANSFER_STATES = { ACSC: "COMPLETED", ACSP: "SCHEDULED", RJCT: "REJECTED", CANC: "CANCELLED" } as const;

export const errorBody = (code: string, message: string) => ({ error: { code, message, traceId: `sim-${Date.now()}` } });

export function accountJson(a: LedgerAccount) {
  return {
    accountId: a.id,
    accountNumber: { iban: a.iban, currencyCode: a.currency },
    label: a.name,
    productName: a.product,
    type: a.type === "SVGS" ? "SAVINGS" : "CURRENT",
    state: ACCOUNT_STATES[a.status],
    holder: { displayName: a.ownerName },
    holders: a.holders.map((login) => ({ login, role: "OWNER" })),
  };
}

export function balancesJson(accountId: string, funds: LedgerFunds, today: string) {
  const balance = (kind: string, minor: bigint, asOf: string, includesOverdraft = false) => ({
    kind,
    value: { amount: toDecimal(minor, funds.currency), currency: funds.currency },
    asOf,
    includesOverdraft,
  });
  return {
    accountId,
    balances: [
      balance("CLOSING_BOOKED", funds.closingBooked, addDays(today, -1)),
      balance("CURRENT", funds.interimBooked, today),
      balance("PROJECTED", funds.expected, today),
      balance("AVAILABLE", funds.available, today, funds.creditLimit > 0n),
    ],
  };
}

export function transactionJson(e: LedgerEntry) {
  const party = (name: string | null, iban: string | null) => (name === null && iban === null ? null : { name, iban });
  return {
    txId: e.id,
    accountId: e.accountId,
    state: e.status === "booked" ? "BOOKED" : "PENDING",
    amountCents: Number(e.amount),
    currency: e.currency,
    bookedOn: e.bookingDate,
    valueOn: e.valueDate,
    payee: party(e.creditorName, e.creditorIban),
    payer: party(e.debtorName, e.debtorIban),
    purpose: e.remittance,
    e2eRef: e.endToEndId,
    btc: e.bankTransactionCode,
    position: positionOf(e),
  };
}

export function transferJson(p: LedgerPayment) {
  return {
    id: p.id,
    clientReference: p.ref,
    state: TRANSFER_STATES[p.status],
    ledgerRef: p.entryId,
    rejectReason: p.reasonCode ? WIRE_ERROR_CODES[p.reasonCode] : null,
    rejectText: p.reason,
  };
}

/** The "wrong types" fault: numeric strings become numbers and numbers strings, everywhere. */
export function scrambleTypes(value: unknown): unknown {
  if (typeof value === "string" && /^-?\d+(\.\d+)?$/.test(value)) return Number(value);
  if (typeof value === "number") return String(value);
  if (Array.isArray(value)) return value.map(scrambleTypes);
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scrambleTypes(v)]));
  return value;
}
