/**
 * @module Per-request DataLoaders. Each batch makes at most one directory statement and one core call
 * per bank, however many accounts a query touches. A bank whose core fails fails only its own keys.
 */
import type { EntityManager } from "@mikro-orm/core";
import DataLoader from "dataloader";
import type { ConnectorContext, CoreBalance, TransactionPage, TransactionQuery } from "../../connectors/contract.js";
import type { ConnectorRegistry } from "../../connectors/registry.js";
import type { Caller } from "../shared/context.js";
import { sql } from "../shared/orm.js";
import { commonErrors, HubError } from "../shared/errors.js";
import type { AccountDirectory } from "./directory.js";
import { parseTransactionId, toAccount, toTransaction } from "./mapper.js";
import type { Account } from "./types/account.type.js";
import type { Transaction } from "./types/transaction.type.js";

/** Runs `load` once per group of keys (a group never spans two banks); errors stay in their group. */
async function perGroup<K, V>(
  keys: readonly K[],
  groupOf: (key: K) => { bankId: string; group: string } | undefined,
  load: (bankId: string, keys: K[]) => Promise<Map<K, V>>,
): Promise<(V | null | Error)[]> {
  const groups = new Map<string, { bankId: string; keys: K[] }>();
  for (const key of keys) {
    const g = groupOf(key);
    if (!g) continue;
    const entry = groups.get(g.group) ?? groups.set(g.group, { bankId: g.bankId, keys: [] }).get(g.group)!;
    entry.keys.push(key);
  }
  const results = new Map<K, V | Error>();
  await Promise.all(
    [...groups.values()].map(async ({ bankId, keys: group }) => {
      try {
        const found = await load(bankId, group);
        for (const key of group) if (found.has(key)) results.set(key, found.get(key)!);
      } catch (error) {
        const failure = error instanceof HubError ? error : commonErrors.coreUnavailable(bankId, error);
        for (const key of group) results.set(key, failure);
      }
    }),
  );
  return keys.map((key) => results.get(key) ?? null);
}

/** An account, or the error of a bank whose core could not list the PSU's accounts there (its `extensions.bankId` says which). */
export type PsuAccountEntry = Account | HubError;

export interface TransactionsKey {
  account: Account;
  query: Omit<TransactionQuery, "accountRefs">;
}

