/**
 * @module The consents subgraph: Berlin Group consents (AIS, PIS, PIIS) of PSUs to TPPs, their SCA
 * authorisations and status history. `ctx.consents.expireConsents(now)` is the expiry job for a scheduler.
 */
import { assertUuid } from "../shared/ids.js";
import { defineSubgraph } from "../shared/subgraph.js";
import { AuthorisationService } from "./authorisation.service.js";
import { assertPsuId, scopeOf } from "./caller-scope.js";
import { ConsentService } from "./consent.service.js";
import type { ConsentsContext } from "./context.js";
import { Consent, ConsentAuthorisation, ConsentStatusChange } from "./entities/index.js";
import { createLoaders } from "./loaders.js";
import { migrations } from "./migrations/index.js";
import { ConsentMutationResolver } from "./resolvers/consent-mutation.resolver.js";
import { ConsentAccountReferenceResolver, ConsentAuthorisationResolver } from "./resolvers/consent-parts.resolver.js";
import { ConsentResolver, visibleConsent } from "./resolvers/consent.resolver.js";
import { PsuConsentsResolver, TppConsentsResolver } from "./resolvers/party-consents.resolver.js";
import { psuRef, tppRef } from "./resolvers/types/stubs.js";
import { seedConsents } from "./seed.js";
import { ConsentSubscriptionResolver } from "./resolvers/consent-subscription.resolver.js";

export type { ConsentsContext } from "./context.js";
export { ConsentStatus, ConsentType, ScaStatus } from "./entities/index.js";

export const consents = defineSubgraph({
  name: "consents",
  port: 4003,
  resolvers: [
    ConsentResolver,
    ConsentMutationResolver,
    ConsentAuthorisationResolver,
    ConsentAccountReferenceResolver,
    PsuConsentsResolver,
    TppConsentsResolver,
    ConsentSubscriptionResolver,
  ],
  references: {
    Consent: (ref: { id: string }, ctx: ConsentsContext) => visibleConsent(ref.id, ctx),
    Psu: (ref: { id: string }) => psuRef(assertPsuId(ref.id)),
    Tpp: (ref: { id: string }) => tppRef(assertUuid(ref.id, "Tpp id")),
  },
  async open({ db, connectors, seed }) {
    const orm = await db.orm({ schema: "consents", entities: [Consent, ConsentAuthorisation, ConsentStatusChange], migrations });
    if (seed) await seedConsents(orm.em.fork());
    return {
      createContext: (caller): ConsentsContext => {
        const em = orm.em.fork();
        return {
          caller,
          em,
          loaders: createLoaders(em, scopeOf(caller)),
          consents: new ConsentService(em, connectors),
          authorisations: new AuthorisationService(em, connectors),
        };
      },
    };
  },
});
