/** @module Small helpers shared by the ledger queries. */
import { validate } from "uuid";
import { HubError } from "../../subgraphs/shared/errors.js";

/** Refs that can be ledger ids: anything else matches no row, and must not reach a `uuid` cast. */
export function uuidRefs(refs: readonly string[]): string[] {
  return [...new Set(refs.filter((ref) => validate(ref)).map((ref) => ref.toLowerCase()))];
}

/** int8 arrives as number (PGlite) or string (PostgreSQL); sums arrive as numeric strings. */
export function minor(value: unknown): bigint {
  if (value === null || value === undefined) return 0n;
  return BigInt(value as string | number | bigint);
}

export function badCursor(what: string, value: string): HubError {
  return new HubError("INVALID_CURSOR", `${what} "${value}" is not a cursor this bank returned; pass one from a previous page.`, {
    details: { cursor: value },
  });
}

/** The signed sum of a set of postings as seen by balances and funds checks, as one SQL expression. */
export const sumWhere = (condition: string, posting = "p") => `coalesce(sum(${posting}.amount_minor) filter (where ${condition}), 0)::text`;
