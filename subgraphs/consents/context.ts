import type { SubgraphContext } from "../shared/context.js";
import type { AuthorisationService } from "./authorisation.service.js";
import type { ConsentService } from "./consent.service.js";
import type { ConsentLoaders } from "./loaders.js";

export interface ConsentsContext extends SubgraphContext<ConsentLoaders> {
  consents: ConsentService;
  authorisations: AuthorisationService;
}
