/**
 * @module The options of a bank whose core has a JSON API (connector kind "rest"), validated at
 * start with messages naming the bank, the option and, for mappings, the operation and field.
 * The auth header's value comes from an environment variable named in the options; it is kept
 * in a closure, so it appears in no message, log line or JSON of the config.
 *
 * @example
 *   { "kind": "rest", "options": {
 *       "baseUrl": "https://core.example/api/v2",
 *       "auth": { "header": "X-Api-Key", "valueEnv": "MUSTER_CORE_API_KEY" },
 *       "records": { "account": { "ref": "accountId", "iban": "accountNumber.iban", … } },
 *       "operations": { "accountsOfPsu": { "method": "GET", "path": "/customers/{psuId}/accounts", "list": "data.accounts[]" }, … } } }
 */
import type { BookingStatus, PaymentProduct } from "../contract.js";
import type { RejectionCode } from "../result.js";
import { OPERATION_DEFS, resolveOperation, resolveRecord, type Fail, type ResolvedOperation } from "./config-mapping.js";
import { RECORD_FIELDS, type AmountFormat, type RecordName, type ResolvedRecord } from "./mapper.js";
import { parsePath, type ParsedPath } from "./paths.js";

export type RestOperationName = keyof typeof OPERATION_DEFS;

export interface RestConfig {
  bankId: string;
  baseUrl: URL;
  /** Reads the auth header on each call; undefined when the core needs none. */
  auth?: { header: string; env: string; value: () => string };
  timeoutMs: number;
  maxResponseBytes: number;
  concurrency: number;
  idempotencyHeader: string;
  requestIdHeader: string;
  amounts: AmountFormat;
  values: { bookingStatus?: Readonly<Record<BookingStatus, string>>; product?: Readonly<Partial<Record<PaymentProduct, string>>> };
  errors?: { code: ParsedPath; message?: ParsedPath; codes: Readonly<Record<string, RejectionCode>> };
  records: Partial<Record<RecordName, ResolvedRecord>>;
  operations: Partial<Record<RestOperationName, ResolvedOperation>>;
}

const REJECTION_CODES: RejectionCode[] = [
  "INSUFFICIENT_FUNDS", "ACCOUNT_NOT_FOUND", "ACCOUNT_BLOCKED", "CURRENCY_MISMATCH", "PAYMENT_NOT_FOUND", "CANCELLATION_NOT_ALLOWED", "NOT_SUPPORTED", "REJECTED_BY_CORE",
];
const HEADER_NAME = /^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/;
const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === "object" && !Array.isArray(value);

export class RestConfigError extends Error {
  override name = "RestConfigError";
}

function integer(fail: Fail, name: string, value: unknown, fallback: number, min: number, max: number): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || (value as number) < min || (value as number) > max) fail(name, `expected an integer from ${min} to ${max}, got ${JSON.stringify(value)}`);
  return value as number;
}

function header(fail: Fail, name: string, value: unknown, fallback: string): string {
  if (value === undefined) return fallback;
  if (typeof value !== "string" || !HEADER_NAME.test(value)) fail(name, `expected an HTTP header name, got ${JSON.stringify(value)}`);
  return value;
}

