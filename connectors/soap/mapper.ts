/**
 * @module The service's XML (as the soap client parses it) ↔ contract types. Every value is checked;
 * a missing element, a wrong type or an unknown code throws a MappingError naming the element.
 */
import type { AccountStatus, BalanceType, CoreAccount, CoreBalance, CorePaymentStatus, CoreTransaction, PaymentExecution, PaymentProduct } from "../contract.js";
import type { RejectionCode } from "../result.js";
import { CURRENCY_EXPONENTS, formatAmount } from "../../subgraphs/shared/money.js";

export class MappingError extends Error {
  override name = "MappingError";
}

type Node = Record<string, unknown>;

const ACCOUNT_KINDS: Record<string, string> = { CURRENT: "CACC", SAVINGS: "SVGS", CARD: "CARD", LOAN: "LOAN" };
const ACCOUNT_STATUSES: Record<string, AccountStatus> = { ACTIVE: "enabled", BLOCKED: "blocked", CLOSED: "deleted" };
const BALANCE_TYPES: Record<string, BalanceType> = { CLBD: "closingBooked", ITBD: "interimBooked", XPCD: "expected", ITAV: "interimAvailable", OPBD: "openingBooked" };
const ENTRY_STATUSES: Record<string, "booked" | "pending"> = { BOOK: "booked", PDNG: "pending" };
const TRANSFER_STATUSES: Record<string, CorePaymentStatus> = { EXECUTED: "ACSC", SCHEDULED: "ACSP", REJECTED: "RJCT", CANCELLED: "CANC" };

export const SCHEMES: Record<PaymentProduct, string> = {
  "sepa-credit-transfers": "SEPA",
  "instant-sepa-credit-transfers": "SEPA_INST",
  "target-2-payments": "TARGET2",
  "cross-border-credit-transfers": "CROSS_BORDER",
};

/** The core's business codes (BusinessFault/Code, Transfer/ReasonCode) as the hub's rejection codes. */
export const BUSINESS_CODES: Record<string, RejectionCode> = {
  INSUFFICIENT_FUNDS: "INSUFFICIENT_FUNDS",
  ACCOUNT_NOT_FOUND: "ACCOUNT_NOT_FOUND",
  ACCOUNT_BLOCKED: "ACCOUNT_BLOCKED",
  CURRENCY_MISMATCH: "CURRENCY_MISMATCH",
  TRANSFER_NOT_FOUND: "PAYMENT_NOT_FOUND",
  NOT_CANCELLABLE: "CANCELLATION_NOT_ALLOWED",
  INVALID_REQUEST: "REJECTED_BY_CORE",
};

/** A repeated element as a list, whether the client saw none, one or many. */
export function many(value: unknown): unknown[] {
  if (value === undefined || value === null || value === "") return [];
  return Array.isArray(value) ? value : [value];
}

function node(value: unknown, where: string): Node {
  if (value === null || typeof value !== "object" || Array.isArray(value)) throw new MappingError(`${where} is not an element with children`);
  return value as Node;
}

function text(n: Node, name: string, where: string): string {
  const value = Object.hasOwn(n, name) ? n[name] : undefined;
  if (typeof value !== "string" || value === "") throw new MappingError(`${where}/${name} is ${value === undefined ? "missing" : "not text"}`);
  return value;
}

const optional = (n: Node, name: string, where: string): string | null => (n[name] === undefined || n[name] === null ? null : text(n, name, where));

function code<T>(n: Node, name: string, where: string, codes: Record<string, T>): T {
  const value = text(n, name, where);
  if (!Object.hasOwn(codes, value)) throw new MappingError(`${where}/${name} is "${value.slice(0, 40)}"; expected one of ${Object.keys(codes).join(", ")}`);
  return codes[value]!;
}

function date(n: Node, name: string, where: string): string {
  const value = text(n, name, where);
  if (!/^\d{4}-\d{2}-\d{2}/.test(value)) throw new MappingError(`${where}/${name} is not a date such as 2026-11-22`);
  return value.slice(0, 10);
}

