/**
 * @module Contract ↔ ISO 8583 values: currencies (ISO 4217 numeric), account types in processing codes,
 * field 54 additional amounts, the private field 48 (tag, 3-digit length, value), the RRN of a payment,
 * response codes and the payment outcomes they stand for. See protocol.md for the message layouts.
 */
import { createHash } from "node:crypto";
import type { CoreBalance, PaymentExecution } from "../contract.js";
import { ok, reject, type RejectionCode, type Result } from "../result.js";

/** ISO 4217 numeric codes (field 49) of the currencies the hub supports. */
export const CURRENCY_NUMERIC: Readonly<Record<string, string>> = {
  EUR: "978", USD: "840", GBP: "826", CHF: "756", SEK: "752", NOK: "578", DKK: "208", PLN: "985", CZK: "203", HUF: "348", JPY: "392",
};
const CURRENCY_ALPHA = new Map(Object.entries(CURRENCY_NUMERIC).map(([alpha, numeric]) => [numeric, alpha]));

/** Account type digits of a processing code: 10 savings, 20 cheque/current, 30 credit, 00 unspecified. */
export function accountTypeOf(cashAccountType: string): string {
  return { SVGS: "10", CACC: "20", CARD: "30" }[cashAccountType] ?? "00";
}

/** Response codes (field 39) the connector knows, with what they mean. */
export const RESPONSE_CODES: Readonly<Record<string, string>> = {
  "00": "approved",
  "12": "invalid transaction",
  "13": "invalid amount",
  "14": "invalid account number",
  "17": "customer cancellation",
  "25": "unable to locate the original transaction",
  "30": "format error",
  "51": "insufficient funds",
  "57": "transaction not permitted",
  "62": "restricted account",
  "68": "response received too late",
  "91": "issuer or switch inoperative",
  "94": "duplicate transmission",
  "96": "system malfunction",
};

export const describeCode = (code: string) => `${code} (${RESPONSE_CODES[code] ?? "unknown response code"})`;

/** 91 and 96 say the switch could not process anything: a transport failure, not an answer. */
export const isUnavailable = (code: string) => code === "91" || code === "96";

export function rejectionOf(code: string): RejectionCode {
  return ({ "51": "INSUFFICIENT_FUNDS", "14": "ACCOUNT_NOT_FOUND", "62": "ACCOUNT_BLOCKED" } as const)[code] ?? "REJECTED_BY_CORE";
}

/** A payment's RRN (field 37): 12 base-36 characters of SHA-256(paymentRef), the same on every retry. */
export function rrnOf(paymentRef: string): string {
  const digest = BigInt(`0x${createHash("sha256").update(paymentRef).digest("hex").slice(0, 16)}`);
  return digest.toString(36).toUpperCase().padStart(12, "0").slice(-12);
}

/** Field 7 (MMDDhhmmss, UTC), 12 (hhmmss) and 13 (MMDD) for a moment. */
export function timestamps(now: Date): { 7: string; 12: string; 13: string } {
  const [date, time] = now.toISOString().split("T") as [string, string];
  const mmdd = date.slice(5, 7) + date.slice(8, 10);
  const hhmmss = time.slice(0, 8).replaceAll(":", "");
  return { 7: mmdd + hhmmss, 12: hhmmss, 13: mmdd };
}

/** Text for an ASCII-only field: accents dropped ("Müller" → "Muller"), anything else unprintable → "?". */
export function toAscii(text: string, max: number): string {
  return text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").replace(/[^\x20-\x7E]/g, "?").slice(0, max);
}

/** Field 48 as tag (2 characters), length (3 digits), value, repeated. */
export function encodePrivate(tags: Record<string, string | undefined>): string {
  return Object.entries(tags)
    .filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== "")
    .map(([tag, value]) => `${tag}${String(value.length).padStart(3, "0")}${value}`)
    .join("");
}