function baseUrl(fail: Fail, value: unknown): URL {
  let url: URL | undefined;
  try {
    url = new URL(String(value));
  } catch {
    fail("baseUrl", `expected the core API's base URL such as "https://core.example/api/v2", got ${JSON.stringify(value)}`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") fail("baseUrl", `expected an http: or https: URL, got ${url.protocol}`);
  if (url.username || url.password) fail("baseUrl", `must not carry credentials; use "auth" with an environment variable`);
  if (url.search || url.hash) fail("baseUrl", `must not have a query or fragment`);
  return url;
}

function auth(fail: Fail, raw: unknown, env: NodeJS.ProcessEnv): RestConfig["auth"] {
  if (raw === undefined) return undefined;
  if (!isObject(raw)) fail("auth", `expected { "header": "X-Api-Key", "valueEnv": "NAME_OF_ENV_VAR", "prefix"?: "Bearer " }`);
  const name = header(fail, "auth.header", raw.header, "");
  if (!name) fail("auth.header", `is required`);
  if (typeof raw.valueEnv !== "string" || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(raw.valueEnv)) fail("auth.valueEnv", `expected the name of an environment variable`);
  if (raw.prefix !== undefined && typeof raw.prefix !== "string") fail("auth.prefix", `expected a string such as "Bearer "`);
  const secret = env[raw.valueEnv];
  if (!secret) fail("auth.valueEnv", `environment variable ${raw.valueEnv} is not set (or empty)`);
  if (/[\r\n]/.test(secret)) fail("auth.valueEnv", `environment variable ${raw.valueEnv} holds a line break`);
  const value = `${(raw.prefix as string | undefined) ?? ""}${secret}`;
  return { header: name, env: raw.valueEnv, value: () => value };
}

function values(fail: Fail, raw: unknown): RestConfig["values"] {
  if (raw === undefined) return {};
  if (!isObject(raw)) fail("values", `expected { "bookingStatus"?: {…}, "product"?: {…} }`);
  const out: RestConfig["values"] = {};
  for (const [key, allowed] of [["bookingStatus", ["booked", "pending", "both"]], ["product", ["sepa-credit-transfers", "instant-sepa-credit-transfers", "target-2-payments", "cross-border-credit-transfers"]]] as const) {
    const map = raw[key];
    if (map === undefined) continue;
    if (!isObject(map) || !Object.values(map).every((v) => typeof v === "string")) fail(`values.${key}`, `expected an object of contract value → core value`);
    for (const name of Object.keys(map)) if (!(allowed as readonly string[]).includes(name)) fail(`values.${key}.${name}`, `is not one of ${allowed.join(", ")}`);
    if (key === "bookingStatus" && Object.keys(map).length !== 3) fail(`values.bookingStatus`, `needs a core value for each of booked, pending and both`);
    out[key] = Object.freeze({ ...map }) as never;
  }
  return out;
}

function errors(fail: Fail, raw: unknown): RestConfig["errors"] {
  if (raw === undefined) return undefined;
  if (!isObject(raw) || !isObject(raw.codes)) fail("errors", `expected { "code": "error.code", "message"?: "error.message", "codes": { "NSF": "INSUFFICIENT_FUNDS", … } }`);
  for (const [code, value] of Object.entries(raw.codes)) {
    if (!REJECTION_CODES.includes(value as RejectionCode)) fail(`errors.codes.${code}`, `"${String(value)}" is not one of ${REJECTION_CODES.join(", ")}`);
  }
  const parse = (key: string, value: unknown) => {
    try {
      return parsePath(value as string);
    } catch (error) {
      return fail(`errors.${key}`, `${JSON.stringify(value)} is not a path: ${(error as Error).message}`);
    }
  };
  return {
    code: parse("code", raw.code),
    ...(raw.message !== undefined ? { message: parse("message", raw.message) } : {}),
    codes: Object.freeze({ ...(raw.codes as Record<string, RejectionCode>) }),
  };
}

export function parseRestOptions(bankId: string, options: unknown, env: NodeJS.ProcessEnv = process.env): RestConfig {
  const fail: Fail = (where, problem) => {
    throw new RestConfigError(`REST bank "${bankId}": connector.options.${where}: ${problem}.`);
  };
  if (!isObject(options)) fail("", `expected an object with baseUrl, records and operations`);
  if (options.amounts !== undefined && options.amounts !== "decimal" && options.amounts !== "minor") fail("amounts", `expected "decimal" or "minor"`);
  const config: RestConfig = {
    bankId,
    baseUrl: baseUrl(fail, options.baseUrl),
    auth: auth(fail, options.auth, env),
    timeoutMs: integer(fail, "timeoutMs", options.timeoutMs, 5_000, 1, 120_000),
    maxResponseBytes: integer(fail, "maxResponseBytes", options.maxResponseBytes, 1_048_576, 1_024, 64 * 1_048_576),
    concurrency: integer(fail, "concurrency", options.concurrency, 4, 1, 64),
    idempotencyHeader: header(fail, "idempotencyHeader", options.idempotencyHeader, "Idempotency-Key"),
    requestIdHeader: header(fail, "requestIdHeader", options.requestIdHeader, "X-Request-ID"),
    amounts: (options.amounts as AmountFormat | undefined) ?? "decimal",
    values: values(fail, options.values),
    errors: errors(fail, options.errors),
    records: {},
    operations: {},
  };
  const records = options.records ?? {};
  const operations = options.operations;
  if (!isObject(records)) fail("records", `expected an object of record name → field mapping`);
  if (!isObject(operations) || Object.keys(operations).length === 0) fail("operations", `expected an object naming at least one of ${Object.keys(OPERATION_DEFS).join(", ")}`);
  for (const name of Object.keys(records)) {
    if (!Object.hasOwn(RECORD_FIELDS, name)) fail(`records.${name}`, `is no record kind; kinds: ${Object.keys(RECORD_FIELDS).join(", ")}`);
    config.records[name as RecordName] = resolveRecord(fail, name as RecordName, records[name]);
  }
  for (const [name, raw] of Object.entries(operations)) {
    const def = OPERATION_DEFS[name];
    if (!def) fail(`operations.${name}`, `is no operation; operations: ${Object.keys(OPERATION_DEFS).join(", ")}`);
    if (def.record && !config.records[def.record]) fail(`records.${def.record}`, `is required by operations.${name}`);
    config.operations[name as RestOperationName] = resolveOperation(fail, name, raw);
  }
  return config;
}
