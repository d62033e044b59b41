/** @module Per-request DataLoaders of the payments subgraph: one SQL statement per batch. */
import type { EntityManager } from "@mikro-orm/core";
import DataLoader from "dataloader";
import { pageOf, type Connection } from "../shared/connection.js";
import { manyByKey, oneByKey } from "../shared/loaders.js";
import { sql } from "../shared/orm.js";
import { BulkPaymentEntry, Payment, PaymentAuthorisation, PaymentKind, PaymentStatus, PaymentStatusChange, StandingOrderInstalment } from "./entities/index.js";
import type { PaymentScope } from "./acting-party.js";
import { paymentCursor } from "./payment-cursor.js";

/** One page of one account's payments, newest first. */
export interface AccountPaymentsKey {
  iban: string;
  /** Only the payments the caller may see (see visiblePayments). */
  scope: PaymentScope;
  status?: PaymentStatus;
  size: number;
  /** Decoded cursor: [createdAt ISO, id]. */
  after?: [string, string];
}

const keyOf = (k: AccountPaymentsKey) => JSON.stringify([k.iban, k.scope.tppId ?? null, k.scope.psuId ?? null, k.status ?? null, k.size, k.after ?? null]);

/** The same page of many accounts in one statement: rank each account's payments, keep size + 1. */
async function pagesOfAccounts(em: EntityManager, keys: readonly AccountPaymentsKey[]): Promise<Connection<Payment>[]> {
  const groups = new Map<string, AccountPaymentsKey[]>();
  for (const key of keys) {
    const group = JSON.stringify([key.scope.tppId ?? null, key.scope.psuId ?? null, key.status ?? null, key.size, key.after ?? null]);
    groups.set(group, [...(groups.get(group) ?? []), key]);
  }
  const pages = new Map<string, Connection<Payment>>();
  for (const group of groups.values()) {
    const { scope, status, size, after } = group[0]!;
    const ibans = [...new Set(group.map((k) => k.iban))];
    const filters = ["p.debtor_iban in (?)"];
    const params: unknown[] = [ibans];
    if (scope.tppId) filters.push("p.tpp_id = ?"), params.push(scope.tppId);
    if (scope.psuId) filters.push("p.psu_id = ?"), params.push(scope.psuId);
    if (status) filters.push("p.status = ?"), params.push(status);
    if (after) filters.push("(p.created_at, p.id) < (?::timestamptz, ?::uuid)"), params.push(after[0], after[1]);
    params.push(size + 1);
    const rows = await sql<Record<string, unknown>>(
      em,
      `select * from (
         select p.*, row_number() over (partition by p.debtor_iban order by p.created_at desc, p.id desc) as page_rank
         from payments.payment p where ${filters.join(" and ")}
       ) ranked where page_rank <= ? order by debtor_iban, created_at desc, id desc`,
      params,
    );
    const payments = rows.map(({ page_rank: _rank, ...row }) => em.map(Payment, row));
    const byIban = manyByKey(ibans, payments, (p) => p.debtorIban);
    ibans.forEach((iban, i) => pages.set(keyOf({ iban, scope, status, size, after }), pageOf(byIban[i]!, size, paymentCursor, Boolean(after))));
  }
  return keys.map((key) => pages.get(keyOf(key))!);
}

export function createLoaders(em: EntityManager) {
  return {
    paymentById: new DataLoader<string, Payment | null>(async (ids) =>
      oneByKey(ids, await em.find(Payment, { id: { $in: [...ids] } }), (r) => r.id),
    ),
    historyByPaymentId: new DataLoader<string, PaymentStatusChange[]>(async (ids) =>
      manyByKey(ids, await em.find(PaymentStatusChange, { paymentId: { $in: [...ids] } }, { orderBy: { at: "asc", id: "asc" } }), (r) => r.paymentId),
    ),
    authorisationsByPaymentId: new DataLoader<string, PaymentAuthorisation[]>(async (ids) =>
      manyByKey(ids, await em.find(PaymentAuthorisation, { paymentId: { $in: [...ids] } }, { orderBy: { createdAt: "asc", id: "asc" } }), (r) => r.paymentId),
    ),
    entriesByPaymentId: new DataLoader<string, BulkPaymentEntry[]>(async (ids) =>
      manyByKey(ids, await em.find(BulkPaymentEntry, { paymentId: { $in: [...ids] } }, { orderBy: { position: "asc" } }), (r) => r.paymentId),
    ),
    instalmentsByPaymentId: new DataLoader<string, StandingOrderInstalment[]>(async (ids) =>
      manyByKey(ids, await em.find(StandingOrderInstalment, { paymentId: { $in: [...ids] } }, { orderBy: { dueDate: "asc" } }), (r) => r.paymentId),
    ),
    /** The active standing orders debiting each IBAN (authorised, not cancelled, not ended), oldest first. */
    standingOrdersByIban: new DataLoader<string, Payment[]>(async (ibans) => {
      const today = new Date().toISOString().slice(0, 10);
      const rows = await em.find(
        Payment,
        { debtorIban: { $in: [...ibans] }, kind: PaymentKind.PERIODIC, status: PaymentStatus.ACCP, $or: [{ endDate: null }, { endDate: { $gte: today } }] },
        { orderBy: { createdAt: "asc", id: "asc" } },
      );
      return manyByKey(ibans, rows, (r) => r.debtorIban);
    }),
    paymentsByAccount: new DataLoader<AccountPaymentsKey, Connection<Payment>, string>((keys) => pagesOfAccounts(em, keys), { cacheKeyFn: keyOf }),
  };
}

export type PaymentLoaders = ReturnType<typeof createLoaders>;
