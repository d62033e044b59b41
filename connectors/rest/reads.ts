/**
 * @module The read operations over a REST core. Look-ups by many keys use the configured batch
 * endpoint, or else one request per key with bounded concurrency; a 404 means "not there".
 */
import { electronicFormatIBAN } from "ibantools";
import type { ConnectorContext, CoreAccount, CoreBalance, CoreTransaction, TransactionPage, TransactionQuery } from "../contract.js";
import { notSupportedRead } from "../result.js";
import { commonErrors, HubError } from "../../subgraphs/shared/errors.js";
import type { ResolvedOperation, ResolvedRequest } from "./config-mapping.js";
import type { RestOperationName } from "./config.js";
import { chunks, isOk, mapLimit, type RestCore } from "./core-client.js";
import { RestCoreError } from "./errors.js";
import type { CoreAnswer } from "./http.js";
import type { RecordName } from "./mapper.js";
import { readPath, type TemplateValues } from "./paths.js";

const normalizeIban = (iban: string) => electronicFormatIBAN(iban) ?? iban;

function operation(core: RestCore, name: RestOperationName): ResolvedOperation {
  const op = core.config.operations[name];
  if (!op) throw notSupportedRead("rest", name);
  return op;
}

/** The answer when it carries data; undefined for a 404; throws for anything else. */
function found(core: RestCore, name: string, spec: ResolvedRequest, answer: CoreAnswer): CoreAnswer | undefined {
  if (answer.status === 404) return undefined;
  if (!isOk(answer)) throw core.unexpected(name, spec, answer);
  return answer;
}

export async function accountsOfPsu(core: RestCore, ctx: ConnectorContext, psuId: string): Promise<CoreAccount[]> {
  const spec = operation(core, "accountsOfPsu").one!;
  const answer = found(core, "accountsOfPsu", spec, await core.send("accountsOfPsu", spec, { psuId }, ctx));
  return answer ? core.records(`accountsOfPsu`, spec, core.list("accountsOfPsu", spec, answer.body, spec.list!), "account") : [];
}

export async function listAccounts(core: RestCore, ctx: ConnectorContext, page: { after?: string; limit: number }): Promise<{ accounts: CoreAccount[]; next?: string }> {
  const spec = operation(core, "listAccounts").one!;
  const limit = Math.max(1, Math.floor(page.limit));
  const answer = await core.send("listAccounts", spec, { limit, after: page.after }, ctx);
  if (!isOk(answer)) throw core.unexpected("listAccounts", spec, answer);
  const accounts = core.records<CoreAccount>("listAccounts", spec, core.list("listAccounts", spec, answer.body, spec.list!), "account");
  const next = spec.next ? core.scalar("listAccounts", spec, answer.body, spec.next, "string", true) : undefined;
  return next !== undefined && accounts.length > 0 ? { accounts, next } : { accounts };
}

/** Records for many keys, each found by its own key field; keys the core does not know are left out. */
async function lookup<T>(
  core: RestCore,
  ctx: ConnectorContext,
  name: "accountsByRefs" | "accountsByIbans" | "transactionsByRefs",
  keys: readonly string[],
  keyOf: (record: T) => string,
  normalize: (key: string) => string = (key) => key,
): Promise<Map<string, T>> {
  const op = operation(core, name);
  const param = name === "accountsByIbans" ? "iban" : "ref";
  const record: RecordName = name === "transactionsByRefs" ? "transaction" : "account";
  const wanted = [...new Set(keys.map(normalize))];
  const records: T[] = [];
  if (wanted.length > 0 && op.batch) {
    const spec = op.batch;
    for (const chunk of chunks(wanted, spec.maxItems)) {
      const answer = found(core, name, spec, await core.send(name, spec, { [`${param}s`]: chunk }, ctx));
      if (answer) records.push(...core.records<T>(name, spec, core.list(name, spec, answer.body, spec.list!), record));
    }
  } else if (wanted.length > 0) {
    const spec = op.one!;
    const pages = await mapLimit(wanted, core.config.concurrency, async (key) => {
      const answer = found(core, name, spec, await core.send(name, spec, { [param]: key }, ctx));
      if (!answer) return [];
      const raws = spec.record ? [core.reading(name, spec, () => readPath(answer.body, spec.record!))] : core.list(name, spec, answer.body, spec.list!);
      return core.records<T>(name, spec, raws, record);
    });
    records.push(...pages.flat());
  }
  const byKey = new Map(records.map((r) => [normalize(keyOf(r)), r]));
  const result = new Map<string, T>();
  for (const key of keys) {
    const hit = byKey.get(normalize(key));
    if (hit) result.set(key, hit);
  }
  return result;
}

