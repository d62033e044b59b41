/**
 * @module A core's JSON record → a contract type, field by field as the bank's mapping says, with
 * every value type-checked: a wrong type or an unknown code throws an error naming the field.
 */
import type { CoreAccount, CoreBalance, CoreTransaction, PaymentExecution } from "../contract.js";
import { CURRENCY_EXPONENTS } from "../../subgraphs/shared/money.js";
import { describe, readPath, type ParsedPath } from "./paths.js";

export type AmountFormat = "decimal" | "minor";

type Kind = "string" | "currency" | "date" | "amount" | "boolean" | "strings" | readonly string[];

export interface FieldDef {
  kind: Kind;
  optional?: boolean;
}

export interface ResolvedField {
  path?: ParsedPath;
  value?: unknown;
  map?: Readonly<Record<string, string>>;
  amount?: AmountFormat;
}

export type ResolvedRecord = Readonly<Record<string, ResolvedField>>;

const text: FieldDef = { kind: "string" };
const maybe: FieldDef = { kind: "string", optional: true };

/** The contract fields of each record, in mapping order (a record's currency before its amount). */
export const RECORD_FIELDS = {
  account: {
    ref: text, iban: text, currency: { kind: "currency" }, name: text, product: text, cashAccountType: text,
    status: { kind: ["enabled", "deleted", "blocked"] }, ownerName: text, psuIds: { kind: "strings" },
  },
  balance: {
    type: { kind: ["closingBooked", "expected", "interimAvailable", "interimBooked", "openingBooked"] },
    currency: { kind: "currency" }, amountMinor: { kind: "amount" }, referenceDate: { kind: "date" }, creditLimitIncluded: { kind: "boolean" },
  },
  transaction: {
    ref: text, accountRef: text, status: { kind: ["booked", "pending"] }, currency: { kind: "currency" }, amountMinor: { kind: "amount" },
    bookingDate: { kind: "date", optional: true }, valueDate: { kind: "date", optional: true },
    creditorName: maybe, creditorIban: maybe, debtorName: maybe, debtorIban: maybe,
    remittanceInformation: maybe, endToEndId: maybe, bankTransactionCode: maybe, cursor: maybe,
  },
  payment: { status: { kind: ["ACTC", "ACSP", "ACSC", "PDNG", "RJCT", "CANC"] }, coreRef: maybe, reason: maybe },
  funds: { fundsAvailable: { kind: "boolean" } },
} satisfies Record<string, Record<string, FieldDef>>;

export type RecordName = keyof typeof RECORD_FIELDS;

/** Thrown for a record that does not fit the mapping; the connector adds bank and operation. */
export class MappingError extends Error {
  override name = "MappingError";
}

/** "-12.34" in a currency with `exponent` decimals → -1234n; undefined when it is no such decimal. */
export function decimalToMinor(value: string, exponent: number): bigint | undefined {
  const match = /^(-?)(\d{1,18})(?:\.(\d+))?$/.exec(value);
  if (!match || (match[3] ?? "").length > exponent) return undefined;
  const minor = BigInt(match[2]!) * 10n ** BigInt(exponent) + BigInt((match[3] ?? "").padEnd(exponent, "0") || "0");
  return match[1] ? -minor : minor;
}

function convert(name: string, def: FieldDef, field: ResolvedField, raw: unknown, currency: unknown, defaultAmount: AmountFormat): unknown {
  const where = `field "${name}"${field.path ? ` (path "${field.path.source}")` : ""}`;
  const wrong = (expected: string) => new MappingError(`${where} is ${describe(raw)}; expected ${expected}`);
  if (raw === undefined || raw === null) {
    if (def.optional) return null;
    throw new MappingError(`${where} is missing`);
  }
  let value = raw;
  if (field.map) {
    if (typeof raw !== "string" && typeof raw !== "number" && typeof raw !== "boolean") throw wrong("a code");
    const key = String(raw);
    if (!Object.hasOwn(field.map, key)) throw new MappingError(`${where} has the code "${key.slice(0, 40)}", which the mapping's "map" does not list`);
    value = field.map[key];
  }
  const kind = def.kind;
  if (Array.isArray(kind)) {
    if (typeof value !== "string" || !kind.includes(value)) throw new MappingError(`${where} is "${String(value).slice(0, 40)}"; expected one of ${kind.join(", ")}`);
    return value;
  }
  switch (kind) {
    case "string":
      if (typeof value !== "string") throw wrong("a string");
      return value;
    case "currency":
      if (typeof value !== "string" || !/^[A-Z]{3}$/.test(value)) throw wrong("an ISO 4217 code such as EUR");
      return value;
    case "date":
      if (typeof value !== "string" || !/^\d{4}-\d{2}-\d{2}(T|$)/.test(value)) throw wrong('a date such as "2026-11-22"');
      return value.slice(0, 10);
    case "boolean":
      if (typeof value !== "boolean") throw wrong("true or false");
      return value;
    case "strings":
      if (!Array.isArray(value)) throw wrong("a list of strings");
      for (const item of value) if (typeof item !== "string") throw new MappingError(`${where} holds ${describe(item)}; expected a list of strings`);
      return value;
    case "amount": {
      if ((field.amount ?? defaultAmount) === "minor") {
        if (typeof value !== "number" || !Number.isSafeInteger(value)) throw wrong("an integer of minor units");
        return BigInt(value);
      }
      const exponent = CURRENCY_EXPONENTS[String(currency)] ?? 2;
      const minor = typeof value === "string" ? decimalToMinor(value, exponent) : undefined;
      if (minor === undefined) throw wrong(`a decimal string with at most ${exponent} decimals, such as "-12.30"`);
      return minor;
    }
  }
}

/** Maps one record; an optional field the mapping leaves out is null. */
export function mapRecord(name: RecordName, mapping: ResolvedRecord, raw: unknown, defaultAmount: AmountFormat): Record<string, unknown> {
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) throw new MappingError(`the ${name} record is ${describe(raw)}; expected an object`);
  const out: Record<string, unknown> = {};
  for (const [field, def] of Object.entries(RECORD_FIELDS[name]) as [string, FieldDef][]) {
    const spec = mapping[field];
    if (!spec) {
      out[field] = null;
      continue;
    }
    const value = spec.path ? readPath(raw, spec.path) : spec.value;
    out[field] = convert(field, def, spec, value, out.currency, defaultAmount);
  }
  return out;
}

export const toAccount = (m: ResolvedRecord, raw: unknown, a: AmountFormat) => mapRecord("account", m, raw, a) as unknown as CoreAccount;
export const toBalance = (m: ResolvedRecord, raw: unknown, a: AmountFormat) => mapRecord("balance", m, raw, a) as unknown as CoreBalance;
export const toPayment = (m: ResolvedRecord, raw: unknown, a: AmountFormat) => mapRecord("payment", m, raw, a) as unknown as PaymentExecution & { reason: string | null };
export const toFunds = (m: ResolvedRecord, raw: unknown, a: AmountFormat) => mapRecord("funds", m, raw, a) as { fundsAvailable: boolean };

export function toTransaction(m: ResolvedRecord, raw: unknown, a: AmountFormat): CoreTransaction {
  const t = mapRecord("transaction", m, raw, a) as unknown as CoreTransaction & { cursor: string | null };
  return { ...t, cursor: t.cursor ?? t.ref };
}
