/** @module Collects the seed's journal as rows, double entry and all, and sets opening balances last. */
import { sandboxId } from "../../../subgraphs/shared/ids.js";
import { addDays } from "../dates.js";
import { idFactory } from "./ids.js";
import type { Random } from "./random.js";
import type { SeedAccount } from "./customers.js";

export interface Party {
  name: string | null;
  iban: string | null;
}

export interface EntryDetails {
  remittance: string;
  code: string;
  endToEndId?: string | null;
  creditor: Party;
  debtor: Party;
}

/** Row shapes match the table columns, so the seed can insert them with json_populate_recordset. */
export interface EntryRow {
  id: string;
  bank_id: string;
  status: "booked" | "pending";
  booking_date: string | null;
  value_date: string;
  remittance: string;
  end_to_end_id: string | null;
  bank_transaction_code: string;
  creditor_name: string | null;
  creditor_iban: string | null;
  debtor_name: string | null;
  debtor_iban: string | null;
}

export interface PostingRow {
  id: string;
  entry_id: string;
  account_id: string;
  amount_minor: string;
  currency: string;
  ledger_date: string;
}

const clearingIds = new Map<string, string>();

export function clearingAccountId(bankId: string, currency: string): string {
  const key = `${bankId}:clearing:${currency}`;
  let id = clearingIds.get(key);
  if (!id) clearingIds.set(key, (id = sandboxId("sandbox-account", key)));
  return id;
}

export class SeedLedger {
  readonly entries: EntryRow[] = [];
  readonly postings: PostingRow[] = [];
  private readonly movements = new Map<string, { date: string; amount: bigint }[]>();
  private readonly entryId: (name: string) => string;
  private readonly postingId: (name: string) => string;
  private readonly dates: string[] = [];

  constructor(
    readonly bankId: string,
    readonly today: string,
  ) {
    this.entryId = idFactory("sandbox-entry", bankId);
    this.postingId = idFactory("sandbox-posting", bankId);
  }

  /** The date `days` before the seed day (cached: the seed asks for each one thousands of times). */
  daysBack(days: number): string {
    return (this.dates[days] ??= addDays(this.today, -days));
  }

  /** One entry; `legs` are (account id, signed minor amount) and must balance. */
  post(date: string, currency: string, details: EntryDetails, legs: [string, bigint][], status: "booked" | "pending" = "booked"): void {
    const n = this.entries.length;
    const entryId = this.entryId(String(n));
    if (legs.reduce((sum, [, amount]) => sum + amount, 0n) !== 0n) throw new Error(`Unbalanced seed entry ${n}: ${details.remittance}`);
    this.entries.push({
      id: entryId,
      bank_id: this.bankId,
      status,
      booking_date: status === "booked" ? date : null,
      value_date: date,
      remittance: details.remittance,
      end_to_end_id: details.endToEndId ?? null,
      bank_transaction_code: details.code,
      creditor_name: details.creditor.name,
      creditor_iban: details.creditor.iban,
      debtor_name: details.debtor.name,
      debtor_iban: details.debtor.iban,
    });
    legs.forEach(([accountId, amount], leg) => {
      this.postings.push({
        id: this.postingId(`${n}:${leg}`),
        entry_id: entryId,
        account_id: accountId,
        amount_minor: amount.toString(),
        currency,
        ledger_date: date,
      });
      const list = this.movements.get(accountId) ?? [];
      list.push({ date, amount });
      this.movements.set(accountId, list);
    });
  }

  /** Money between a customer account and the outside world, balanced by the bank's clearing account. */
  external(date: string, account: { id: string; currency: string }, amount: bigint, details: EntryDetails, status: "booked" | "pending" = "booked"): void {
    this.post(date, account.currency, details, [[account.id, amount], [clearingAccountId(this.bankId, account.currency), -amount]], status);
  }

  /** Money from outside into `account`. */
  receive(date: string, account: SeedAccount, amount: bigint, from: Party, text: Omit<EntryDetails, "creditor" | "debtor">): void {
    this.external(date, account, amount, { ...text, debtor: from, creditor: { name: account.ownerName, iban: account.iban } });
  }

  /** Money out of `account` to the outside. */
  pay(date: string, account: SeedAccount, amount: bigint, to: Party, text: Omit<EntryDetails, "creditor" | "debtor">, status: "booked" | "pending" = "booked"): void {
    this.external(date, account, -amount, { ...text, debtor: { name: account.ownerName, iban: account.iban }, creditor: to }, status);
  }

  /** Money between two customer accounts of the bank: no clearing leg. */
  transfer(date: string, from: SeedAccount, to: SeedAccount, amount: bigint, text: Omit<EntryDetails, "creditor" | "debtor">): void {
    const details = { ...text, debtor: { name: from.ownerName, iban: from.iban }, creditor: { name: to.ownerName, iban: to.iban } };
    this.post(date, from.currency, details, [[from.id, -amount], [to.id, amount]]);
  }

  /** Gives the account an opening entry before everything else, big enough that it never dips below `cushion`. */
  open(account: SeedAccount, bankName: string, cushion: bigint): void {
    const moves = [...(this.movements.get(account.id) ?? [])].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    let running = 0n;
    let lowest = 0n;
    for (const move of moves) {
      running += move.amount;
      if (running < lowest) lowest = running;
    }
    this.external(this.daysBack(91), account, cushion - lowest, {
      remittance: "Saldovortrag / Kontoeröffnung",
      code: "ACMT-OPCL-ACCO",
      creditor: { name: account.ownerName, iban: account.iban },
      debtor: { name: bankName, iban: null },
    });
  }
}

/** Euros (or another major unit) as a random amount in [min, max], in minor units. */
export function amountBetween(rnd: Random, min: number, max: number): bigint {
  return BigInt(Math.round((min + rnd.next() * (max - min)) * 100));
}
