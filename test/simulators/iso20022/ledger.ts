/**
 * @module The simulated core's books, in memory: accounts, one entry per account and booking (a transfer
 * between two of its customers is two entries with one booking reference), and payments by MsgId, the
 * idempotency key of a pain.001: a repeated MsgId answers the stored payment and books nothing.
 */
import { isValidIBAN } from "ibantools";
import { formatAmount } from "../../../subgraphs/shared/money.js";
import { ISARBANK, SEED_ACCOUNTS, seedMovements, type Counterparty, type SeedAccount } from "./seed.js";

export interface SimEntry {
  ref: string;
  booking: string;
  /** Order of creation; camt.054 notifications are numbered with it. */
  seq: number;
  iban: string;
  amountMinor: bigint;
  currency: string;
  status: "booked" | "pending" | "cancelled";
  bookingDate: string | null;
  valueDate: string;
  bankTransactionCode: string;
  endToEndId: string | null;
  messageId: string | null;
  debtor: Counterparty;
  creditor: Counterparty;
  remittance: string | null;
}

export type SimPaymentStatus = "ACSC" | "ACSP" | "RJCT" | "CANC";

export interface SimPayment {
  messageId: string;
  paymentInfoId: string;
  instructionId: string | null;
  endToEndId: string;
  amountMinor: bigint;
  currency: string;
  status: SimPaymentStatus;
  reasonCode: string | null;
  reason: string | null;
  booking: string | null;
  receivedAt: string;
}

export interface TransferOrder {
  messageId: string;
  paymentInfoId: string;
  instructionId: string | null;
  endToEndId: string;
  debtorIban: string;
  amountMinor: bigint;
  currency: string;
  creditor: Counterparty;
  remittance: string | null;
  executionDate: string;
  bankTransactionCode: string;
}

export const addDays = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const pad = (n: number) => String(n).padStart(8, "0");

export class Iso20022Ledger {
  readonly accounts = new Map<string, SeedAccount>();
  readonly entries: SimEntry[] = [];
  readonly payments = new Map<string, SimPayment>();
  private seq = 0;
  private bookings = 0;

  constructor(private readonly today: () => string) {
    for (const a of SEED_ACCOUNTS) this.accounts.set(a.iban, { ...a, psuIds: [...a.psuIds] });
    const t = today();
    for (const m of seedMovements()) {
      const owner = this.accounts.get(m.iban)!;
      const me = { name: owner.ownerName, iban: owner.iban };
      const [debtor, creditor] = m.amountMinor < 0n ? [me, m.counterparty] : [m.counterparty, me];
      this.post([[m.iban, m.amountMinor]], owner.currency, addDays(t, m.days), t, { debtor, creditor, remittance: m.remittance, code: m.code, endToEndId: null, messageId: null });
    }
    const [maxGiro, , , , joint] = SEED_ACCOUNTS;
    this.post([[maxGiro!.iban, -20_000n], [joint!.iban, 20_000n]], "EUR", addDays(t, -10), t, {
      debtor: { name: maxGiro!.ownerName, iban: maxGiro!.iban }, creditor: { name: joint!.ownerName, iban: joint!.iban },
      remittance: "Haushaltskasse", code: "PMNT-ICDT-BOOK", endToEndId: "HAUSHALT-001", messageId: null,
    });
  }

  /** Available = booked + pending + credit limit, the funds a payment may use. */
  funds(iban: string): { closingBooked: bigint; interimBooked: bigint; expected: bigint; available: bigint } {
    const today = this.today();
    const live = this.entries.filter((e) => e.iban === iban && e.status !== "cancelled");
    const sum = (keep: (e: SimEntry) => boolean) => live.filter(keep).reduce((total, e) => total + e.amountMinor, 0n);
    const expected = sum(() => true);
    return {
      closingBooked: sum((e) => e.status === "booked" && e.bookingDate! < today),
      interimBooked: sum((e) => e.status === "booked"),
      expected,
      available: expected + (this.accounts.get(iban)?.creditLimitMinor ?? 0n),
    };
  }

