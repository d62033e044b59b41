/**
 * @module A bank's ISO 8583 options, validated at start with messages that name the bank and the option.
 * ISO 8583 switches neither list accounts nor say who owns them, so the account directory is part of
 * the configuration; the switch is asked only for balances and money movements.
 *
 * @example
 *   connector: { kind: "iso8583", options: { host: "10.0.0.5", port: 5000, encoding: "bcd", accounts: [
 *     { number: "0000858301", iban: "DE…", currency: "EUR", name: "Girokonto", product: "Girokonto",
 *       ownerName: "Max Mustermann", psuIds: ["max.musterman"] } ] } }
 */
import { electronicFormatIBAN, isValidIBAN } from "ibantools";
import type { AccountStatus, CoreAccount } from "../contract.js";
import type { BankConfig } from "../registry.js";
import { isVariantName, VARIANTS, type Variant } from "./codec/encoding.js";
import { CURRENCY_NUMERIC } from "./mapper.js";

export interface Iso8583Config {
  host: string;
  port: number;
  variant: Variant;
  /** Deadline of one request/response exchange. */
  timeoutMs: number;
  connectTimeoutMs: number;
  /** Echo test (0800, code 301) on an idle connection every so often; 0 turns it off. */
  echoIntervalMs: number;
  maxInFlight: number;
  reconnect: { initialDelayMs: number; maxDelayMs: number };
  /** Field 32 (n..11), 41 (ans8) and 42 (ans15) of every request. */
  acquirerId: string;
  terminalId: string;
  acceptorId: string;
  /** An echo slower than this makes health "degraded". */
  degradedAfterMs: number;
  accounts: CoreAccount[];
}

type Options = Record<string, unknown>;

class OptionError extends Error {
  constructor(bankId: string, option: string, expected: string, got: unknown) {
    super(`ISO 8583 bank "${bankId}": connector.options.${option} must be ${expected}; got ${JSON.stringify(got)}.`);
    this.name = "Iso8583ConfigError";
  }
}

function reader(bankId: string, options: Options, prefix = "") {
  const fail = (option: string, expected: string, got: unknown): never => {
    throw new OptionError(bankId, prefix + option, expected, got);
  };
  const integer = (option: string, fallback: number, min: number, max: number): number => {
    const value = options[option] ?? fallback;
    return Number.isInteger(value) && (value as number) >= min && (value as number) <= max ? (value as number) : fail(option, `an integer from ${min} to ${max}`, options[option]);
  };
  const text = (option: string, pattern: RegExp, expected: string, fallback?: string): string => {
    const value = options[option] ?? fallback;
    return typeof value === "string" && pattern.test(value) ? value : fail(option, expected, value);
  };
  return { fail, integer, text };
}

const STATUSES: readonly AccountStatus[] = ["enabled", "blocked", "deleted"];

function account(bankId: string, raw: unknown, i: number): CoreAccount {
  if (typeof raw !== "object" || raw === null) throw new OptionError(bankId, `accounts[${i}]`, "an object", raw);
  const { fail, text: field } = reader(bankId, raw as Options, `accounts[${i}].`);
  const number = field("number", /^[A-Za-z0-9]{1,28}$/, "the switch's account number (field 102: 1 to 28 letters or digits)");
  const iban = electronicFormatIBAN(field("iban", /\S/, "a valid IBAN")) ?? "";
  if (!isValidIBAN(iban)) fail("iban", "a valid IBAN", (raw as Options).iban);
  const currency = field("currency", /^[A-Z]{3}$/, "a currency code");
  if (!CURRENCY_NUMERIC[currency]) fail("currency", `one of ${Object.keys(CURRENCY_NUMERIC).join(", ")}`, currency);
  const status = field("status", /./, STATUSES.join(" | "), "enabled") as AccountStatus;
  if (!STATUSES.includes(status)) fail("status", STATUSES.join(" | "), status);
  const psuIds = (raw as Options).psuIds;
  if (!Array.isArray(psuIds) || !psuIds.every((p) => typeof p === "string" && p.length > 0)) fail("psuIds", "a list of PSU ids (logins)", psuIds);
  return {
    ref: number,
    iban,
    currency,
    name: field("name", /\S/, "the account's name"),
    product: field("product", /\S/, "the product name"),
    cashAccountType: field("cashAccountType", /^[A-Z]{4}$/, "an ISO 20022 cash account type such as CACC or SVGS", "CACC"),
    status,
    ownerName: field("ownerName", /\S/, "the holder's name"),
    psuIds: [...(psuIds as string[])],
  };
}

export function parseIso8583Config(bank: BankConfig): Iso8583Config {
  const options = (bank.connector.options ?? {}) as Options;
  const { fail, integer, text } = reader(bank.id, options);
  const encoding = options.encoding ?? "ascii";
  if (!isVariantName(encoding)) fail("encoding", Object.keys(VARIANTS).join(" | "), encoding);
  const reconnect = (options.reconnect ?? {}) as Options;
  const backoff = reader(bank.id, reconnect, "reconnect.");
  const rawAccounts = options.accounts;
  if (!Array.isArray(rawAccounts) || rawAccounts.length === 0) fail("accounts", "a non-empty list of accounts (the switch cannot list them)", rawAccounts);
  const accounts = (rawAccounts as unknown[]).map((raw, i) => account(bank.id, raw, i));
  for (const key of ["ref", "iban"] as const) {
    const seen = new Set<string>();
    for (const a of accounts) {
      if (seen.has(a[key])) fail("accounts", `free of repeated ${key === "ref" ? "account numbers" : "IBANs"}`, a[key]);
      seen.add(a[key]);
    }
  }
  const initialDelayMs = backoff.integer("initialDelayMs", 200, 1, 60_000);
  return {
    host: text("host", /^[A-Za-z0-9.\-:]+$/, "the switch's host name or IP address"),
    port: integer("port", Number.NaN, 1, 65_535),
    variant: VARIANTS[encoding as keyof typeof VARIANTS],
    timeoutMs: integer("timeoutMs", 5_000, 1, 120_000),
    connectTimeoutMs: integer("connectTimeoutMs", 3_000, 1, 60_000),
    echoIntervalMs: integer("echoIntervalMs", 30_000, 0, 3_600_000),
    maxInFlight: integer("maxInFlight", 16, 1, 999),
    reconnect: { initialDelayMs, maxDelayMs: backoff.integer("maxDelayMs", Math.max(10_000, initialDelayMs), initialDelayMs, 600_000) },
    acquirerId: text("acquirerId", /^\d{1,11}$/, "1 to 11 digits (field 32)", "000000"),
    terminalId: text("terminalId", /^[\x20-\x7E]{8}$/, "8 printable characters (field 41)", "OBHUB001"),
    acceptorId: text("acceptorId", /^[\x20-\x7E]{15}$/, "15 printable characters (field 42)", "OPENBANKINGHUB "),
    degradedAfterMs: integer("degradedAfterMs", 1_000, 1, 120_000),
    accounts,
  };
}
