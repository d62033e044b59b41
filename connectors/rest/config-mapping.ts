/**
 * @module Validation of a REST bank's `operations` and `records`: which placeholders each request
 * may use, which paths each operation needs, and that every contract field is mapped with a valid
 * path, constant or code map. Messages name the bank, the operation and the field.
 */
import { parsePath, placeholdersOf, type ParsedPath } from "./paths.js";
import { RECORD_FIELDS, type FieldDef, type RecordName, type ResolvedField, type ResolvedRecord } from "./mapper.js";

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

export interface ResolvedRequest {
  method: HttpMethod;
  path: string;
  query?: Record<string, string>;
  body?: unknown;
  list?: ParsedPath;
  record?: ParsedPath;
  next?: ParsedPath;
  hasMore?: ParsedPath;
  key?: ParsedPath;
  items?: ParsedPath;
  maxItems: number;
}

/** `one`: a request per item (or the only request); `batch`: one request for many items. */
export interface ResolvedOperation {
  one?: ResolvedRequest;
  batch?: ResolvedRequest;
}

type Shape = "single" | "lookup" | "grouped";

interface OperationDef {
  shape: Shape;
  record?: RecordName;
  /** Placeholders of the single or per-item request; a batch request uses the plural key instead. */
  params: string[];
  paths: { required: string[]; optional?: string[] };
  batchPaths?: { required: string[]; optional?: string[] };
}

const TX_PARAMS = ["bookingStatus", "dateFrom", "dateTo", "limit", "after"];

export const OPERATION_DEFS: Record<string, OperationDef> = {
  accountsOfPsu: { shape: "single", record: "account", params: ["psuId"], paths: { required: ["list"] } },
  accountsByRefs: { shape: "lookup", record: "account", params: ["ref"], paths: { required: [], optional: ["record", "list"] }, batchPaths: { required: ["list"] } },
  accountsByIbans: { shape: "lookup", record: "account", params: ["iban"], paths: { required: [], optional: ["record", "list"] }, batchPaths: { required: ["list"] } },
  listAccounts: { shape: "single", record: "account", params: ["limit", "after"], paths: { required: ["list"], optional: ["next"] } },
  balances: { shape: "grouped", record: "balance", params: ["ref"], paths: { required: ["list"] }, batchPaths: { required: ["list", "key", "items"] } },
  transactions: {
    shape: "grouped", record: "transaction", params: ["ref", ...TX_PARAMS],
    paths: { required: ["list"], optional: ["hasMore"] }, batchPaths: { required: ["list", "key", "items"], optional: ["hasMore"] },
  },
  transactionsByRefs: { shape: "lookup", record: "transaction", params: ["ref"], paths: { required: [], optional: ["record", "list"] }, batchPaths: { required: ["list"] } },
  executePayment: {
    shape: "single", record: "payment", paths: { required: ["record"] },
    params: ["paymentRef", "product", "debtorAccountRef", "creditorIban", "creditorName", "amount", "currency", "remittanceInformation", "endToEndId", "requestedExecutionDate"],
  },
  paymentStatus: { shape: "single", record: "payment", params: ["paymentRef"], paths: { required: ["record"] } },
  cancelPayment: { shape: "single", record: "payment", params: ["paymentRef"], paths: { required: ["record"] } },
  confirmFunds: { shape: "single", record: "funds", params: ["accountRef", "amount", "currency"], paths: { required: ["record"] } },
  health: { shape: "single", params: [], paths: { required: [] } },
};

const METHODS = new Set(["GET", "POST", "PUT", "PATCH", "DELETE"]);
const PATH_KEYS = ["list", "record", "next", "hasMore", "key", "items"] as const;

export type Fail = (where: string, problem: string) => never;

const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === "object" && !Array.isArray(value);

function path(fail: Fail, where: string, value: unknown): ParsedPath {
  try {
    return parsePath(value as string);
  } catch (error) {
    return fail(where, `${JSON.stringify(value)} is not a path: ${(error as Error).message}`);
  }
}

