/** @module Transactions: each a posting of one account seen with its journal entry's details. */
import type { EntityManager } from "@mikro-orm/core";
import { validate } from "uuid";
import type { CoreTransaction, TransactionPage, TransactionQuery } from "../contract.js";
import { HubError } from "../../subgraphs/shared/errors.js";
import { sql } from "../../subgraphs/shared/orm.js";
import { isIsoDate } from "./dates.js";
import { badCursor, minor, uuidRefs } from "./ledger-sql.js";

interface TransactionRow {
  id: string;
  account_id: string;
  amount: string;
  currency: string;
  status: "booked" | "pending";
  booking_date: string | null;
  value_date: string | null;
  ledger_date: string;
  creditor_name: string | null;
  creditor_iban: string | null;
  debtor_name: string | null;
  debtor_iban: string | null;
  remittance: string | null;
  end_to_end_id: string | null;
  bank_transaction_code: string | null;
}

const COLUMNS = `p.id, p.account_id, p.amount_minor::text as amount, p.currency, e.status,
  e.booking_date::text as booking_date, e.value_date::text as value_date, p.ledger_date::text as ledger_date,
  e.creditor_name, e.creditor_iban, e.debtor_name, e.debtor_iban, e.remittance, e.end_to_end_id, e.bank_transaction_code`;

const FROM = `from sandbox.posting p
  join sandbox.entry e on e.id = p.entry_id
  join sandbox.account a on a.id = p.account_id
  where a.bank_id = ? and a.kind = 'customer' and e.status <> 'cancelled'`;

/** The position of a transaction in its account's newest-first list. */
export function encodeCursor(ledgerDate: string, postingId: string): string {
  return Buffer.from(`${ledgerDate}|${postingId}`).toString("base64url");
}

export function decodeCursor(cursor: string): { ledgerDate: string; postingId: string } {
  const [ledgerDate, postingId, extra] = Buffer.from(cursor, "base64url").toString().split("|");
  if (extra !== undefined || !ledgerDate || !postingId || !isIsoDate(ledgerDate) || !validate(postingId)) throw badCursor("after", cursor);
  return { ledgerDate, postingId };
}

function toTransaction(row: TransactionRow): CoreTransaction {
  return {
    ref: row.id,
    accountRef: row.account_id,
    status: row.status,
    amountMinor: minor(row.amount),
    currency: row.currency,
    bookingDate: row.booking_date,
    valueDate: row.value_date,
    creditorName: row.creditor_name,
    creditorIban: row.creditor_iban,
    debtorName: row.debtor_name,
    debtorIban: row.debtor_iban,
    remittanceInformation: row.remittance,
    endToEndId: row.end_to_end_id,
    bankTransactionCode: row.bank_transaction_code,
    cursor: encodeCursor(row.ledger_date, row.id),
  };
}

function assertDate(name: string, value: string | undefined): void {
  if (value !== undefined && !isIsoDate(value)) {
    throw new HubError("BAD_USER_INPUT", `${name} "${value}" is not a date such as "2026-11-22".`, { details: { [name]: value } });
  }
}

/** One page per requested account, all from one statement (a window numbers each account's rows). */
export async function transactionPages(em: EntityManager, bankId: string, query: TransactionQuery): Promise<Map<string, TransactionPage>> {
  if (!Number.isInteger(query.first) || query.first < 1) {
    throw new HubError("BAD_USER_INPUT", `first must be a positive integer, got ${query.first}.`, { details: { first: query.first } });
  }
  assertDate("dateFrom", query.dateFrom);
  assertDate("dateTo", query.dateTo);
  const after = query.after === undefined ? undefined : decodeCursor(query.after);
  const ids = uuidRefs(query.accountRefs);
  const rows: TransactionRow[] = [];
  if (ids.length > 0) {
    const statuses = query.bookingStatus === "both" ? ["booked", "pending"] : [query.bookingStatus];
    const where = [`p.account_id in (?)`, `e.status in (?)`];
    const params: unknown[] = [bankId, ids, statuses];
    if (query.dateFrom) where.push(`p.ledger_date >= ?::date`), params.push(query.dateFrom);
    if (query.dateTo) where.push(`p.ledger_date <= ?::date`), params.push(query.dateTo);
    if (after) where.push(`(p.ledger_date, p.id) < (?::date, ?::uuid)`), params.push(after.ledgerDate, after.postingId);
    params.push(query.first + 1);
    rows.push(
      ...(await sql<TransactionRow & { rn: unknown }>(
        em,
        `select * from (
           select ${COLUMNS}, row_number() over (partition by p.account_id order by p.ledger_date desc, p.id desc) as rn
           ${FROM} and ${where.join(" and ")}
         ) t where t.rn <= ? order by t.account_id, t.rn`,
        params,
      )),
    );
  }
  const byAccount = new Map<string, TransactionRow[]>();
  for (const row of rows) {
    const list = byAccount.get(row.account_id);
    if (list) list.push(row);
    else byAccount.set(row.account_id, [row]);
  }
  const pages = new Map<string, TransactionPage>();
  for (const ref of query.accountRefs) {
    const accountRows = byAccount.get(ref.toLowerCase()) ?? [];
    pages.set(ref, { transactions: accountRows.slice(0, query.first).map(toTransaction), hasMore: accountRows.length > query.first });
  }
  return pages;
}

export async function transactionsByRefs(em: EntityManager, bankId: string, refs: readonly string[]): Promise<Map<string, CoreTransaction>> {
  const ids = uuidRefs(refs);
  const found = new Map<string, CoreTransaction>();
  if (ids.length === 0) return found;
  const rows = await sql<TransactionRow>(em, `select ${COLUMNS} ${FROM} and p.id in (?)`, [bankId, ids]);
  const byId = new Map(rows.map((row) => [row.id, toTransaction(row)]));
  for (const ref of refs) {
    const transaction = byId.get(ref.toLowerCase());
    if (transaction) found.set(ref, transaction);
  }
  return found;
}
