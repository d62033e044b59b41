/** @module The options of an ISO 20022 bank (`bank.connector.options`), checked once at start with messages that name the bank and the option. */
import type { BankConfig } from "../registry.js";

export interface Iso20022Options {
  /** Base URL of the core's ISO 20022 HTTP API; every call goes to this origin and below this path. */
  baseUrl: URL;
  /** Whole-request deadline (connect, send, first byte, whole body), in milliseconds. */
  timeoutMs: number;
  /** Largest response body accepted, in bytes; a bigger one is refused unread. */
  maxResponseBytes: number;
  /** Requests in flight to the core at once (sockets and batch fan-out). */
  maxConcurrency: number;
  /** Account references per batched request, so that a query string stays short. */
  batchSize: number;
  /** `InitgPty/Nm` of every pain.001. */
  initiatingPartyName: string;
  /** `DbtrAgt/FinInstnId/BICFI` of every pain.001: the bank's BIC. */
  bic: string;
}

const DEFAULTS = { timeoutMs: 5_000, maxResponseBytes: 4 * 1024 * 1024, maxConcurrency: 4, batchSize: 50, initiatingPartyName: "Open Banking Hub" };
const BIC = /^[A-Z0-9]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?$/;

export function parseIso20022Options(bank: BankConfig): Iso20022Options {
  const options = bank.connector.options ?? {};
  const fail = (option: string, expected: string, got: unknown): never => {
    throw new Error(`ISO 20022 bank "${bank.id}" needs connector.options.${option}, ${expected}; got ${JSON.stringify(got)}.`);
  };
  const known = new Set(["baseUrl", "timeoutMs", "maxResponseBytes", "maxConcurrency", "batchSize", "initiatingPartyName"]);
  for (const key of Object.keys(options)) {
    if (!known.has(key)) throw new Error(`ISO 20022 bank "${bank.id}" has an unknown option connector.options.${key}; known: ${[...known].join(", ")}.`);
  }

  const raw = options.baseUrl;
  let baseUrl: URL | undefined;
  try {
    baseUrl = typeof raw === "string" ? new URL(raw) : undefined;
  } catch {
    baseUrl = undefined;
  }
  if (!baseUrl || !["http:", "https:"].includes(baseUrl.protocol) || baseUrl.username || baseUrl.password || baseUrl.search || baseUrl.hash) {
    fail("baseUrl", 'the http(s) URL of the core\'s ISO 20022 API without credentials, query or fragment, such as "https://core.example:8443/iso20022/"', raw);
  }
  if (!baseUrl!.pathname.endsWith("/")) baseUrl!.pathname += "/";

  const integer = (option: keyof typeof DEFAULTS, min: number, max: number): number => {
    const value = options[option] ?? DEFAULTS[option];
    if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) fail(option, `an integer from ${min} to ${max}`, value);
    return value as number;
  };
  const initiatingPartyName = options.initiatingPartyName ?? DEFAULTS.initiatingPartyName;
  if (typeof initiatingPartyName !== "string" || initiatingPartyName.length < 1 || initiatingPartyName.length > 140) {
    fail("initiatingPartyName", "a name of 1 to 140 characters", initiatingPartyName);
  }
  if (!BIC.test(bank.bic)) throw new Error(`ISO 20022 bank "${bank.id}" needs a BIC such as "ISOBDEF1XXX" (it goes into every pain.001); got ${JSON.stringify(bank.bic)}.`);

  return {
    baseUrl: baseUrl!,
    timeoutMs: integer("timeoutMs", 1, 300_000),
    maxResponseBytes: integer("maxResponseBytes", 1_024, 256 * 1024 * 1024),
    maxConcurrency: integer("maxConcurrency", 1, 64),
    batchSize: integer("batchSize", 1, 500),
    initiatingPartyName: initiatingPartyName as string,
    bic: bank.bic,
  };
}
