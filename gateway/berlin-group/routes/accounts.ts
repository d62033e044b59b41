/**
 * @module AIS account data: GET /v1/accounts, /v1/accounts/{account-id}, …/balances, …/transactions
 * (with pageIndex/itemsPerPage paging and _links first/previous/next/last; bookingStatus=information
 * lists the account's standing orders) and …/transactions/{id}.
 */
import { Router, type Request, type Response } from "express";
import { BerlinGroupError, formatError } from "../errors.js";
import { accountPath, toAccountDetails, toBalance, toTransaction } from "../mappers/accounts.js";
import { toStandingOrderDetails } from "../mappers/periodic-bulk.js";
import {
  AccountBalancesDocument,
  AccountDetailsDocument,
  AccountListDocument,
  AccountStandingOrdersDocument,
  AccountTransactionsDocument,
  TransactionCursorsDocument,
  TransactionDetailsDocument,
  type BookingStatus,
} from "../operations/generated.js";
import { header, isUuid, requireScope, type RequestContext } from "../request-context.js";
import { param, query, route, sendJson } from "../route.js";

const DEFAULT_ITEMS_PER_PAGE = 50;
const MAX_ITEMS_PER_PAGE = 100;
const WALK_PAGE = 100;

function withBalanceOf(req: Request): boolean {
  const value = query(req, "withBalance");
  if (value === undefined || value === "false") return false;
  if (value === "true") return true;
  throw formatError("withBalance must be true or false.", "withBalance");
}

/** Account data needs the Consent-ID header (the consent itself is checked by the accounts subgraph). */
function requireConsent(ctx: RequestContext, req: Request): void {
  requireScope(ctx, "accounts");
  if (!header(req, "consent-id")) throw formatError("The header Consent-ID is required for account data.", "Consent-ID");
}

/** An account of another bank than the one addressed is not a resource of this request. */
function assertBank<T extends { bank: { id: string } }>(ctx: RequestContext, account: T | null, id: string): T {
  if (!account || account.bank.id !== ctx.bankId) throw new BerlinGroupError("RESOURCE_UNKNOWN", `No account "${id}" at bank ${ctx.bankId}.`);
  return account;
}

function assertAccountId(id: string): string {
  if (!isUuid(id)) throw new BerlinGroupError("RESOURCE_UNKNOWN", `No account "${id}".`);
  return id;
}

const BOOKING_STATUS: Record<string, BookingStatus> = { booked: "BOOKED", pending: "PENDING", both: "BOTH" };

interface TransactionQuery {
  bookingStatus: BookingStatus;
  dateFrom?: string;
  dateTo?: string;
  pageIndex: number;
  itemsPerPage: number;
}

function transactionQueryOf(req: Request): TransactionQuery {
  const raw = query(req, "bookingStatus");
  if (!raw) throw formatError("The query parameter bookingStatus is required (booked, pending or both).", "bookingStatus");
  if (raw === "all") throw new BerlinGroupError("PARAMETER_NOT_SUPPORTED", "bookingStatus all is not supported; use booked, pending, both or information.", { path: "bookingStatus" });
  const bookingStatus = BOOKING_STATUS[raw];
  if (!bookingStatus) throw formatError(`bookingStatus "${raw}" is not one of booked, pending, both.`, "bookingStatus");
  if (query(req, "entryReferenceFrom") || query(req, "deltaList") === "true") {
    throw new BerlinGroupError("PARAMETER_NOT_SUPPORTED", "Delta reports (entryReferenceFrom, deltaList) are not supported.", { path: "deltaList" });
  }
  const dateFrom = query(req, "dateFrom");
  if (!dateFrom) throw formatError("The query parameter dateFrom is required.", "dateFrom");
  const integer = (name: string, fallback: number, min: number, max: number) => {
    const value = query(req, name);
    if (value === undefined) return fallback;
    if (!/^\d{1,6}$/.test(value) || Number(value) < min || Number(value) > max) throw formatError(`${name} must be a whole number from ${min} to ${max}.`, name);
    return Number(value);
  };
  return {
    bookingStatus,
    dateFrom,
    dateTo: query(req, "dateTo"),
    pageIndex: integer("pageIndex", 0, 0, 100_000),
    itemsPerPage: integer("itemsPerPage", DEFAULT_ITEMS_PER_PAGE, 1, MAX_ITEMS_PER_PAGE),
  };
}

