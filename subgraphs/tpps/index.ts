/** @module The tpps subgraph: the registry of third-party providers, their vetting and their apps. */
import { defineSubgraph } from "../shared/subgraph.js";
import type { TppsContext } from "./context.js";
import { Tpp, TppApplication, VettingDecision } from "./entities/index.js";
import { createLoaders } from "./loaders.js";
import { migrations } from "./migrations/20261122-create-tpps.js";
import { TppApplicationResolver } from "./resolvers/tpp-application.resolver.js";
import { TppResolver } from "./resolvers/tpp.resolver.js";
import { seedTpps } from "./seed.js";
import { TppService } from "./tpp.service.js";

export const tpps = defineSubgraph({
  name: "tpps",
  port: 4004,
  resolvers: [TppResolver, TppApplicationResolver],
  references: {
    Tpp: (ref: { id: string }, ctx: TppsContext) => ctx.loaders.tppById.load(ref.id),
  },
  async open({ db, seed }) {
    const orm = await db.orm({ schema: "tpps", entities: [Tpp, TppApplication, VettingDecision], migrations });
    if (seed) await seedTpps(orm.em.fork());
    return {
      createContext: (caller): TppsContext => {
        const em = orm.em.fork();
        return { caller, em, loaders: createLoaders(em), tpps: new TppService(em) };
      },
    };
  },
});
