/** @module The tpps subgraph: the registry of third-party providers, their vetting and their apps. */
import type { DeliveryStore } from "../../events/webhooks/delivery-store.js";
import { defineSubgraph, type RunningSubgraph } from "../shared/subgraph.js";
import type { TppsContext } from "./context.js";
import { Tpp, TppApplication, VettingDecision } from "./entities/index.js";
import { createLoaders } from "./loaders.js";
import { migrations } from "./migrations/20261122-create-tpps.js";
import { DynamicClientResolver } from "./resolvers/dynamic-client.resolver.js";
import { TppCertificateResolver } from "./resolvers/tpp-certificate.resolver.js";
import { TppApplicationResolver } from "./resolvers/tpp-application.resolver.js";
import { TppResolver } from "./resolvers/tpp.resolver.js";
import { seedTpps } from "./seed.js";
import { TppService } from "./tpp.service.js";
import { TppWebhookDeliveryStore, WebhookService, webhookEntities, webhookResolvers } from "./webhooks/index.js";
import { TppSubscriptionResolver } from "./resolvers/tpp-subscription.resolver.js";

export const tpps = defineSubgraph({
  name: "tpps",
  port: 4004,
  resolvers: [TppResolver, TppApplicationResolver, DynamicClientResolver, TppCertificateResolver, TppSubscriptionResolver, ...webhookResolvers],
  references: {
    Tpp: (ref: { id: string }, ctx: TppsContext) => ctx.loaders.tppById.load(ref.id),
  },
  async open({ db, seed, allowHttpLoopback = false }) {
    const orm = await db.orm({ schema: "tpps", entities: [Tpp, TppApplication, VettingDecision, ...webhookEntities], migrations });
    if (seed) await seedTpps(orm.em.fork());
    return {
      createContext: (caller): TppsContext => {
        const em = orm.em.fork();
        return { caller, em, loaders: createLoaders(em), tpps: new TppService(em), webhooks: new WebhookService(em, { allowHttpLoopback }) };
      },
      webhookDeliveries: new TppWebhookDeliveryStore(orm.em),
    };
  },
});

/** The webhook delivery queue of a running tpps subgraph, for the webhook dispatcher. */
export function webhookDeliveries(running: RunningSubgraph): DeliveryStore {
  return (running as RunningSubgraph & { webhookDeliveries: DeliveryStore }).webhookDeliveries;
}
