/**
 * @module Events in a subgraph server (distributed mode): on NATS JetStream, the relay of its outbox,
 * its background work (consent clock, webhook delivery) and its subscription fields over graphql-ws.
 * Without NATS_URL nothing is started: the outbox keeps its events until a relay publishes them.
 */
import type { Server } from "node:http";
import type { Logger } from "pino";
import type { EventsConfig } from "../events/config.js";
import { openEventBus, type EventBus } from "../events/index.js";
import type { HubConfig } from "../gateway/config.js";
import { EventFanout } from "../gateway/subscriptions/event-fanout.js";
import { startBackgroundWork, type BackgroundWork } from "./background.js";
import type { Runtime } from "./runtime.js";
import type { Subgraph } from "./shared/subgraph.js";
import { serveSubgraphSubscriptions } from "./subscription-server.js";

export interface SubgraphEvents {
  bus?: EventBus;
  background?: BackgroundWork;
  close(): Promise<void>;
}

export async function startSubgraphEvents(options: {
  subgraph: Subgraph;
  runtime: Runtime;
  server: Server;
  config: EventsConfig;
  secret: string;
  hub?: HubConfig;
  logger: Logger;
}): Promise<SubgraphEvents> {
  const { config, logger } = options;
  if (!config.natsUrl) {
    logger.warn({ subgraph: options.subgraph.name }, "no NATS_URL: outbox events stay in the outbox and subscriptions are not served");
    return { close: async () => {} };
  }
  const bus = await openEventBus({ natsUrl: config.natsUrl, stream: config.natsStream, retention: { maxAgeMs: config.retentionMs, maxEvents: 10_000_000 } });
  const background = await startBackgroundWork(options.runtime, bus, config, logger, options.hub);
  const hasSubscriptions = Boolean(options.subgraph.schema.getSubscriptionType());
  const fanout = hasSubscriptions ? await EventFanout.start(bus, { ringSize: 10_000, subscriberBuffer: config.subscriberBuffer }, logger) : undefined;
  const subscriptions = fanout
    ? serveSubgraphSubscriptions({ server: options.server, subgraph: options.subgraph, running: options.runtime.running.get(options.subgraph.name)!, fanout, secret: options.secret })
    : undefined;
  return {
    bus,
    background,
    async close() {
      await subscriptions?.close();
      await fanout?.close();
      await background.stop();
      await bus.close();
    },
  };
}
