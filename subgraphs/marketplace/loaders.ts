/** @module Per-request DataLoaders of the marketplace: one SQL statement per batch, however many solutions a request touches. */
import type { EntityManager } from "@mikro-orm/core";
import DataLoader from "dataloader";
import { encodeCursor, toConnection, type Connection } from "../shared/connection.js";
import { manyByKey, oneByKey } from "../shared/loaders.js";
import { sql } from "../shared/orm.js";
import { CurationDecision, ListingStatus, Solution, SolutionReview, SolutionSubscription } from "./entities/index.js";

export interface Ratings {
  averageRating: number | null;
  reviewCount: number;
}

export interface ReviewPageKey {
  solutionId: string;
  size: number;
  after?: { createdAt: string; id: string };
}

export function createLoaders(em: EntityManager) {
  return {
    solutionById: new DataLoader<string, Solution | null>(async (ids) =>
      oneByKey(ids, await em.find(Solution, { id: { $in: [...ids] } }), (s) => s.id),
    ),
    /** Key: `${vendorId}|${status or "*"}`; one statement per status asked for in the batch. */
    /** Key: `${vendorId}|${status or "*"}`; one statement per status asked for in the batch. */
    solutionsByVendor: new DataLoader<string, Solution[]>(async (keys) => {
      const rows = new Set<Solution>();
      for (const [status, vendorIds] of groupBy(keys, (k) => k.split("|")[1]!, (k) => k.split("|")[0]!)) {
        const statusFilter = status === "*" ? {} : { listingStatus: status as ListingStatus };
        const found = await em.find(Solution, { vendorId: { $in: vendorIds }, ...statusFilter });
        for (const solution of found) rows.add(solution);
      }
      return keys.map((key) => {
        const [vendorId, status] = key.split("|");
        return [...rows]
          .filter((s) => s.vendorId === vendorId && (status === "*" || s.listingStatus === status))
          .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
      });
    }),
    curationBySolutionId: new DataLoader<string, CurationDecision[]>(async (ids) =>
      manyByKey(ids, await em.find(CurationDecision, { solutionId: { $in: [...ids] } }, { orderBy: { decidedAt: "asc", id: "asc" } }), (d) => d.solutionId),
    ),
    subscriptionsBySolutionId: new DataLoader<string, SolutionSubscription[]>(async (ids) =>
      manyByKey(ids, await em.find(SolutionSubscription, { solutionId: { $in: [...ids] } }, { orderBy: { since: "asc", id: "asc" } }), (s) => s.solutionId),
    ),
    /** Average and count computed in SQL, never by loading the reviews. */
    ratingsBySolutionId: new DataLoader<string, Ratings>(async (ids) => {
      const rows = await sql<{ solution_id: string; review_count: number; average_rating: number }>(
        em,
        `select solution_id, count(*)::int as review_count, round(avg(rating), 2)::float8 as average_rating
         from marketplace.solution_review where solution_id in (?) group by solution_id`,
        [[...ids]],
      );
      const byId = new Map(rows.map((r) => [r.solution_id, r]));
      return ids.map((id) => {
        const row = byId.get(id);
        return row ? { averageRating: Number(row.average_rating), reviewCount: Number(row.review_count) } : { averageRating: null, reviewCount: 0 };
      });
    }),
    /** Newest first; one statement per distinct (page size, cursor) in the batch. */
    reviewPage: new DataLoader<ReviewPageKey, Connection<SolutionReview>, string>(
      async (keys) => {
        const pages = new Map<ReviewPageKey, Connection<SolutionReview>>();
        for (const [, group] of groupBy(keys, (k) => JSON.stringify([k.size, k.after]), (k) => k)) {
          const { size, after } = group[0]!;
          const params: unknown[] = [group.map((k) => k.solutionId)];
          if (after) params.push(after.createdAt, after.id);
          params.push(size + 1);
          const rows = await sql<Record<string, unknown> & { position: number }>(
            em,
            `select * from (
               select r.*, row_number() over (partition by r.solution_id order by r.created_at desc, r.id desc) as position
               from marketplace.solution_review r
               where r.solution_id in (?)${after ? " and (r.created_at, r.id) < (?::timestamptz, ?::uuid)" : ""}
             ) t where t.position <= ? order by t.solution_id, t.position`,
            params,
          );
          const reviews = rows.map(({ position: _position, ...columns }) => em.map(SolutionReview, columns as never));
          for (const key of group) {
            const mine = reviews.filter((r) => r.solutionId === key.solutionId);
            pages.set(
              key,
              toConnection({
                nodes: mine.slice(0, size),
                hasNextPage: mine.length > size,
                hasPreviousPage: Boolean(after),
                cursorOf: (r) => encodeCursor([r.createdAt.toISOString(), r.id]),
              }),
            );
          }
        }
        return keys.map((k) => pages.get(k)!);
      },
      { cacheKeyFn: (k) => JSON.stringify(k) },
    ),
  };
}

export type MarketplaceLoaders = ReturnType<typeof createLoaders>;

function groupBy<K, G, V>(items: readonly K[], groupOf: (item: K) => G, valueOf: (item: K) => V): Map<G, V[]> {
  const groups = new Map<G, V[]>();
  for (const item of items) {
    const group = groupOf(item);
    const values = groups.get(group) ?? [];
    values.push(valueOf(item));
    groups.set(group, values);
  }
  return groups;
}

/** Drops what a mutation of this solution made stale, so the rest of the request reads fresh rows. */
export function forgetSolution(loaders: MarketplaceLoaders, solutionId: string): void {
  loaders.solutionById.clear(solutionId);
  loaders.curationBySolutionId.clear(solutionId);
  loaders.subscriptionsBySolutionId.clear(solutionId);
  loaders.ratingsBySolutionId.clear(solutionId);
  loaders.reviewPage.clearAll();
  loaders.solutionsByVendor.clearAll();
}
