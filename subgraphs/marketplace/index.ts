/** @module The marketplace subgraph: a catalogue where fintechs list solutions, operators curate them, banks subscribe and review. */
import { assertUuid } from "../shared/ids.js";
import { defineSubgraph } from "../shared/subgraph.js";
import type { MarketplaceContext } from "./context.js";
import { EngagementService, type KnownBanks } from "./engagement.service.js";
import { CurationDecision, Solution, SolutionReview, SolutionSubscription } from "./entities/index.js";
import { createLoaders } from "./loaders.js";
import { migrations } from "./migrations/20261122-create-marketplace.js";
import { SolutionReviewResolver, SolutionSubscriptionResolver } from "./resolvers/engagement.resolver.js";
import { SolutionFieldsResolver } from "./resolvers/solution-fields.resolver.js";
import { SolutionResolver } from "./resolvers/solution.resolver.js";
import { TppSolutionsResolver } from "./resolvers/tpp-solutions.resolver.js";
import { tppReference } from "./resolvers/types/references.js";
import { seedMarketplace } from "./seed.js";
import { SolutionService } from "./solution.service.js";
import { SolutionPublishedResolver } from "./resolvers/solution-published-subscription.resolver.js";

export const marketplace = defineSubgraph({
  name: "marketplace",
  port: 4005,
  resolvers: [SolutionResolver, SolutionFieldsResolver, SolutionSubscriptionResolver, SolutionReviewResolver, TppSolutionsResolver, SolutionPublishedResolver],
  references: {
    Solution: (ref: { id: string }, ctx: MarketplaceContext) => ctx.loaders.solutionById.load(assertUuid(ref.id, "id")),
    Tpp: (ref: { id: string }) => tppReference(assertUuid(ref.id, "id")),
  },
  async open({ db, connectors, seed }) {
    const orm = await db.orm({ schema: "marketplace", entities: [Solution, CurationDecision, SolutionSubscription, SolutionReview], migrations });
    if (seed) await seedMarketplace(orm.em.fork());
    const banks: KnownBanks = { has: (id) => connectors.bank(id) !== undefined, ids: () => connectors.banks().map((b) => b.id) };
    return {
      createContext: (caller): MarketplaceContext => {
        const em = orm.em.fork();
        return { caller, em, loaders: createLoaders(em), solutions: new SolutionService(em), engagement: new EngagementService(em, banks) };
      },
    };
  },
});
