/** @module The records of the simulators' in-memory ledger (see ledger.ts). */

export type LedgerCode =
  | "INSUFFICIENT_FUNDS"
  | "ACCOUNT_NOT_FOUND"
  | "ACCOUNT_BLOCKED"
  | "CURRENCY_MISMATCH"
  | "INVALID"
  | "PAYMENT_NOT_FOUND"
  | "NOT_CANCELLABLE";

export type LedgerResult<T> = { ok: true; value: T } | { ok: false; code: LedgerCode; message: string };

export interface LedgerAccount {
  id: string;
  iban: string;
  currency: string;
  name: string;
  product: string;
  type: "CACC" | "SVGS";
  status: "enabled" | "blocked" | "deleted";
  ownerName: string;
  holders: string[];
  creditLimit: bigint;
}

export interface LedgerEntry {
  id: string;
  seq: number;
  accountId: string;
  amount: bigint;
  currency: string;
  status: "booked" | "pending" | "cancelled";
  bookingDate: string | null;
  valueDate: string | null;
  creditorName: string | null;
  creditorIban: string | null;
  debtorName: string | null;
  debtorIban: string | null;
  remittance: string | null;
  endToEndId: string | null;
  bankTransactionCode: string | null;
}

export interface LedgerPayment {
  ref: string;
  id: string;
  status: "ACSC" | "ACSP" | "RJCT" | "CANC";
  entryId: string | null;
  reasonCode: LedgerCode | null;
  reason: string | null;
}

export interface TransferOrder {
  ref: string;
  fromAccountId: string;
  creditorIban: string;
  creditorName: string;
  amount: bigint;
  currency: string;
  remittance?: string;
  endToEndId?: string;
  executionDate?: string;
  bankTransactionCode?: string;
}

export interface LedgerFunds {
  currency: string;
  creditLimit: bigint;
  closingBooked: bigint;
  interimBooked: bigint;
  expected: bigint;
  available: bigint;
}

export interface TransactionFilter {
  status: "booked" | "pending" | "both";
  from?: string;
  to?: string;
  limit: number;
  /** A `position` this ledger returned. */
  after?: string;
}
