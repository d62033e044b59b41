/** @module The request context every resolver receives: who calls, and per-request services. */
import type { EntityManager } from "@mikro-orm/core";

/** Who is calling, as the gateway established it. Authentication fills it; resolvers decide with it. */
export interface Caller {
  /** "system": the hub itself (e.g. the authorization server looking up OAuth clients). */
  kind: "anonymous" | "tpp" | "psu" | "operator" | "system";
  tppId?: string;
  psuId?: string;
  consentId?: string;
  /** The consent the caller acts under, as the consents subgraph knows it (looked up by the gateway). */
  consent?: ConsentGrant;
  /** True when the PSU takes part in this request (Berlin Group: PSU-IP-Address given). */
  psuPresent?: boolean;
  scopes: string[];
}

/** What a consent grants, forwarded with the caller so the subgraph that owns the data can decide. */
export interface ConsentGrant {
  id: string;
  type: "AIS" | "PIS" | "PIIS";
  /** Lower-case Berlin Group status: valid, received, revokedByPsu, expired, … */
  status: string;
  validUntil: string;
  frequencyPerDay: number;
  recurring: boolean;
  tppId: string;
  /** Null until a PSU authorises a consent that was asked for without naming one. */
  psuId: string | null;
  /** IBANs per kind of data; `all` means every account of the PSU (allPsd2). */
  accounts: string[];
  balances: string[];
  transactions: string[];
  all: "none" | "accounts" | "accountsWithBalances" | "allPsd2";
  /** PIIS: the one account whose funds may be confirmed. */
  fundsAccount?: string;
}

export const anonymousCaller: Caller = Object.freeze({ kind: "anonymous", scopes: [] }) as Caller;
export const operatorCaller: Caller = Object.freeze({ kind: "operator", scopes: ["operator"] }) as Caller;
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
    consent: v.consent && typeof v.consent === "object" ? (v.consent as ConsentGrant) : undefined,
    psuPresent: v.psuPresent === true,
    scopes: Array.isArray(v.scopes) ? v.scopes.filter((s): s is string => typeof s === "string") : [],
  };
}
