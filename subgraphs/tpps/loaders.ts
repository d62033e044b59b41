/** @module Per-request DataLoaders of the tpps subgraph: one SQL statement per batch. */
import type { EntityManager } from "@mikro-orm/core";
import DataLoader from "dataloader";
import { manyByKey, oneByKey } from "../shared/loaders.js";
import { Tpp, TppApplication, VettingDecision } from "./entities/index.js";

export function createLoaders(em: EntityManager) {
  return {
    tppById: new DataLoader<string, Tpp | null>(async (ids) =>
      oneByKey(ids, await em.find(Tpp, { id: { $in: [...ids] } }), (r) => r.id),
    ),
    applicationsByTppId: new DataLoader<string, TppApplication[]>(async (ids) =>
      manyByKey(ids, await em.find(TppApplication, { tppId: { $in: [...ids] } }, { orderBy: { createdAt: "asc" } }), (r) => r.tppId),
    ),
    applicationByClientId: new DataLoader<string, TppApplication | null>(async (clientIds) =>
      oneByKey(clientIds, await em.find(TppApplication, { clientId: { $in: [...clientIds] } }), (r) => r.clientId),
    ),
    vettingByTppId: new DataLoader<string, VettingDecision[]>(async (ids) =>
      manyByKey(ids, await em.find(VettingDecision, { tppId: { $in: [...ids] } }, { orderBy: { decidedAt: "asc" } }), (r) => r.tppId),
    ),
  };
}

export type TppLoaders = ReturnType<typeof createLoaders>;