export function decodePrivate(data: string | undefined): Map<string, string> | null {
  const tags = new Map<string, string>();
  for (let at = 0; data && at < data.length; ) {
    const match = /^([A-Z0-9]{2})(\d{3})/.exec(data.slice(at, at + 5));
    const length = Number(match?.[2]);
    if (!match || at + 5 + length > data.length) return null;
    tags.set(match[1]!, data.slice(at + 5, at + 5 + length));
    at += 5 + length;
  }
  return tags;
}

export interface AdditionalAmount {
  accountType: string;
  /** 01 ledger (current) balance, 02 available balance, … */
  amountType: string;
  currency: string | null;
  amountMinor: bigint;
}

/** Field 54: blocks of account type (2), amount type (2), currency (3), C/D, amount (12). Null if malformed. */
export function parseAdditionalAmounts(data: string): AdditionalAmount[] | null {
  if (data.length % 20 !== 0) return null;
  const amounts: AdditionalAmount[] = [];
  for (let at = 0; at < data.length; at += 20) {
    const block = /^(\d{2})(\d{2})(\d{3})([CD])(\d{12})$/.exec(data.slice(at, at + 20));
    if (!block) return null;
    const magnitude = BigInt(block[5]!);
    amounts.push({ accountType: block[1]!, amountType: block[2]!, currency: CURRENCY_ALPHA.get(block[3]!) ?? null, amountMinor: block[4] === "D" ? -magnitude : magnitude });
  }
  return amounts;
}

export function formatAdditionalAmount(a: Omit<AdditionalAmount, "currency"> & { currency: string }): string {
  const sign = a.amountMinor < 0n ? "D" : "C";
  const magnitude = a.amountMinor < 0n ? -a.amountMinor : a.amountMinor;
  return `${a.accountType}${a.amountType}${CURRENCY_NUMERIC[a.currency]}${sign}${magnitude.toString().padStart(12, "0")}`;
}

/** The ledger (01) and available (02) balances of field 54 as the contract's interimBooked / interimAvailable. */
export function balancesOf(amounts: AdditionalAmount[], currency: string, today: string): CoreBalance[] | string {
  const wanted = amounts.filter((a) => a.amountType === "01" || a.amountType === "02");
  if (wanted.length === 0) return "field 54 holds neither a ledger (01) nor an available (02) balance";
  const foreign = wanted.find((a) => a.currency !== currency);
  if (foreign) return `field 54 reports a balance in ${foreign.currency ?? "an unknown currency"}, the account holds ${currency}`;
  return wanted.map((a) => ({
    type: a.amountType === "01" ? "interimBooked" : "interimAvailable",
    amountMinor: a.amountMinor,
    currency,
    referenceDate: today,
    creditLimitIncluded: a.amountType === "02",
  }));
}

/** What the switch says of a payment: field 48 tags ST (state), OC (original response code), RR (reversal reason). */
export interface PaymentState {
  state: "B" | "S" | "D" | "R";
  originalCode: string;
  reversalReason?: string;
  authCode: string | null;
}

/** The outcome of a transfer as executePayment reports it: rejections are Result errors. */
export function executionOf(p: PaymentState): Result<PaymentExecution> {
  if (p.state === "B") return ok({ status: "ACSC", coreRef: p.authCode });
  if (p.state === "S") return ok({ status: "ACSP", coreRef: p.authCode });
  if (p.state === "R" && p.reversalReason === "17") return ok({ status: "CANC", coreRef: p.authCode });
  if (p.state === "R") return reject("REJECTED_BY_CORE", "The switch did not answer in time, so the transfer was reversed (0420); nothing was debited.");
  return reject(rejectionOf(p.originalCode), `The switch declined the transfer: ${describeCode(p.originalCode)}.`);
}

/** The same outcome as paymentStatus reports it: a rejected payment is a status (RJCT), not an error. */
export function statusOf(p: PaymentState): PaymentExecution {
  const execution = executionOf(p);
  if (execution.ok) return execution.value;
  return { status: "RJCT", coreRef: p.authCode, reason: p.state === "R" ? "REVERSED_AFTER_TIMEOUT" : execution.error.code };
}
