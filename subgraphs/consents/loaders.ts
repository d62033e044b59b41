/** @module Per-request DataLoaders of the consents subgraph: one SQL statement per batch. */
import type { EntityManager, FilterQuery } from "@mikro-orm/core";
import DataLoader from "dataloader";
import { manyByKey, oneByKey } from "../shared/loaders.js";
import type { ConsentScope } from "./caller-scope.js";
import { Consent, ConsentAuthorisation, ConsentStatus, ConsentStatusChange } from "./entities/index.js";

/** Consents of one PSU or TPP, optionally of one status. */
export interface PartyKey {
  id: string;
  status?: ConsentStatus | null;
}

export function createLoaders(em: EntityManager, scope: ConsentScope) {
  return {
    consentById: new DataLoader<string, Consent | null>(async (ids) =>
      oneByKey(ids, await em.find(Consent, { id: { $in: [...ids] } }), (r) => r.id),
    ),
    authorisationsByConsentId: new DataLoader<string, ConsentAuthorisation[]>(async (ids) =>
      manyByKey(ids, await em.find(ConsentAuthorisation, { consentId: { $in: [...ids] } }, { orderBy: { createdAt: "asc", id: "asc" } }), (r) => r.consentId),
    ),
    statusHistoryByConsentId: new DataLoader<string, ConsentStatusChange[]>(async (ids) =>
      manyByKey(ids, await em.find(ConsentStatusChange, { consentId: { $in: [...ids] } }, { orderBy: { changedAt: "asc", id: "asc" } }), (r) => r.consentId),
    ),
    consentsByPsu: partyLoader(em, scope, "psuId"),
    consentsByTpp: partyLoader(em, scope, "tppId"),
  };
}

/** One statement for a whole list of PSUs (or TPPs), whatever status each asks for; statuses are sorted out in memory. */
function partyLoader(em: EntityManager, scope: ConsentScope, column: "psuId" | "tppId") {
  return new DataLoader<PartyKey, Consent[], string>(
    async (keys) => {
      const ids = [...new Set(keys.map((k) => k.id))];
      const statuses = new Set(keys.map((k) => k.status ?? null));
      const where: FilterQuery<Consent> = {
        [column]: { $in: ids },
        ...(statuses.has(null) ? {} : { status: { $in: [...statuses] as ConsentStatus[] } }),
        ...(scope.tppId ? { tppId: scope.tppId } : {}),
        ...(scope.psuId ? { psuId: scope.psuId } : {}),
      };
      const rows = await em.find(Consent, where, { orderBy: { createdAt: "desc", id: "desc" } });
      const byId = manyByKey(ids, rows, (r) => r[column]);
      const index = new Map(ids.map((id, i) => [id, byId[i]!]));
      return keys.map((k) => (index.get(k.id) ?? []).filter((r) => !k.status || r.status === k.status));
    },
    { cacheKeyFn: (k) => `${k.id}\u0000${k.status ?? ""}` },
  );
}

export type ConsentLoaders = ReturnType<typeof createLoaders>;
