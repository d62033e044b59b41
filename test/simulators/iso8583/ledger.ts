/**
 * @module The simulator's ledger: balances, holds for future-dated transfers, and every transfer by its
 * RRN, so that a repeated RRN is a duplicate (94) answered with the first outcome and never debited
 * twice. `postings` records every booking for tests to count.
 */
import { electronicFormatIBAN } from "ibantools";
import type { SimAccountSeed } from "./seed.js";

export interface SimAccount extends SimAccountSeed {
  balanceMinor: bigint;
}

/** B booked, S scheduled (funds held), D declined, R reversed. */
export type SimPaymentState = "B" | "S" | "D" | "R";

export interface SimPayment {
  rrn: string;
  paymentRef: string;
  debtor: string;
  creditorIban: string;
  amountMinor: bigint;
  state: SimPaymentState;
  /** The response code of the original transfer (00, 51, 14, …). */
  code: string;
  authCode: string | null;
  executionDate?: string;
  /** 17 customer cancellation, 68 no answer in time. */
  reversalReason?: string;
}

export interface TransferRequest {
  rrn: string;
  paymentRef: string;
  debtor: string;
  creditorIban: string;
  amountMinor: bigint;
  currency: string;
  executionDate?: string;
}

const today = () => new Date().toISOString().slice(0, 10);

export class SimLedger {
  readonly accounts: Map<string, SimAccount>;
  readonly payments = new Map<string, SimPayment>();
  readonly postings: { rrn: string; account: string; amountMinor: bigint }[] = [];
  private authSeq = 0;

  constructor(seed: readonly SimAccountSeed[]) {
    this.accounts = new Map(seed.map((a) => [a.number, { ...a, psuIds: [...a.psuIds] }]));
  }

  /** Ledger balance, and available = ledger − holds + credit limit. */
  balances(number: string): { ledger: bigint; available: bigint } | undefined {
    this.settleDue();
    const account = this.accounts.get(number);
    if (!account) return undefined;
    let held = 0n;
    for (const p of this.payments.values()) if (p.state === "S" && p.debtor === number) held += p.amountMinor;
    return { ledger: account.balanceMinor, available: account.balanceMinor - held + account.creditLimitMinor };
  }

  transfer(req: TransferRequest): { code: string; payment?: SimPayment } {
    this.settleDue();
    const earlier = this.payments.get(req.rrn);
    if (earlier) return earlier.paymentRef === req.paymentRef ? { code: "94", payment: earlier } : { code: "12" };
    const account = this.accounts.get(req.debtor);
    const decline = (code: string) => this.record({ ...req, state: "D", code, authCode: null });
    if (!account) return decline("14");
    if (account.status === "blocked") return decline("62");
    if (account.currency !== req.currency) return decline("12");
    if (req.amountMinor <= 0n) return decline("13");
    if (this.balances(req.debtor)!.available < req.amountMinor) return decline("51");
    const authCode = String(++this.authSeq).padStart(6, "0");
    if (req.executionDate && req.executionDate > today()) return this.record({ ...req, state: "S", code: "00", authCode });
    this.book(req.rrn, req.debtor, req.creditorIban, req.amountMinor);
    return this.record({ ...req, state: "B", code: "00", authCode });
  }

  /**
   * An advice (0420, reason 68) must be honoured: it undoes a booking or a hold, and leaves a tombstone
   * for an RRN never seen, so that a late original is a duplicate. A request (0400, reason 17) may be
   * refused (12): only a transfer not yet executed can be cancelled.
   */
  reverse(rrn: string, paymentRef: string, reason: string, advice: boolean): { code: string; payment?: SimPayment } {
    this.settleDue();
    const p = this.payments.get(rrn);
    if (!p) {
      if (advice) this.payments.set(rrn, { rrn, paymentRef, debtor: "", creditorIban: "", amountMinor: 0n, state: "R", code: "68", authCode: null, reversalReason: reason });
      return { code: "25" };
    }
    if (p.state === "R") return { code: advice || p.reversalReason === "17" ? "00" : "12", payment: p };
    if (p.state === "D") return { code: advice ? "00" : "12", payment: p };
    if (p.state === "B" && !advice) return { code: "12", payment: p };
    if (p.state === "B") this.book(rrn, p.debtor, p.creditorIban, -p.amountMinor);
    Object.assign(p, { state: "R", reversalReason: reason });
    return { code: "00", payment: p };
  }

  /** Books scheduled transfers whose date has come. */
  settleDue(): void {
    for (const p of this.payments.values()) {
      if (p.state !== "S" || !p.executionDate || p.executionDate > today()) continue;
      this.book(p.rrn, p.debtor, p.creditorIban, p.amountMinor);
      p.state = "B";
    }
  }

  /** What the payment with this RRN moved on one account, all postings summed (−amount if booked once). */
  netOf(rrn: string, account: string): bigint {
    return this.postings.filter((x) => x.rrn === rrn && x.account === account).reduce((sum, x) => sum + x.amountMinor, 0n);
  }

  private record(p: SimPayment): { code: string; payment: SimPayment } {
    this.payments.set(p.rrn, p);
    return { code: p.code, payment: p };
  }

  /** Moves money from the debtor to the creditor when the creditor banks here (else it leaves the bank). */
  private book(rrn: string, debtor: string, creditorIban: string, amountMinor: bigint): void {
    const from = this.accounts.get(debtor)!;
    from.balanceMinor -= amountMinor;
    this.postings.push({ rrn, account: debtor, amountMinor: -amountMinor });
    const iban = electronicFormatIBAN(creditorIban);
    const to = [...this.accounts.values()].find((a) => a.iban === iban);
    if (!to) return;
    to.balanceMinor += amountMinor;
    this.postings.push({ rrn, account: to.number, amountMinor });
  }
}