export function createLoaders(em: EntityManager, directory: AccountDirectory, connectors: ConnectorRegistry, ctx: ConnectorContext, caller: Caller) {
  const accountsByLinks = async (links: { id: string; bankId: string; coreRef: string }[]) => {
    const byId = new Map(links.map((l) => [l.id, l]));
    return perGroup(
      links.map((l) => l.id),
      (id) => ({ bankId: byId.get(id)!.bankId, group: byId.get(id)!.bankId }),
      async (bankId, ids) => {
        const core = await connectors.get(bankId).accountsByRefs(ctx, ids.map((id) => byId.get(id)!.coreRef));
        return new Map(ids.flatMap((id) => (core.has(byId.get(id)!.coreRef) ? [[id, toAccount(bankId, core.get(byId.get(id)!.coreRef)!)]] : [])));
      },
    );
  };

  const accountById = new DataLoader<string, Account | null>(async (ids) => {
    const links = await directory.byIds(em, ids);
    const loaded = await accountsByLinks(links);
    const byId = new Map(links.map((l, i) => [l.id, loaded[i]!]));
    return ids.map((id) => byId.get(id) ?? null);
  });

  const accountByIban = new DataLoader<string, Account | null>(async (ibans) => {
    const links = await directory.byIbans(em, ibans);
    const loaded = await accountsByLinks(links);
    const byIban = new Map<string, Account | Error | null>();
    links.forEach((link, i) => {
      const account = loaded[i]!;
      if (account) accountById.prime(link.id, account);
      byIban.set(link.iban, account);
    });
    return ibans.map((iban) => byIban.get(iban) ?? null);
  });

  const balances = new DataLoader<Account, CoreBalance[], string>(
    async (accounts) =>
      (await perGroup(
        accounts,
        (a) => ({ bankId: a.bankId, group: a.bankId }),
        async (bankId, group) => {
          const core = await connectors.get(bankId).balances(ctx, group.map((a) => a.ref));
          return new Map(group.map((a) => [a, core.get(a.ref) ?? []]));
        },
      )) as (CoreBalance[] | Error)[],
    { cacheKeyFn: (a) => a.id },
  );

  const transactions = new DataLoader<TransactionsKey, TransactionPage | null, string>(
    (keys) =>
      perGroup(
        keys,
        (k) => ({ bankId: k.account.bankId, group: `${k.account.bankId}|${JSON.stringify(k.query)}` }),
        async (bankId, group) => {
          const pages = await connectors.get(bankId).transactions(ctx, { ...group[0]!.query, accountRefs: group.map((k) => k.account.ref) });
          return new Map(group.map((k) => [k, pages.get(k.account.ref) ?? { transactions: [], hasMore: false }]));
        },
      ),
    { cacheKeyFn: (k) => `${k.account.id}|${JSON.stringify(k.query)}` },
  );

  const transactionById = new DataLoader<string, Transaction | null>((ids) => {
    const parsed = new Map(ids.map((id) => [id, parseTransactionId(id)]));
    return perGroup(
      ids,
      (id) => (connectors.bank(parsed.get(id)!.bankId) ? { bankId: parsed.get(id)!.bankId, group: parsed.get(id)!.bankId } : undefined),
      async (bankId, group) => {
        const core = await connectors.get(bankId).transactionsByRefs(ctx, group.map((id) => parsed.get(id)!.ref));
        return new Map(group.flatMap((id) => (core.has(parsed.get(id)!.ref) ? [[id, toTransaction(bankId, core.get(parsed.get(id)!.ref)!)]] : [])));
      },
    );
  });

  /** A PSU's accounts at every bank, in bank order; a bank whose core fails is one HubError entry in its place. */
  const accountsOfPsu = new DataLoader<string, PsuAccountEntry[]>(async (psuIds) =>
    Promise.all(
      psuIds.map(async (psuId) => {
        const perBank = await Promise.all(
          connectors.banks().map(async (bank): Promise<PsuAccountEntry[]> => {
            const core = await connectors
              .get(bank.id)
              .accountsOfPsu({ ...ctx, psuId }, psuId)
              .catch((error: unknown) => (error instanceof HubError ? error : commonErrors.coreUnavailable(bank.id, error)));
            if (core instanceof HubError) return [core];
            await directory.remember(em, bank.id, core);
            return core.map((a) => toAccount(bank.id, a));
          }),
        );
        const entries = perBank.flat();
        for (const entry of entries) if (!(entry instanceof HubError)) accountById.prime(entry.id, entry);
        return entries;
      }),
    ),
  );

  /** Accesses today under the caller's consent, per IBAN, counting this request once (one statement per batch). */
  const consentAccesses = new DataLoader<string, number>(async (ibans) => {
    const consentId = caller.consent!.id;
    const day = new Date().toISOString().slice(0, 10);
    const rows = await sql<{ iban: string; count: number }>(
      em,
      `insert into accounts.consent_access (consent_id, iban, day, count) values ${ibans.map(() => "(?, ?, ?, 1)").join(", ")}
       on conflict (consent_id, iban, day) do update set count = accounts.consent_access.count + 1 returning iban, count`,
      ibans.flatMap((iban) => [consentId, iban, day]),
    );
    const counts = new Map(rows.map((r) => [r.iban, Number(r.count)]));
    return ibans.map((iban) => counts.get(iban) ?? 0);
  });

  return { consentAccesses, accountById, accountByIban, balances, transactions, transactionById, accountsOfPsu };
}

export type AccountLoaders = ReturnType<typeof createLoaders>;
