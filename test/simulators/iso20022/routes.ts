/**
 * @module The simulated core's HTTP API (documented in connectors/iso20022/README.md): JSON for account
 * listings and health, camt for reports, statements and entries, pain.001 in and pain.002 out for payments.
 */
import { electronicFormatIBAN } from "ibantools";
import type { CamtWriter } from "./camt.js";
import type { Iso20022Ledger, SimEntry } from "./ledger.js";
import { buildPain002, InvalidPain001Error, readPain001 } from "./pain.js";

export interface SimContext {
  ledger: Iso20022Ledger;
  camt: CamtWriter;
  now: () => Date;
  /** MsgIds of every pain.001 received, repeats included. */
  received: string[];
}

export interface SimResponse {
  status: number;
  type: "json" | "xml" | "none";
  body: string;
}

const json = (status: number, value: unknown): SimResponse => ({ status, type: "json", body: JSON.stringify(value) });
const xml = (body: string): SimResponse => ({ status: 200, type: "xml", body });
const notFound = (error: string) => json(404, { error });
const badRequest = (message: string) => json(400, { error: "BAD_REQUEST", message });
const isDate = (value: string | null) => value === null || (/^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value)));
const ledgerDate = (e: SimEntry) => e.bookingDate ?? e.valueDate;

export function route(sim: SimContext, method: string, path: string, query: URLSearchParams, body: string): SimResponse {
  const { ledger } = sim;
  const today = sim.now().toISOString().slice(0, 10);
  const known = (name: string) => [...new Set(query.getAll(name).map((i) => electronicFormatIBAN(i) ?? i))].filter((i) => ledger.accounts.has(i));
  const [from, to] = [query.get("from"), query.get("to")];
  if (!isDate(from) || !isDate(to)) return badRequest("from and to must be dates such as 2026-11-22.");
  const inRange = (e: SimEntry) => (!from || ledgerDate(e) >= from) && (!to || ledgerDate(e) <= to);
  const entriesOf = (iban: string, statuses: SimEntry["status"][]) => ledger.entries.filter((e) => e.iban === iban && statuses.includes(e.status) && inRange(e));
  const payment = /^payments\/([^/]+)\/(status|cancellation)$/.exec(path);

  if (method === "GET" && path === "health") return json(200, { status: "up" });
  if (method === "GET" && path === "accounts") {
    const all = [...ledger.accounts.values()].sort((a, b) => (a.iban < b.iban ? -1 : 1));
    const view = (list: typeof all) => list.map(({ creditLimitMinor: _limit, ...a }) => a);
    if (query.has("psu")) return json(200, { accounts: view(all.filter((a) => a.psuIds.includes(query.get("psu")!))) });
    if (query.has("iban")) return json(200, { accounts: view(known("iban").map((i) => ledger.accounts.get(i)!)) });
    const limit = Number(query.get("limit") ?? 50);
    if (!Number.isInteger(limit) || limit < 1 || limit > 500) return badRequest("limit must be 1 to 500.");
    const rest = all.filter((a) => !query.has("after") || a.iban > query.get("after")!);
    const page = rest.slice(0, limit);
    return json(200, { accounts: view(page), next: rest.length > limit ? page[page.length - 1]!.iban : undefined });
  }
  if (method === "GET" && path === "reports") {
    const ibans = known("acct");
    if (ibans.length === 0) return notFound("ACCOUNT_NOT_FOUND");
    const entries = query.get("entries");
    const statuses: SimEntry["status"][] = entries === "all" ? ["booked", "pending"] : entries === "pending" ? ["pending"] : [];
    return xml(sim.camt.report(ibans, (iban) => entriesOf(iban, statuses)));
  }
  if (method === "GET" && path === "statements") {
    const ibans = known("acct");
    if (ibans.length === 0) return notFound("ACCOUNT_NOT_FOUND");
    const first = ledger.entries.reduce((min, e) => (e.bookingDate && e.bookingDate < min ? e.bookingDate : min), today);
    return xml(sim.camt.statement(ibans, from ?? first, to ?? today, (iban) => entriesOf(iban, ["booked"])));
  }
  if (method === "GET" && path === "entries") {
    const refs = new Set(query.getAll("ref"));
    const found = ledger.entries.filter((e) => refs.has(e.ref) && e.status !== "cancelled");
    if (found.length === 0) return notFound("ENTRY_NOT_FOUND");
    const ibans = [...new Set(found.map((e) => e.iban))];
    return xml(sim.camt.notification(ibans.map((iban) => ({ iban, entries: found.filter((e) => e.iban === iban) }))));
  }
  if (method === "GET" && path === "notifications") {
    const after = Number(query.get("after") ?? 0);
    const limit = Number(query.get("limit") ?? 100);
    const booked = ledger.entries.filter((e) => e.status === "booked" && e.seq > after).slice(0, limit);
    if (booked.length === 0) return { status: 204, type: "none", body: "" };
    return xml(sim.camt.notification(booked.map((e) => ({ iban: e.iban, entries: [e], sequence: e.seq }))));
  }
  if (method === "POST" && path === "payments") {
    try {
      const order = readPain001(body);
      sim.received.push(order.messageId);
      return xml(buildPain002(ledger.pay(order, sim.now().toISOString().replace(/\.\d{3}Z$/, "Z")), sim.now()));
    } catch (error) {
      if (error instanceof InvalidPain001Error) return json(400, { error: "INVALID_PAIN_001", message: error.message });
      throw error;
    }
  }
  if (payment && (method === "GET") === (payment[2] === "status")) {
    const messageId = decodeURIComponent(payment[1]!);
    const found = payment[2] === "status" ? ledger.payments.get(messageId) : ledger.cancel(messageId);
    return found ? xml(buildPain002(found, sim.now())) : notFound("PAYMENT_NOT_FOUND");
  }
  return json(404, { error: "NO_SUCH_ENDPOINT", message: `${method} ${path}` });
}
