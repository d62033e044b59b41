/**
 * @module Browsing the catalogue: filters, full-text search over name and description, and keyset
 * pages ordered by relevance or by name. One SQL statement per page.
 */
import type { EntityManager } from "@mikro-orm/core";
import { validate as isUuid } from "uuid";
import { decodeCursor, encodeCursor, pageSize, toConnection, type Connection } from "../shared/connection.js";
import { commonErrors, HubError } from "../shared/errors.js";
import { assertUuid } from "../shared/ids.js";
import { sql } from "../shared/orm.js";
import { ListingStatus, SolutionOrder } from "./entities/enums.js";
import { Solution } from "./entities/solution.entity.js";
import type { SolutionsArgs } from "./resolvers/types/solution.inputs.js";
import { searchPhrase } from "./solution-input.js";

/** The indexed document (GIN index solution_search): name weighs more than description. */
export const SEARCH_DOCUMENT = "(setweight(to_tsvector('simple', s.name), 'A') || setweight(to_tsvector('simple', s.description), 'B'))";
const QUERY = "plainto_tsquery('simple', ?)";
/** ts_rank as an integer, so that cursors compare exactly on both drivers. */
const RANK = `round(ts_rank(${SEARCH_DOCUMENT}, ${QUERY}) * 1000000)::int`;

type Row = Record<string, unknown> & { sort_name: string; rank: number };

export async function browseSolutions(em: EntityManager, args: SolutionsArgs): Promise<Connection<Solution>> {
  const size = pageSize(args.first);
  const search = searchPhrase(args.search);
  const order = args.orderBy ?? (search ? SolutionOrder.RELEVANCE : SolutionOrder.NAME);
  if (order === SolutionOrder.RELEVANCE && !search) throw commonErrors.badInput('orderBy RELEVANCE needs a "search".', { field: "orderBy" });
  const after = afterCursor(args.after, order);

  // `bind` appends a clause's values in the order the clauses appear in the statement below.
  const params: unknown[] = [];
  const bind = (clause: string, ...values: unknown[]) => (params.push(...values), clause);
  const status = args.status === undefined ? ListingStatus.PUBLISHED : args.status;
  const rank = search ? bind(RANK, search) : "0";
  const filters = [
    status ? bind("s.listing_status = ?", status) : "",
    args.category ? bind("s.category = ?", args.category) : "",
    args.vendorId ? bind("s.vendor_id = ?", assertUuid(args.vendorId, "vendorId")) : "",
    search ? bind(`${SEARCH_DOCUMENT} @@ ${QUERY}`, search) : "",
  ].filter(Boolean);
  let keyset = "true";
  if (after) {
    const [rankAfter, nameAfter, idAfter] = order === SolutionOrder.RELEVANCE ? after : [undefined, ...after];
    const byRank = rankAfter === undefined ? "" : bind("t.rank < ? or (t.rank = ? and ", rankAfter, rankAfter);
    const byName = bind(`(t.sort_name > ? collate "C" or (t.sort_name = ? and t.id > ?))`, nameAfter, nameAfter, idAfter);
    keyset = byRank ? `(${byRank}${byName}))` : byName;
  }
  params.push(size + 1);

  const rows = await sql<Row>(
    em,
    `select * from (
       select s.*, lower(s.name) collate "C" as sort_name, ${rank} as rank
       from marketplace.solution s
       where ${filters.join(" and ") || "true"}
     ) t
     where ${keyset}
     order by ${order === SolutionOrder.RELEVANCE ? "t.rank desc, " : ""}t.sort_name, t.id
     limit ?`,
    params,
  );
  const cursors = new Map<Solution, string>();
  const nodes = rows.slice(0, size).map((row) => {
    const { sort_name: sortName, rank: rowRank, ...columns } = row;
    const solution = em.map(Solution, columns as never);
    const id = String(columns.id);
    cursors.set(solution, encodeCursor(order === SolutionOrder.RELEVANCE ? [Number(rowRank), sortName, id] : [sortName, id]));
    return solution;
  });
  return toConnection({ nodes, hasNextPage: rows.length > size, hasPreviousPage: Boolean(after), cursorOf: (s) => cursors.get(s)! });
}

/** The decoded `after` cursor of this ordering; a cursor of another ordering or a forged one is INVALID_CURSOR. */
function afterCursor(cursor: string | undefined, order: SolutionOrder): (string | number)[] | undefined {
  const relevance = order === SolutionOrder.RELEVANCE;
  const parts = decodeCursor(cursor, relevance ? 3 : 2);
  if (!parts) return undefined;
  const [name, id] = relevance ? parts.slice(1) : parts;
  if ((relevance && !Number.isInteger(parts[0])) || typeof name !== "string" || typeof id !== "string" || !isUuid(id)) {
    throw new HubError("INVALID_CURSOR", `Cursor "${cursor}" is not one this API returned for orderBy ${relevance ? "RELEVANCE" : "NAME"}.`, {
      details: { cursor },
    });
  }
  return parts;
}