/** Walks up to `limit` items after `after`, reading cursors only, a hundred at a time. */
async function walk(ctx: RequestContext, id: string, q: TransactionQuery, after: string | null, limit: number) {
  let cursor = after;
  let count = 0;
  while (count < limit) {
    const first = Math.min(WALK_PAGE, limit - count);
    const data = await ctx.execute(TransactionCursorsDocument, { id, first, after: cursor, bookingStatus: q.bookingStatus, dateFrom: q.dateFrom, dateTo: q.dateTo });
    const page = data.account?.transactions;
    if (!page || page.edges.length === 0) break;
    count += page.edges.length;
    cursor = page.pageInfo.endCursor ?? cursor;
    if (!page.pageInfo.hasNextPage) break;
  }
  return { count, cursor };
}

/**
 * The graph pages by cursor, Berlin Group by page number: the cursor before item `offset` is found by
 * walking the list's cursors. Undefined when the list is shorter.
 */
async function cursorAt(ctx: RequestContext, id: string, q: TransactionQuery, offset: number): Promise<string | null | undefined> {
  const { count, cursor } = await walk(ctx, id, q, null, offset);
  return count < offset ? undefined : cursor;
}

function pageHref(req: Request, id: string, pageIndex: number, itemsPerPage: number): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(req.query)) if (typeof value === "string" && name !== "pageIndex" && name !== "itemsPerPage") params.set(name, value);
  params.set("pageIndex", String(pageIndex));
  params.set("itemsPerPage", String(itemsPerPage));
  return `${accountPath(id)}/transactions?${params}`;
}

/** bookingStatus=information: one entry per active standing order of the account (no paging, no dates). */
async function sendStandingOrders(ctx: RequestContext, id: string, res: Response): Promise<void> {
  const account = assertBank(ctx, (await ctx.execute(AccountStandingOrdersDocument, { id })).account, id);
  const information = account.standingOrders.map((order) => ({
    ...(order.endToEndId ? { endToEndId: order.endToEndId.slice(0, 35) } : {}),
    transactionAmount: { currency: order.instructedAmount.currency, amount: order.instructedAmount.amount },
    ...(order.creditorName ? { creditorName: order.creditorName.slice(0, 70) } : {}),
    ...(order.creditorIban ? { creditorAccount: { iban: order.creditorIban } } : {}),
    ...(order.remittanceInformationUnstructured ? { remittanceInformationUnstructured: order.remittanceInformationUnstructured.slice(0, 140) } : {}),
    additionalInformationStructured: { standingOrderDetails: toStandingOrderDetails(order.standingOrder!) },
  }));
  sendJson(res, 200, { account: { iban: account.iban, currency: account.currency }, transactions: { information, _links: { account: { href: accountPath(id) } } } }, { "X-Request-ID": ctx.requestId });
}

