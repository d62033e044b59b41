/** @module Wire ↔ contract: the core's JSON account listing, camt entries and balances, pain.002 statuses and reasons. */
import { electronicFormatIBAN, isValidIBAN } from "ibantools";
import type { AccountStatus, BalanceType, CoreAccount, CoreBalance, CorePaymentStatus, CoreTransaction } from "../contract.js";
import type { RejectionCode } from "../result.js";
import { HubError } from "../../subgraphs/shared/errors.js";
import { isSupportedCurrency } from "../../subgraphs/shared/money.js";
import type { CamtBalance, CamtEntry } from "./camt.js";
import { XmlRejectedError } from "./errors.js";

/** Accounts of an ISO 20022 core are identified by IBAN, so an account's `ref` is its IBAN in electronic format. */
export function accountRefOf(ref: string): string | undefined {
  const iban = electronicFormatIBAN(ref);
  return iban && isValidIBAN(iban) ? iban : undefined;
}

const STATUSES: readonly AccountStatus[] = ["enabled", "deleted", "blocked"];

/** One entry of the core's JSON account listing (ISO 20022 has no message for "accounts of a customer"). */
export function toAccount(value: unknown): CoreAccount {
  const a = (typeof value === "object" && value !== null ? value : {}) as Record<string, unknown>;
  const strings = ["iban", "currency", "name", "product", "cashAccountType", "status", "ownerName"] as const;
  for (const key of strings) if (typeof a[key] !== "string") throw new XmlRejectedError(`An account in the listing has no string "${key}".`);
  const iban = accountRefOf(a.iban as string);
  if (!iban) throw new XmlRejectedError(`The listing holds an invalid IBAN ${JSON.stringify(a.iban)}.`);
  if (!isSupportedCurrency(a.currency as string)) throw new XmlRejectedError(`Account ${iban} is in an unsupported currency ${JSON.stringify(a.currency)}.`);
  if (!STATUSES.includes(a.status as AccountStatus)) throw new XmlRejectedError(`Account ${iban} has an unknown status ${JSON.stringify(a.status)}.`);
  if (!Array.isArray(a.psuIds) || !a.psuIds.every((id) => typeof id === "string")) throw new XmlRejectedError(`Account ${iban} has no psuIds list.`);
  return {
    ref: iban,
    iban,
    currency: a.currency as string,
    name: a.name as string,
    product: a.product as string,
    cashAccountType: a.cashAccountType as string,
    status: a.status as AccountStatus,
    ownerName: a.ownerName as string,
    psuIds: [...(a.psuIds as string[])],
  };
}

const BALANCE_TYPES: Record<string, BalanceType> = {
  PRCD: "closingBooked",
  CLBD: "closingBooked",
  OPBD: "openingBooked",
  ITBD: "interimBooked",
  ITAV: "interimAvailable",
  XPCD: "expected",
};

/** camt balances the contract has a type for; others (INFO, FWAV, …) are left out. */
export function toBalances(balances: readonly CamtBalance[]): CoreBalance[] {
  return balances.flatMap((b) => {
    const type = BALANCE_TYPES[b.code];
    return type ? [{ type, amountMinor: b.amountMinor, currency: b.currency, referenceDate: b.date, creditLimitIncluded: b.creditLineIncluded }] : [];
  });
}

/** The date a transaction is ordered and filtered by: booked on its booking date, pending on its value date. */
export const ledgerDateOf = (t: { bookingDate: string | null; valueDate: string | null }) => t.bookingDate ?? t.valueDate ?? "";

export function encodeCursor(ledgerDate: string, ref: string): string {
  return Buffer.from(`${ledgerDate}|${ref}`, "utf8").toString("base64url");
}

export function decodeCursor(cursor: string): { ledgerDate: string; ref: string } {
  const [ledgerDate, ref, extra] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  if (extra !== undefined || !ledgerDate || !ref || !/^\d{4}-\d{2}-\d{2}$/.test(ledgerDate)) {
    throw new HubError("INVALID_CURSOR", `after "${cursor}" is not a cursor this bank returned; pass one from a previous page.`, { details: { cursor } });
  }
  return { ledgerDate, ref };
}

/** Newest first: ledger date, then ref, both descending. */
export function newestFirst(a: CoreTransaction, b: CoreTransaction): number {
  const [da, db] = [ledgerDateOf(a), ledgerDateOf(b)];
  return da !== db ? (da < db ? 1 : -1) : a.ref < b.ref ? 1 : a.ref > b.ref ? -1 : 0;
}

/** Whether `t` comes after the cursor position in newest-first order. */
export function olderThan(t: CoreTransaction, cursor: { ledgerDate: string; ref: string }): boolean {
  const date = ledgerDateOf(t);
  return date < cursor.ledgerDate || (date === cursor.ledgerDate && t.ref < cursor.ref);
}

/** A booked or pending camt entry as a transaction of `accountRef`; other statuses (INFO) answer undefined. */
export function toTransaction(accountRef: string, entry: CamtEntry): CoreTransaction | undefined {
  const status = entry.status === "BOOK" ? "booked" : entry.status === "PDNG" ? "pending" : undefined;
  if (!status) return undefined;
  if (status === "booked" && !entry.bookingDate) throw new XmlRejectedError(`Booked entry ${entry.ref} has no booking date.`);
  const bookingDate = status === "booked" ? entry.bookingDate : null;
  return {
    ref: entry.ref,
    accountRef,
    status,
    amountMinor: entry.amountMinor,
    currency: entry.currency,
    bookingDate,
    valueDate: entry.valueDate,
    creditorName: entry.creditorName,
    creditorIban: entry.creditorIban,
    debtorName: entry.debtorName,
    debtorIban: entry.debtorIban,
    remittanceInformation: entry.remittance,
    endToEndId: entry.endToEndId,
    bankTransactionCode: entry.bankTransactionCode,
    cursor: encodeCursor(bookingDate ?? entry.valueDate ?? "", entry.ref),
  };
}

const PAYMENT_STATUSES: Record<string, CorePaymentStatus> = {
  ACTC: "ACTC", ACSP: "ACSP", ACSC: "ACSC", PDNG: "PDNG", RJCT: "RJCT", CANC: "CANC",
  RCVD: "PDNG", ACCP: "ACSP", ACWP: "ACSP", ACFC: "ACSP", ACCC: "ACSC", ACWC: "ACSC",
};

export function toPaymentStatus(code: string): CorePaymentStatus {
  const status = PAYMENT_STATUSES[code];
  if (!status) throw new XmlRejectedError(`Unknown payment status ${JSON.stringify(code)} in the pain.002.`);
  return status;
}

/** ISO 20022 ExternalStatusReason1Code → the hub's rejection codes. */
const REASONS: Record<string, RejectionCode> = {
  AM04: "INSUFFICIENT_FUNDS",
  AC02: "ACCOUNT_NOT_FOUND",
  AC04: "ACCOUNT_BLOCKED",
  AC06: "ACCOUNT_BLOCKED",
  AM03: "CURRENCY_MISMATCH",
};

export function toRejectionCode(reasonCode: string | undefined): RejectionCode {
  return (reasonCode && REASONS[reasonCode]) || "REJECTED_BY_CORE";
}