  /** Booked balance at the end of `date`. */
  bookedUntil(iban: string, date: string): bigint {
    return this.entries.filter((e) => e.iban === iban && e.status === "booked" && e.bookingDate! <= date).reduce((t, e) => t + e.amountMinor, 0n);
  }

  /** Executes a transfer once per MsgId; a repeat answers the first outcome. */
  pay(order: TransferOrder, receivedAt: string): SimPayment {
    const known = this.payments.get(order.messageId);
    if (known) return known;
    const payment: SimPayment = {
      messageId: order.messageId, paymentInfoId: order.paymentInfoId, instructionId: order.instructionId, endToEndId: order.endToEndId,
      amountMinor: order.amountMinor, currency: order.currency, status: "RJCT", reasonCode: null, reason: null, booking: null, receivedAt,
    };
    const rejected = (reasonCode: string, reason: string) => Object.assign(payment, { reasonCode, reason });
    const debtor = this.accounts.get(order.debtorIban);
    const today = this.today();
    if (!debtor) rejected("AC02", `No account ${order.debtorIban} at ${ISARBANK.name}.`);
    else if (debtor.status !== "enabled") rejected(debtor.status === "blocked" ? "AC06" : "AC04", `Account ${debtor.iban} is ${debtor.status}.`);
    else if (debtor.currency !== order.currency) rejected("AM03", `Account ${debtor.iban} holds ${debtor.currency}; the payment is in ${order.currency}.`);
    else if (!isValidIBAN(order.creditor.iban) || order.creditor.iban === debtor.iban) rejected("AC01", `Creditor account ${order.creditor.iban} cannot be paid from ${debtor.iban}.`);
    else if (this.funds(debtor.iban).available < order.amountMinor) {
      const available = formatAmount(this.funds(debtor.iban).available, debtor.currency);
      rejected("AM04", `Account ${debtor.iban} has ${available} ${debtor.currency} available; the payment needs ${formatAmount(order.amountMinor, order.currency)}.`);
    } else {
      const inside = this.accounts.get(order.creditor.iban);
      const legs: [string, bigint][] = [[debtor.iban, -order.amountMinor]];
      if (inside?.status === "enabled" && inside.currency === order.currency) legs.push([inside.iban, order.amountMinor]);
      const future = order.executionDate > today;
      payment.booking = this.post(legs, order.currency, future ? order.executionDate : today, today, {
        debtor: { name: debtor.ownerName, iban: debtor.iban }, creditor: order.creditor, remittance: order.remittance,
        code: order.bankTransactionCode, endToEndId: order.endToEndId, messageId: order.messageId,
      });
      payment.status = future ? "ACSP" : "ACSC";
    }
    this.payments.set(order.messageId, payment);
    return payment;
  }

  /** Cancels a scheduled (ACSP) payment; any other answers its status unchanged. */
  cancel(messageId: string): SimPayment | undefined {
    const payment = this.payments.get(messageId);
    if (payment?.status !== "ACSP") return payment;
    for (const e of this.entries) if (e.booking === payment.booking && e.status === "pending") e.status = "cancelled";
    payment.status = "CANC";
    return payment;
  }

  private post(
    legs: [string, bigint][],
    currency: string,
    date: string,
    today: string,
    d: { debtor: Counterparty; creditor: Counterparty; remittance: string | null; code: string; endToEndId: string | null; messageId: string | null },
  ): string {
    const booking = `B${pad(++this.bookings)}`;
    const pending = date > today;
    for (const [iban, amountMinor] of legs) {
      const seq = ++this.seq;
      this.entries.push({
        ref: `E${pad(seq)}`, booking, seq, iban, amountMinor, currency, status: pending ? "pending" : "booked",
        bookingDate: pending ? null : date, valueDate: date, bankTransactionCode: d.code, endToEndId: d.endToEndId,
        messageId: d.messageId, debtor: d.debtor, creditor: d.creditor, remittance: d.remittance,
      });
    }
    return booking;
  }
}