function request(fail: Fail, where: string, raw: unknown, params: string[], paths: { required: string[]; optional?: string[] }): ResolvedRequest {
  if (!isObject(raw)) fail(where, `expected an object such as { "method": "GET", "path": "/accounts/{ref}" }`);
  const method = typeof raw.method === "string" ? raw.method.toUpperCase() : "";
  if (!METHODS.has(method)) fail(`${where}.method`, `expected one of ${[...METHODS].join(", ")}, got ${JSON.stringify(raw.method)}`);
  if (typeof raw.path !== "string" || !raw.path.startsWith("/")) fail(`${where}.path`, `expected a path template starting with "/", relative to baseUrl`);
  if (raw.query !== undefined && (!isObject(raw.query) || !Object.values(raw.query).every((v) => typeof v === "string"))) {
    fail(`${where}.query`, `expected an object of parameter name → template string`);
  }
  for (const [part, template] of [["path", raw.path], ["query", raw.query], ["body", raw.body]] as const) {
    for (const name of placeholdersOf(template)) {
      if (!params.includes(name)) fail(`${where}.${part}`, `unknown placeholder {${name}}; this request can use ${params.map((p) => `{${p}}`).join(", ") || "none"}`);
    }
  }
  const resolved: ResolvedRequest = { method: method as HttpMethod, path: raw.path, maxItems: 100 };
  if (raw.query !== undefined) resolved.query = raw.query as Record<string, string>;
  if (raw.body !== undefined) resolved.body = raw.body;
  for (const key of PATH_KEYS) {
    const allowed = paths.required.includes(key) || paths.optional?.includes(key);
    if (raw[key] === undefined) {
      if (paths.required.includes(key)) fail(`${where}.${key}`, `is required: the path to the ${key} in the core's answer`);
      continue;
    }
    if (!allowed) fail(`${where}.${key}`, `is not used by this operation`);
    resolved[key] = path(fail, `${where}.${key}`, raw[key]);
  }
  if (resolved.list && !resolved.list.steps.at(-1)?.each) fail(`${where}.list`, `a list path ends in "[]", e.g. "data.accounts[]"`);
  if (raw.maxItems !== undefined) {
    if (!Number.isInteger(raw.maxItems) || (raw.maxItems as number) < 1) fail(`${where}.maxItems`, `expected a positive integer`);
    resolved.maxItems = raw.maxItems as number;
  }
  return resolved;
}

export function resolveOperation(fail: Fail, name: string, raw: unknown): ResolvedOperation {
  const def = OPERATION_DEFS[name]!;
  const where = `operations.${name}`;
  if (def.shape === "single") return { one: request(fail, where, raw, def.params, def.paths) };
  if (!isObject(raw) || (raw.one === undefined && raw.batch === undefined)) fail(where, `expected { "one": {…} } (a request per item) or { "batch": {…} } (one request for many)`);
  const plural = def.params.map((p) => (p === "ref" || p === "iban" ? `${p}s` : p));
  const op: ResolvedOperation = {};
  if (raw.one !== undefined) op.one = request(fail, `${where}.one`, raw.one, def.params, def.paths);
  if (raw.batch !== undefined) op.batch = request(fail, `${where}.batch`, raw.batch, plural, def.batchPaths!);
  if (def.shape === "lookup" && op.one && !op.one.record === !op.one.list) fail(`${where}.one`, `needs exactly one of "record" (one object) or "list" (a list to pick from)`);
  return op;
}

function field(fail: Fail, where: string, def: FieldDef, raw: unknown): ResolvedField {
  if (typeof raw === "string") return { path: path(fail, where, raw) };
  if (!isObject(raw)) fail(where, `expected a path string or { "path": …, "map": {…} } or { "value": … }`);
  if ((raw.path === undefined) === (raw.value === undefined)) fail(where, `needs exactly one of "path" or "value"`);
  const out: ResolvedField = raw.path !== undefined ? { path: path(fail, `${where}.path`, raw.path) } : { value: raw.value };
  if (raw.map !== undefined) {
    if (!isObject(raw.map) || !Object.values(raw.map).every((v) => typeof v === "string")) fail(`${where}.map`, `expected an object of core code → contract value`);
    if (Array.isArray(def.kind)) {
      for (const [code, value] of Object.entries(raw.map)) {
        if (!def.kind.includes(value as string)) fail(`${where}.map.${code}`, `"${String(value)}" is not one of ${def.kind.join(", ")}`);
      }
    }
    out.map = Object.freeze({ ...(raw.map as Record<string, string>) });
  }
  if (raw.amount !== undefined) {
    if (def.kind !== "amount") fail(`${where}.amount`, `only amount fields take "amount"`);
    if (raw.amount !== "decimal" && raw.amount !== "minor") fail(`${where}.amount`, `expected "decimal" or "minor", got ${JSON.stringify(raw.amount)}`);
    out.amount = raw.amount;
  }
  return out;
}

export function resolveRecord(fail: Fail, name: RecordName, raw: unknown): ResolvedRecord {
  const where = `records.${name}`;
  if (!isObject(raw)) fail(where, `expected an object of contract field → path in the core's record`);
  const defs = RECORD_FIELDS[name] as Record<string, FieldDef>;
  for (const key of Object.keys(raw)) if (!Object.hasOwn(defs, key)) fail(`${where}.${key}`, `is not a field of the ${name} record; fields: ${Object.keys(defs).join(", ")}`);
  const out: Record<string, ResolvedField> = {};
  for (const [key, def] of Object.entries(defs)) {
    if (raw[key] === undefined) {
      if (!def.optional) fail(`${where}.${key}`, `is required (map it to a path, or give a constant { "value": … })`);
      continue;
    }
    out[key] = field(fail, `${where}.${key}`, def, raw[key]);
  }
  return Object.freeze(out);
}