export const accountsByRefs = (core: RestCore, ctx: ConnectorContext, refs: readonly string[]) =>
  lookup<CoreAccount>(core, ctx, "accountsByRefs", refs, (a) => a.ref);

export const accountsByIbans = (core: RestCore, ctx: ConnectorContext, ibans: readonly string[]) =>
  lookup<CoreAccount>(core, ctx, "accountsByIbans", ibans, (a) => a.iban, normalizeIban);

export const transactionsByRefs = (core: RestCore, ctx: ConnectorContext, refs: readonly string[]) =>
  lookup<CoreTransaction>(core, ctx, "transactionsByRefs", refs, (t) => t.ref);

interface Group<T> {
  items: T[];
  hasMore?: boolean;
}

/** Per account: the records of one group (balances, a transaction page); accounts the core does not know are left out. */
async function grouped<T>(core: RestCore, ctx: ConnectorContext, name: "balances" | "transactions", refs: readonly string[], values: TemplateValues): Promise<Map<string, Group<T>>> {
  const op = operation(core, name);
  const record: RecordName = name === "balances" ? "balance" : "transaction";
  const wanted = [...new Set(refs)];
  const groups = new Map<string, Group<T>>();
  if (wanted.length > 0 && op.batch) {
    const spec = op.batch;
    for (const chunk of chunks(wanted, spec.maxItems)) {
      const answer = found(core, name, spec, await core.send(name, spec, { ...values, refs: chunk }, ctx));
      for (const raw of answer ? core.list(name, spec, answer.body, spec.list!) : []) {
        const key = core.scalar(name, spec, raw, spec.key!, "string")!;
        const items = core.records<T>(name, spec, core.list(name, spec, raw, spec.items!), record);
        groups.set(key, { items, hasMore: spec.hasMore ? core.scalar(name, spec, raw, spec.hasMore, "boolean") : undefined });
      }
    }
  } else if (wanted.length > 0) {
    const spec = op.one!;
    await mapLimit(wanted, core.config.concurrency, async (ref) => {
      const answer = found(core, name, spec, await core.send(name, spec, { ...values, ref }, ctx));
      if (!answer) return;
      const items = core.records<T>(name, spec, core.list(name, spec, answer.body, spec.list!), record);
      groups.set(ref, { items, hasMore: spec.hasMore ? core.scalar(name, spec, answer.body, spec.hasMore, "boolean") : undefined });
    });
  }
  return groups;
}

export async function balances(core: RestCore, ctx: ConnectorContext, refs: readonly string[]): Promise<Map<string, CoreBalance[]>> {
  const groups = await grouped<CoreBalance>(core, ctx, "balances", refs, {});
  const result = new Map<string, CoreBalance[]>();
  for (const ref of refs) {
    const group = groups.get(ref);
    if (group) result.set(ref, group.items);
  }
  return result;
}

export async function transactions(core: RestCore, ctx: ConnectorContext, query: TransactionQuery): Promise<Map<string, TransactionPage>> {
  if (!Number.isInteger(query.first) || query.first < 1) throw commonErrors.badInput(`first must be a positive integer, got ${query.first}.`, { first: query.first });
  const op = operation(core, "transactions");
  const counted = Boolean((op.batch ?? op.one)?.hasMore);
  const values: TemplateValues = {
    bookingStatus: core.config.values.bookingStatus?.[query.bookingStatus] ?? query.bookingStatus,
    dateFrom: query.dateFrom,
    dateTo: query.dateTo,
    // Without a hasMore field, one extra transaction tells whether there are more.
    limit: counted ? query.first : query.first + 1,
    after: query.after,
  };
  const groups = await grouped<CoreTransaction>(core, ctx, "transactions", query.accountRefs, values).catch((error: unknown) => {
    // A core that refuses the request only when given a cursor refuses the cursor: the caller's error, not the core's.
    if (error instanceof RestCoreError && error.where.status === 400 && query.after !== undefined) {
      throw new HubError("INVALID_CURSOR", `after "${query.after}" is not a cursor this bank returned; pass one from a previous page.`, { details: { cursor: query.after } });
    }
    throw error;
  });
  const pages = new Map<string, TransactionPage>();
  for (const ref of query.accountRefs) {
    const group = groups.get(ref);
    if (!group) {
      pages.set(ref, { transactions: [], hasMore: false });
      continue;
    }
    const hasMore = counted ? group.hasMore! : group.items.length > query.first;
    pages.set(ref, { transactions: group.items.slice(0, query.first), hasMore });
  }
  return pages;
}
