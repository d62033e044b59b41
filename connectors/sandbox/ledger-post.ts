/** @module Writing one journal entry with its postings: the only way money moves in the sandbox. */
import type { EntityManager } from "@mikro-orm/core";
import { sql } from "../../subgraphs/shared/orm.js";

export interface EntryInput {
  id: string;
  bankId: string;
  status: "booked" | "pending";
  bookingDate: string | null;
  valueDate: string;
  remittance: string | null;
  endToEndId: string | null;
  bankTransactionCode: string | null;
  creditorName: string | null;
  creditorIban: string | null;
  debtorName: string | null;
  debtorIban: string | null;
}

export interface PostingInput {
  id: string;
  accountId: string;
  amountMinor: bigint;
  currency: string;
}

/** Throws unless the postings sum to zero in every currency: an unbalanced entry is a bug. */
export function assertBalanced(postings: readonly PostingInput[]): void {
  const sums = new Map<string, bigint>();
  for (const posting of postings) sums.set(posting.currency, (sums.get(posting.currency) ?? 0n) + posting.amountMinor);
  for (const [currency, sum] of sums) {
    if (sum !== 0n) throw new Error(`Unbalanced journal entry: postings in ${currency} sum to ${sum}, not 0.`);
  }
}

/** Two statements in the caller's transaction: the entry, then all its postings. */
export async function postEntry(tx: EntityManager, entry: EntryInput, postings: readonly PostingInput[]): Promise<void> {
  assertBalanced(postings);
  await sql(
    tx,
    `insert into sandbox.entry (id, bank_id, status, booking_date, value_date, remittance, end_to_end_id, bank_transaction_code,
       creditor_name, creditor_iban, debtor_name, debtor_iban) values (?, ?, ?, ?::date, ?::date, ?, ?, ?, ?, ?, ?, ?)`,
    [entry.id, entry.bankId, entry.status, entry.bookingDate, entry.valueDate, entry.remittance, entry.endToEndId, entry.bankTransactionCode,
      entry.creditorName, entry.creditorIban, entry.debtorName, entry.debtorIban],
  );
  const ledgerDate = entry.bookingDate ?? entry.valueDate;
  await sql(
    tx,
    `insert into sandbox.posting (id, entry_id, account_id, amount_minor, currency, ledger_date)
     values ${postings.map(() => "(?, ?, ?, ?, ?, ?::date)").join(", ")}`,
    postings.flatMap((p) => [p.id, entry.id, p.accountId, p.amountMinor, p.currency, ledgerDate]),
  );
}
