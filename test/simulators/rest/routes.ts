/** @module The endpoints of the simulated REST core, each a pure function of the ledger and the request. */
import { BadPositionError, type Ledger, type TransactionFilter } from "./ledger.js";
import { fromDecimal } from "./money.js";
import { accountJson, balancesJson, errorBody, SCHEME_CODES, transactionJson, transferJson, WIRE_ERROR_CODES } from "./wire.js";

export interface CoreRequest {
  method: string;
  params: string[];
  query: URLSearchParams;
  body: unknown;
  headers: Record<string, string | string[] | undefined>;
}

export interface CoreAnswer {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

type Handler = (ledger: Ledger, req: CoreRequest) => CoreAnswer;

const ok = (body: unknown, status = 200): CoreAnswer => ({ status, body });
const fail = (status: number, code: string, message: string): CoreAnswer => ({ status, body: errorBody(code, message) });
const unknownAccount = (id: string) => fail(404, "ACCOUNT_UNKNOWN", `No account "${id}".`);
const record = (value: unknown): Record<string, unknown> => (value && typeof value === "object" ? (value as Record<string, unknown>) : {});
const strings = (value: unknown) => (Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : []);

const STATES: Record<string, TransactionFilter["status"]> = { BOOKED: "booked", PENDING: "pending", ALL: "both" };

function transactionPage(ledger: Ledger, accountId: string, query: URLSearchParams) {
  const status = STATES[query.get("state") ?? "ALL"];
  const limit = Number(query.get("limit") ?? "50");
  if (!status || !Number.isInteger(limit) || limit < 1) throw new BadPositionError("bad state or limit");
  const filter = { status, limit, from: query.get("fromDate") ?? undefined, to: query.get("toDate") ?? undefined, after: query.get("after") ?? undefined };
  const page = ledger.transactions(accountId, filter);
  return page && { accountId, items: page.entries.map(transactionJson), more: page.hasMore };
}

function transfer(ledger: Ledger, req: CoreRequest): CoreAnswer {
  const key = req.headers["idempotency-key"];
  if (typeof key !== "string" || !key) return fail(400, "IDEMPOTENCY_KEY_MISSING", "POST /transfers needs an Idempotency-Key header.");
  const b = record(req.body);
  const beneficiary = record(b.beneficiary);
  const instructed = record(b.instructedAmount);
  const currency = typeof instructed.currency === "string" ? instructed.currency : "";
  const amount = fromDecimal(instructed.amount, currency);
  const scheme = SCHEME_CODES[String(b.scheme)];
  if (b.clientReference !== key) return fail(400, "BAD_REQUEST", "clientReference must equal the Idempotency-Key.");
  if (typeof b.debitAccountId !== "string" || typeof beneficiary.iban !== "string" || typeof beneficiary.name !== "string" || amount === undefined || !scheme) {
    return fail(400, "BAD_REQUEST", "A transfer needs debitAccountId, beneficiary {iban, name}, instructedAmount {amount, currency} and a known scheme.");
  }
  const optional = (value: unknown) => (typeof value === "string" ? value : undefined);
  const { payment, replayed } = ledger.transfer({
    ref: key,
    fromAccountId: b.debitAccountId,
    creditorIban: beneficiary.iban,
    creditorName: beneficiary.name,
    amount,
    currency,
    remittance: optional(b.purpose),
    endToEndId: optional(b.endToEndReference),
    executionDate: optional(b.executionDate),
    bankTransactionCode: scheme,
  });
  const headers = replayed ? { "Idempotent-Replayed": "true" } : undefined;
  if (payment.status === "RJCT") {
    return { status: 422, body: { ...errorBody(WIRE_ERROR_CODES[payment.reasonCode!], payment.reason!), transfer: transferJson(payment) }, headers };
  }
  return { status: replayed ? 200 : 201, body: { transfer: transferJson(payment) }, headers };
}

export const ROUTES: [method: string, pattern: RegExp, handler: Handler][] = [
  ["GET", /^\/health$/, () => ok({ status: "UP" })],
  ["GET", /^\/customers\/([^/]+)\/accounts$/, (ledger, { params: [login] }) => {
    const accounts = ledger.accountsOf(login!);
    if (!accounts) return fail(404, "CUSTOMER_UNKNOWN", `No customer "${login}".`);
    return ok({ data: { customer: { login, fullName: ledger.customers.get(login!) }, accounts: accounts.map(accountJson) }, meta: { count: accounts.length } });
  }],
  ["GET", /^\/accounts$/, (ledger, { query }) => {
    const iban = query.get("iban");
    if (iban !== null) return ok({ data: { accounts: [ledger.accountByIban(iban)].filter((a) => a !== undefined).map(accountJson) } });
    const page = ledger.listAccounts(Number(query.get("pageSize") ?? "50"), query.get("pageToken") ?? undefined);
    return ok({ data: { accounts: page.accounts.map(accountJson) }, paging: { nextPageToken: page.next ?? null } });
  }],
  ["POST", /^\/accounts\/search$/, (ledger, { body }) => {
    const { accountIds, ibans } = record(body);
    const found = [...strings(accountIds).map((id) => ledger.accounts.get(id)), ...strings(ibans).map((iban) => ledger.accountByIban(iban))];
    return ok({ data: { accounts: found.filter((a) => a !== undefined).map(accountJson) } });
  }],
  ["GET", /^\/accounts\/([^/]+)$/, (ledger, { params: [id] }) => {
    const account = ledger.accounts.get(id!);
    return account ? ok({ data: accountJson(account) }) : unknownAccount(id!);
  }],
  ["GET", /^\/accounts\/([^/]+)\/balances$/, (ledger, { params: [id] }) => {
    const funds = ledger.funds(id!);
    return funds ? ok({ data: balancesJson(id!, funds, ledger.today()) }) : unknownAccount(id!);
  }],
  ["POST", /^\/balances\/query$/, (ledger, { body }) => {
    const ids = strings(record(body).accountIds).filter((id) => ledger.accounts.has(id));
    return ok({ results: ids.map((id) => balancesJson(id, ledger.funds(id)!, ledger.today())) });
  }],
  ["GET", /^\/accounts\/([^/]+)\/transactions$/, (ledger, { params: [id], query }) => {
    const page = transactionPage(ledger, id!, query);
    return page ? ok({ data: page }) : unknownAccount(id!);
  }],
  ["POST", /^\/transactions\/search$/, (ledger, { body }) => {
    const { accountIds, ...filter } = record(body);
    const query = new URLSearchParams(Object.entries(filter).map(([k, v]) => [k, String(v)]));
    return ok({ results: strings(accountIds).map((id) => transactionPage(ledger, id, query)).filter(Boolean) });
  }],
  ["GET", /^\/transactions\/([^/]+)$/, (ledger, { params: [id] }) => {
    const entry = ledger.entry(id!);
    return entry ? ok({ data: transactionJson(entry) }) : fail(404, "TRANSACTION_UNKNOWN", `No transaction "${id}".`);
  }],
  ["POST", /^\/transfers$/, transfer],
  ["GET", /^\/transfers\/by-reference\/([^/]+)$/, (ledger, { params: [ref] }) => {
    const payment = ledger.payments.get(ref!);
    return payment ? ok({ transfer: transferJson(payment) }) : fail(404, "TRANSFER_UNKNOWN", `No transfer with reference "${ref}".`);
  }],
  ["POST", /^\/transfers\/by-reference\/([^/]+)\/cancellation$/, (ledger, { params: [ref] }) => {
    const result = ledger.cancel(ref!);
    if (result.ok) return ok({ transfer: transferJson(result.value) });
    return fail(result.code === "PAYMENT_NOT_FOUND" ? 404 : 409, WIRE_ERROR_CODES[result.code], result.message);
  }],
  ["GET", /^\/accounts\/([^/]+)\/funds$/, (ledger, { params: [id], query }) => {
    const currency = query.get("currency") ?? "";
    const amount = fromDecimal(query.get("amount") ?? "", currency);
    if (amount === undefined) return fail(400, "BAD_REQUEST", "amount must be a decimal of the currency.");
    const result = ledger.checkFunds(id!, amount, currency);
    if (!result.ok) return fail(result.code === "ACCOUNT_NOT_FOUND" ? 404 : 422, WIRE_ERROR_CODES[result.code], result.message);
    return ok({ data: { sufficient: result.value, checkedAt: new Date().toISOString() } });
  }],
];

export function route(ledger: Ledger, method: string, path: string, req: Omit<CoreRequest, "params" | "method">): CoreAnswer {
  for (const [m, pattern, handler] of ROUTES) {
    const match = pattern.exec(path);
    if (!match || m !== method) continue;
    try {
      return handler(ledger, { ...req, method, params: match.slice(1).map(decodeURIComponent) });
    } catch (error) {
      if (error instanceof BadPositionError) return fail(400, "BAD_CURSOR", error.message);
      throw error;
    }
  }
  return fail(404, "NO_ROUTE", `No route ${method} ${path}.`);
}
