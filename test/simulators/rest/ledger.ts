/**
 * @module The in-memory ledger behind the REST and SOAP core simulators: customers, accounts,
 * postings and transfers, so that money moves and balances change. Each simulator starts its own.
 * Transfers are idempotent by their reference; business refusals are stored like any transfer.
 */
import { electronicFormatIBAN, isValidIBAN } from "ibantools";
import type { LedgerAccount, LedgerCode, LedgerEntry, LedgerFunds, LedgerPayment, LedgerResult, TransactionFilter, TransferOrder } from "./ledger-types.js";

export type * from "./ledger-types.js";

export const isoToday = () => new Date().toISOString().slice(0, 10);

export function addDays(iso: string, days: number): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

const isDate = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value) && addDays(value, 0) === value;
const dateOf = (e: LedgerEntry) => e.bookingDate ?? e.valueDate ?? "";
const newestFirst = (a: LedgerEntry, b: LedgerEntry) => dateOf(b).localeCompare(dateOf(a)) || b.seq - a.seq;

export class Ledger {
  readonly customers = new Map<string, string>();
  readonly accounts = new Map<string, LedgerAccount>();
  readonly entries: LedgerEntry[] = [];
  readonly payments = new Map<string, LedgerPayment>();
  /** Transfers that moved money (tests prove that a repeated or lost transfer is booked once). */
  bookedTransfers = 0;
  private seq = 0;

  constructor(readonly today: () => string = isoToday) {}

  accountsOf(login: string): LedgerAccount[] | undefined {
    if (!this.customers.has(login)) return undefined;
    return [...this.accounts.values()].filter((a) => a.holders.includes(login));
  }

  accountByIban(iban: string): LedgerAccount | undefined {
    const wanted = electronicFormatIBAN(iban) ?? iban;
    return [...this.accounts.values()].find((a) => a.iban === wanted);
  }

  listAccounts(limit: number, after?: string): { accounts: LedgerAccount[]; next?: string } {
    const sorted = [...this.accounts.values()].sort((a, b) => a.id.localeCompare(b.id)).filter((a) => !after || a.id > after);
    const accounts = sorted.slice(0, Math.max(1, limit));
    return sorted.length > accounts.length ? { accounts, next: accounts[accounts.length - 1]!.id } : { accounts };
  }

  funds(accountId: string): LedgerFunds | undefined {
    const account = this.accounts.get(accountId);
    if (!account) return undefined;
    const today = this.today();
    const mine = this.entries.filter((e) => e.accountId === accountId);
    const sum = (keep: (e: LedgerEntry) => boolean) => mine.filter(keep).reduce((total, e) => total + e.amount, 0n);
    const expected = sum((e) => e.status !== "cancelled");
    return {
      currency: account.currency,
      creditLimit: account.creditLimit,
      closingBooked: sum((e) => e.status === "booked" && e.bookingDate! < today),
      interimBooked: sum((e) => e.status === "booked"),
      expected,
      available: expected + account.creditLimit,
    };
  }

  /** Newest first (date, then posting order); undefined for an unknown account; throws on a foreign `after`. */
  transactions(accountId: string, filter: TransactionFilter): { entries: LedgerEntry[]; hasMore: boolean } | undefined {
    if (!this.accounts.has(accountId)) return undefined;
    const after = filter.after === undefined ? undefined : decodePosition(filter.after);
    const rows = this.entries
      .filter((e) => e.accountId === accountId && e.status !== "cancelled")
      .filter((e) => filter.status === "both" || e.status === filter.status)
      .filter((e) => (!filter.from || dateOf(e) >= filter.from) && (!filter.to || dateOf(e) <= filter.to))
      .filter((e) => !after || dateOf(e) < after.date || (dateOf(e) === after.date && e.seq < after.seq))
      .sort(newestFirst);
    return { entries: rows.slice(0, filter.limit), hasMore: rows.length > filter.limit };
  }

  entry(id: string): LedgerEntry | undefined {
    return this.entries.find((e) => e.id === id && e.status !== "cancelled");
  }

  /** Answers the stored outcome for a reference it has seen, and books nothing then. */
  transfer(order: TransferOrder): { payment: LedgerPayment; replayed: boolean } {
    const earlier = this.payments.get(order.ref);
    if (earlier) return { payment: earlier, replayed: true };
    const problem = this.refusal(order);
    const payment: LedgerPayment = problem
      ? { ref: order.ref, id: `TRF-${this.payments.size + 1}`, status: "RJCT", entryId: null, reasonCode: problem.code, reason: problem.message }
      : this.book(order);
    this.payments.set(order.ref, payment);
    return { payment, replayed: false };
  }

