/** @module The request context every resolver receives: who calls, and per-request services. */
import type { EntityManager } from "@mikro-orm/core";

/** Who is calling, as the gateway established it. Authentication fills it; resolvers decide with it. */
export interface Caller {
  /** "system": the hub itself (e.g. the authorization server looking up OAuth clients). */
  kind: "anonymous" | "tpp" | "psu" | "operator" | "system";
  tppId?: string;
  psuId?: string;
  consentId?: string;
  scopes: string[];
}

export const anonymousCaller: Caller = Object.freeze({ kind: "anonymous", scopes: [] }) as Caller;
export const systemCaller: Caller = Object.freeze({ kind: "system", scopes: [] }) as Caller;

export interface SubgraphContext<Loaders = unknown> {
  caller: Caller;
  /** A fork of the subgraph's EntityManager: one identity map per request. */
  em: EntityManager;
  loaders: Loaders;
}

export function parseCaller(value: unknown): Caller {
  if (!value || typeof value !== "object") return anonymousCaller;
  const v = value as Record<string, unknown>;
  const kinds = ["anonymous", "tpp", "psu", "operator", "system"];
  const str = (x: unknown) => (typeof x === "string" && x.length > 0 ? x : undefined);
  return {
    kind: kinds.includes(v.kind as string) ? (v.kind as Caller["kind"]) : "anonymous",
    tppId: str(v.tppId),
    psuId: str(v.psuId),
    consentId: str(v.consentId),
    scopes: Array.isArray(v.scopes) ? v.scopes.filter((s): s is string => typeof s === "string") : [],
  };
}
