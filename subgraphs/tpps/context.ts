import type { SubgraphContext } from "../shared/context.js";
import type { TppLoaders } from "./loaders.js";
import type { TppService } from "./tpp.service.js";
import type { WebhookService } from "./webhooks/webhook.service.js";

export interface TppsContext extends SubgraphContext<TppLoaders> {
  tpps: TppService;
  webhooks: WebhookService;
}