export function accountRoutes(): Router {
  const router = Router();

  router.get("/accounts", route(async (ctx, req, res) => {
    requireConsent(ctx, req);
    const psuId = ctx.caller.consent?.psuId;
    if (!psuId) throw new BerlinGroupError("CONSENT_UNKNOWN", "The Consent-ID header names no consent of this TPP.");
    const variables = { psuId, bankId: ctx.bankId };
    const data = await ctx.execute(AccountListDocument, { ...variables, withBalance: false }, { notFoundAs: "CONSENT_UNKNOWN" });
    const accounts = (data.psu?.accounts ?? []).filter((a) => a !== null);
    // withBalance: balances "if granted by the PSU in the consent" — an account whose balances the consent does not cover is listed without.
    const withBalances = withBalanceOf(req)
      ? await ctx.execute(AccountListDocument, { ...variables, withBalance: true }, { tolerate: (e) => e.extensions?.code === "CONSENT_INVALID" && e.path?.at(-1) === "balances" })
      : undefined;
    const balancesOf = new Map((withBalances?.psu?.accounts ?? []).flatMap((a) => (a?.balances ? [[a.id, a.balances] as const] : [])));
    sendJson(res, 200, { accounts: accounts.map((a) => toAccountDetails({ ...a, ...(balancesOf.has(a.id) ? { balances: balancesOf.get(a.id) } : {}) })) }, { "X-Request-ID": ctx.requestId });
  }));

  router.get("/accounts/:accountId", route(async (ctx, req, res) => {
    requireConsent(ctx, req);
    const id = assertAccountId(param(req, "accountId"));
    const data = await ctx.execute(AccountDetailsDocument, { id, withBalance: withBalanceOf(req) });
    sendJson(res, 200, { account: toAccountDetails(assertBank(ctx, data.account, id)) }, { "X-Request-ID": ctx.requestId });
  }));

  router.get("/accounts/:accountId/balances", route(async (ctx, req, res) => {
    requireConsent(ctx, req);
    const id = assertAccountId(param(req, "accountId"));
    const account = assertBank(ctx, (await ctx.execute(AccountBalancesDocument, { id })).account, id);
    sendJson(res, 200, { account: { iban: account.iban, currency: account.currency }, balances: account.balances.map(toBalance) }, { "X-Request-ID": ctx.requestId });
  }));

  router.get("/accounts/:accountId/transactions", route(async (ctx, req, res) => {
    requireConsent(ctx, req);
    // Reports are JSON here; camt.05x (application/xml) and MT94x (text/plain) are not offered.
    if (!req.accepts("application/json")) throw new BerlinGroupError("REQUESTED_FORMATS_INVALID", "Transaction reports are available as application/json only.");
    const id = assertAccountId(param(req, "accountId"));
    if (query(req, "bookingStatus") === "information") return sendStandingOrders(ctx, id, res);
    const q = transactionQueryOf(req);
    const after = q.pageIndex === 0 ? null : await cursorAt(ctx, id, q, q.pageIndex * q.itemsPerPage);
    if (after === undefined) throw formatError(`pageIndex ${q.pageIndex} is beyond the last page.`, "pageIndex");
    const data = await ctx.execute(AccountTransactionsDocument, {
      id, first: q.itemsPerPage, after, bookingStatus: q.bookingStatus, dateFrom: q.dateFrom, dateTo: q.dateTo, withBalance: withBalanceOf(req),
    });
    const account = assertBank(ctx, data.account, id);
    const items = account.transactions.edges.map((e) => e.node);
    const hasNext = account.transactions.pageInfo.hasNextPage;
    const rest = hasNext ? (await walk(ctx, id, q, account.transactions.pageInfo.endCursor ?? null, Number.MAX_SAFE_INTEGER)).count : 0;
    const last = q.pageIndex + Math.ceil(rest / q.itemsPerPage);
    const links: Record<string, { href: string }> = {
      account: { href: accountPath(id) },
      first: { href: pageHref(req, id, 0, q.itemsPerPage) },
      last: { href: pageHref(req, id, last, q.itemsPerPage) },
    };
    if (q.pageIndex > 0) links.previous = { href: pageHref(req, id, q.pageIndex - 1, q.itemsPerPage) };
    if (hasNext) links.next = { href: pageHref(req, id, q.pageIndex + 1, q.itemsPerPage) };
    const list = (status: "BOOKED" | "PENDING") => items.filter((t) => t.status === status).map((t) => toTransaction(id, t));
    const report = {
      ...(q.bookingStatus !== "PENDING" ? { booked: list("BOOKED") } : {}),
      ...(q.bookingStatus !== "BOOKED" ? { pending: list("PENDING") } : {}),
      _links: links,
    };
    sendJson(
      res,
      200,
      { account: { iban: account.iban, currency: account.currency }, transactions: report, ...(account.balances ? { balances: account.balances.map(toBalance) } : {}) },
      { "X-Request-ID": ctx.requestId },
    );
  }));

  router.get("/accounts/:accountId/transactions/:transactionId", route(async (ctx, req, res) => {
    requireConsent(ctx, req);
    const id = assertAccountId(param(req, "accountId"));
    const transactionId = param(req, "transactionId");
    const data = await ctx.execute(TransactionDetailsDocument, { id: transactionId });
    if (!data.transaction || data.transaction.account.id !== id) throw new BerlinGroupError("RESOURCE_UNKNOWN", `No transaction "${transactionId}" on account ${id}.`);
    const { _links: _omit, ...details } = toTransaction(id, data.transaction);
    sendJson(res, 200, { transactionsDetails: details }, { "X-Request-ID": ctx.requestId });
  }));

  return router;
}
