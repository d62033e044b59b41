/** @module Relay-style connections: cursors, page arguments and the shared PageInfo type. */
import { ArgsType, Directive, Field, Int, ObjectType } from "type-graphql";
import { HubError } from "./errors.js";

@Directive("@shareable")
@ObjectType({ description: "Relay page information." })
export class PageInfo {
  @Field(() => Boolean) hasNextPage!: boolean;
  @Field(() => Boolean) hasPreviousPage!: boolean;
  @Field(() => String, { nullable: true }) startCursor?: string | null;
  @Field(() => String, { nullable: true }) endCursor?: string | null;
}

@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: "Page size, 1 to 100 (default 20)." }) first?: number;
  @Field(() => String, { nullable: true, description: "Cursor of the last item of the previous page." }) after?: string;
}

export const MAX_PAGE_SIZE = 100;

export function pageSize(first: number | undefined | null, fallback = 20): number {
  const size = first ?? fallback;
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE) {
    throw new HubError("BAD_USER_INPUT", `"first" must be between 1 and ${MAX_PAGE_SIZE}, got ${first}.`, { details: { first } });
  }
  return size;
}

export function encodeCursor(parts: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(parts)).toString("base64url");
}

export function decodeCursor(cursor: string | undefined | null, arity: number): (string | number)[] | undefined {
  if (cursor == null) return undefined;
  try {
    const parts = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (Array.isArray(parts) && parts.length === arity && parts.every((p) => typeof p === "string" || typeof p === "number")) return parts;
  } catch {
    /* fall through to the error below */
  }
  throw new HubError("INVALID_CURSOR", `Cursor "${cursor}" is not one this API returned.`, { details: { cursor } });
}

export interface Page<T> {
  nodes: T[];
  cursorOf(node: T): string;
  hasNextPage: boolean;
  hasPreviousPage?: boolean;
}

export function toConnection<T>(page: Page<T>): { edges: { node: T; cursor: string }[]; pageInfo: PageInfo; totalCount?: number } {
  const edges = page.nodes.map((node) => ({ node, cursor: page.cursorOf(node) }));
  return {
    edges,
    pageInfo: {
      hasNextPage: page.hasNextPage,
      hasPreviousPage: page.hasPreviousPage ?? false,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}

export interface Connection<T> {
  edges: { node: T; cursor: string }[];
  pageInfo: PageInfo;
}

/** Declares `<Name>Connection` and `<Name>Edge` for a node type. */
export function connectionType<T>(name: string, node: new (...args: any[]) => T) {
  @ObjectType(`${name}Edge`)
  class Edge {
    @Field(() => node) node!: T;
    @Field(() => String) cursor!: string;
  }
  @ObjectType(`${name}Connection`)
  class ConnectionOf implements Connection<T> {
    @Field(() => [Edge]) edges!: Edge[];
    @Field(() => PageInfo) pageInfo!: PageInfo;
  }
  return ConnectionOf;
}

/** Keyset page over rows sorted by (createdAt desc, id desc) or any key list the caller picks. */
export function pageOf<T>(rows: T[], size: number, key: (row: T) => (string | number)[], hasPreviousPage = false): Connection<T> {
  return toConnection({
    nodes: rows.slice(0, size),
    hasNextPage: rows.length > size,
    hasPreviousPage,
    cursorOf: (row) => encodeCursor(key(row)),
  });
}
