/**
 * @module The sandbox ledger's domain events, written to its own outbox (`sandbox.outbox`) in the
 * transaction that changes the postings: `transaction.booked` for each customer account's posting of a
 * booked entry, `balance.changed` for each customer account whose balances an entry moved (booked,
 * pending or cancelled). Subjects and payloads use the hub's ids (the accounts subgraph's), so the
 * subscription fields and webhooks filter and resolve them as they would a query's results.
 */
import type { EntityManager } from "@mikro-orm/core";
import { EventType } from "../../events/event.js";
import { accountIdOf, transactionIdOf } from "../../subgraphs/shared/entity-keys.js";
import { formatAmount } from "../../subgraphs/shared/money.js";
import { sql } from "../../subgraphs/shared/orm.js";
import { recordEvent } from "../../subgraphs/shared/outbox.js";
import { accountFunds } from "./ledger-balances.js";
import { SANDBOX_SCHEMA } from "./store.js";

/** What happened to the entry: its postings were booked, are waiting (future-dated), or were taken back. */
export type EntryChange = "booked" | "pending" | "cancelled";

interface CustomerPostingRow {
  posting_id: string;
  bank_id: string;
  account_ref: string;
  iban: string;
  currency: string;
  amount: string;
  booking_date: string | null;
  value_date: string;
  psu_ids: string;
}

/** Records the events of one entry's customer postings; call in the transaction that wrote (or cancelled) it. */
export async function recordEntryEvents(tx: EntityManager, entryId: string, change: EntryChange, today: string): Promise<void> {
  const rows = await sql<CustomerPostingRow>(
    tx,
    `select p.id as posting_id, a.bank_id, a.id as account_ref, a.iban, p.currency, p.amount_minor::text as amount,
       e.booking_date::text as booking_date, e.value_date::text as value_date,
       (select coalesce(json_agg(c.login order by c.login), '[]')::text
          from sandbox.account_holder h join sandbox.customer c on c.id = h.customer_id where h.account_id = a.id) as psu_ids
     from sandbox.posting p
     join sandbox.entry e on e.id = p.entry_id
     join sandbox.account a on a.id = p.account_id and a.kind = 'customer'
     where p.entry_id = ?
     order by p.id`,
    [entryId],
  );
  // The moved accounts' balances after the entry, as the connector reports balances (an entry can span two sandbox banks).
  const funds = new Map<string, Awaited<ReturnType<typeof accountFunds>>>();
  for (const bankId of new Set(rows.map((r) => r.bank_id))) {
    funds.set(bankId, await accountFunds(tx, bankId, rows.filter((r) => r.bank_id === bankId).map((r) => r.account_ref), today));
  }
  for (const row of rows) {
    const psuIds = JSON.parse(row.psu_ids) as string[];
    const accountId = accountIdOf(row.bank_id, row.account_ref);
    const transactionId = transactionIdOf(row.bank_id, row.posting_id);
    const amount = (value: bigint | string) => formatAmount(value, row.currency);
    const common = {
      accountId,
      iban: row.iban,
      transactionId,
      amount: amount(row.amount),
      currency: row.currency,
      bookingDate: row.booking_date,
      valueDate: row.value_date,
      psuIds,
    };
    const concerns = { bankId: row.bank_id, psuId: psuIds[0] ?? null };
    if (change === "booked") {
      await recordEvent(tx, SANDBOX_SCHEMA, { type: EventType.TransactionBooked, subject: `Transaction:${transactionId}`, ...concerns, payload: common });
    }
    const after = funds.get(row.bank_id)!.get(row.account_ref)!;
    await recordEvent(tx, SANDBOX_SCHEMA, {
      type: EventType.BalanceChanged,
      subject: `Account:${accountId}`,
      ...concerns,
      payload: {
        ...common,
        change,
        balanceAfter: { interimBooked: amount(after.interimBooked), expected: amount(after.expected), interimAvailable: amount(after.available) },
      },
    });
  }
}
