import type { SubgraphContext } from "../shared/context.js";
import type { EngagementService } from "./engagement.service.js";
import type { MarketplaceLoaders } from "./loaders.js";
import type { SolutionService } from "./solution.service.js";

export interface MarketplaceContext extends SubgraphContext<MarketplaceLoaders> {
  solutions: SolutionService;
  engagement: EngagementService;
}