  cancel(ref: string): LedgerResult<LedgerPayment> {
    const payment = this.payments.get(ref);
    if (!payment) return { ok: false, code: "PAYMENT_NOT_FOUND", message: `No transfer with reference "${ref}".` };
    if (payment.status === "CANC") return { ok: true, value: payment };
    if (payment.status !== "ACSP") {
      return { ok: false, code: "NOT_CANCELLABLE", message: `Transfer "${ref}" is ${payment.status}; only a scheduled transfer can be cancelled.` };
    }
    for (const e of this.entries) if (e.id === payment.entryId) e.status = "cancelled";
    payment.status = "CANC";
    return { ok: true, value: payment };
  }

  checkFunds(accountId: string, amount: bigint, currency: string): LedgerResult<boolean> {
    const account = this.accounts.get(accountId);
    if (!account) return { ok: false, code: "ACCOUNT_NOT_FOUND", message: `No account "${accountId}".` };
    if (account.currency !== currency) return { ok: false, code: "CURRENCY_MISMATCH", message: `Account holds ${account.currency}, not ${currency}.` };
    if (account.status !== "enabled") return { ok: false, code: "ACCOUNT_BLOCKED", message: `Account is ${account.status}.` };
    return { ok: true, value: this.funds(accountId)!.available >= amount };
  }

  post(entry: Omit<LedgerEntry, "id" | "seq">): LedgerEntry {
    const seq = ++this.seq;
    const posted = { ...entry, id: `T${String(seq).padStart(7, "0")}`, seq };
    this.entries.push(posted);
    return posted;
  }

  private refusal(order: TransferOrder): { code: LedgerCode; message: string } | undefined {
    const creditorIban = electronicFormatIBAN(order.creditorIban) ?? "";
    if (order.amount <= 0n) return { code: "INVALID", message: `Amount must be positive, got ${order.amount}.` };
    if (!isValidIBAN(creditorIban)) return { code: "INVALID", message: `Creditor IBAN "${order.creditorIban}" is not valid.` };
    if (order.executionDate !== undefined && !isDate(order.executionDate)) return { code: "INVALID", message: `Bad execution date.` };
    const debtor = this.accounts.get(order.fromAccountId);
    if (!debtor) return { code: "ACCOUNT_NOT_FOUND", message: `No account "${order.fromAccountId}".` };
    if (debtor.status !== "enabled") return { code: "ACCOUNT_BLOCKED", message: `Account ${debtor.iban} is ${debtor.status}.` };
    if (debtor.currency !== order.currency) return { code: "CURRENCY_MISMATCH", message: `Account ${debtor.iban} holds ${debtor.currency}.` };
    if (creditorIban === debtor.iban) return { code: "INVALID", message: `Creditor and debtor are the same account.` };
    const available = this.funds(debtor.id)!.available;
    if (available < order.amount) return { code: "INSUFFICIENT_FUNDS", message: `Account ${debtor.iban} has ${available} minor units available; the transfer needs ${order.amount}.` };
    return undefined;
  }

  private book(order: TransferOrder): LedgerPayment {
    const debtor = this.accounts.get(order.fromAccountId)!;
    const creditorIban = electronicFormatIBAN(order.creditorIban)!;
    const today = this.today();
    const scheduled = order.executionDate !== undefined && order.executionDate > today;
    const common = {
      currency: order.currency,
      status: scheduled ? ("pending" as const) : ("booked" as const),
      bookingDate: scheduled ? null : today,
      valueDate: scheduled ? order.executionDate! : today,
      creditorName: order.creditorName,
      creditorIban,
      debtorName: debtor.ownerName,
      debtorIban: debtor.iban,
      remittance: order.remittance ?? null,
      endToEndId: order.endToEndId ?? null,
      bankTransactionCode: order.bankTransactionCode ?? "PMNT-ICDT-ESCT",
    };
    const debit = this.post({ ...common, accountId: debtor.id, amount: -order.amount });
    const creditor = this.accountByIban(creditorIban);
    if (!scheduled && creditor && creditor.status === "enabled" && creditor.currency === order.currency) {
      this.post({ ...common, accountId: creditor.id, amount: order.amount });
    }
    this.bookedTransfers++;
    return { ref: order.ref, id: `TRF-${this.payments.size + 1}`, status: scheduled ? "ACSP" : "ACSC", entryId: debit.id, reasonCode: null, reason: null };
  }
}

/** The position of an entry in any account's newest-first list; valid as `after` for every account. */
export function positionOf(entry: LedgerEntry): string {
  return Buffer.from(`${dateOf(entry)}|${entry.seq}`).toString("base64url");
}

export class BadPositionError extends Error {
  override name = "BadPositionError";
}

function decodePosition(position: string): { date: string; seq: number } {
  const [date, seq, extra] = Buffer.from(position, "base64url").toString().split("|");
  if (extra !== undefined || !date || !isDate(date) || !/^\d+$/.test(seq ?? "")) throw new BadPositionError(`"${position}" is not a position of this core.`);
  return { date, seq: Number(seq) };
}