function currency(n: Node, where: string): string {
  const value = text(n, "Currency", where);
  if (!/^[A-Z]{3}$/.test(value)) throw new MappingError(`${where}/Currency is not an ISO 4217 code`);
  return value;
}

/** "-12.30" in `currency` → -1230n; no floats on the way. */
export function amount(n: Node, where: string, ccy: string): bigint {
  const value = text(n, "Amount", where);
  const exponent = CURRENCY_EXPONENTS[ccy] ?? 2;
  const match = /^([-+]?)(\d{1,18})(?:\.(\d+))?$/.exec(value);
  const fraction = (match?.[3] ?? "").replace(/0+$/, "");
  if (!match || fraction.length > exponent) throw new MappingError(`${where}/Amount "${value.slice(0, 30)}" is not a decimal with at most ${exponent} decimals`);
  const minor = BigInt(match[2]!) * 10n ** BigInt(exponent) + BigInt(fraction.padEnd(exponent, "0") || "0");
  return match[1] === "-" ? -minor : minor;
}

export const toDecimal = (minor: bigint, ccy: string): string => formatAmount(minor, ccy);

export function toAccount(raw: unknown, where: string): CoreAccount {
  const n = node(raw, where);
  const holders = n.Holders === undefined || n.Holders === "" ? [] : many(node(n.Holders, `${where}/Holders`).Login);
  if (!holders.every((h) => typeof h === "string")) throw new MappingError(`${where}/Holders/Login is not text`);
  return {
    ref: text(n, "AccountId", where),
    iban: text(n, "Iban", where),
    currency: currency(n, where),
    name: text(n, "Name", where),
    product: text(n, "Product", where),
    cashAccountType: code(n, "Kind", where, ACCOUNT_KINDS),
    status: code(n, "Status", where, ACCOUNT_STATUSES),
    ownerName: text(n, "OwnerName", where),
    psuIds: holders as string[],
  };
}

export function toBalance(raw: unknown, where: string): CoreBalance {
  const n = node(raw, where);
  const ccy = currency(n, where);
  const included = n.CreditLimitIncluded;
  if (typeof included !== "boolean") throw new MappingError(`${where}/CreditLimitIncluded is not true or false`);
  return { type: code(n, "Type", where, BALANCE_TYPES), amountMinor: amount(n, where, ccy), currency: ccy, referenceDate: date(n, "ReferenceDate", where), creditLimitIncluded: included };
}

export function toTransaction(raw: unknown, where: string): CoreTransaction {
  const n = node(raw, where);
  const ccy = currency(n, where);
  return {
    ref: text(n, "TransactionId", where),
    accountRef: text(n, "AccountId", where),
    status: code(n, "Status", where, ENTRY_STATUSES),
    amountMinor: amount(n, where, ccy),
    currency: ccy,
    bookingDate: n.BookingDate === undefined ? null : date(n, "BookingDate", where),
    valueDate: n.ValueDate === undefined ? null : date(n, "ValueDate", where),
    creditorName: optional(n, "CreditorName", where),
    creditorIban: optional(n, "CreditorIban", where),
    debtorName: optional(n, "DebtorName", where),
    debtorIban: optional(n, "DebtorIban", where),
    remittanceInformation: optional(n, "RemittanceInformation", where),
    endToEndId: optional(n, "EndToEndId", where),
    bankTransactionCode: optional(n, "BankTransactionCode", where),
    cursor: text(n, "Position", where),
  };
}

/** A Transfer; a rejected one carries its reason as the hub's rejection code where the core's code is known. */
export function toExecution(raw: unknown, where: string): PaymentExecution {
  const n = node(raw, where);
  const status = code(n, "Status", where, TRANSFER_STATUSES);
  const coreRef = optional(n, "LedgerReference", where);
  const reasonCode = optional(n, "ReasonCode", where);
  if (reasonCode === null) return { status, coreRef };
  return { status, coreRef, reason: BUSINESS_CODES[reasonCode] ?? reasonCode };
}
