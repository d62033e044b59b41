/**
 * @module Events in the gateway process: the bus (chosen by NATS_URL), the fan-out to graphql-ws
 * subscribers on the gateway's port, and, in embedded mode, the subgraphs' relay and consent clock.
 */
import type { ApolloGateway } from "@apollo/gateway";
import type { ApolloServer } from "@apollo/server";
import type { Server } from "node:http";
import type { Logger } from "pino";
import type { EventsConfig } from "../events/config.js";
import { openEventBus, type EventBus } from "../events/index.js";
import type { BackgroundWork } from "../subgraphs/background.js";
import type { Caller } from "../subgraphs/shared/context.js";
import type { Runtime } from "../subgraphs/runtime.js";
import type { Subgraph } from "../subgraphs/shared/subgraph.js";
import { hubSigningKeys } from "./auth/keys.js";
import type { HubConfig } from "./config.js";
import type { GatewayContext } from "./local-data-source.js";
import { remoteOwner, subscriptionFieldOwners } from "./subscriptions/remote-owner.js";
import { EventFanout, localOwner, serveSubscriptions, type SubscriptionOwner, type SubscriptionServer } from "./subscriptions/index.js";

export interface HubEvents {
  bus: EventBus;
  fanout: EventFanout;
  subscriptions: SubscriptionServer;
  /** Embedded mode: the outbox relay and consent clock. */
  background?: BackgroundWork;
  /** Whether the subgraphs' events reach this process (embedded, or on NATS). */
  receivesEvents: boolean;
  close(): Promise<void>;
}

export interface HubEventsOptions {
  config: EventsConfig;
  server: Server;
  gateway: ApolloGateway;
  apollo: ApolloServer<GatewayContext>;
  /** The connection's caller from its connection_init payload: the same check as an HTTP request's headers. */
  authenticate(params: Record<string, unknown>): Promise<Caller>;
  embedded?: { runtime: Runtime; subgraphs: readonly Subgraph[] };
  /** The hub's settings: webhook delivery (signing key file, retry schedule) runs with the embedded subgraphs. */
  hub?: HubConfig;
  logger: Logger;
}

/** The embedded bus keeps its log in memory: at most this many events are replayable. */
const EMBEDDED_MAX_EVENTS = 100_000;

/** Header-like connection_init keys, as a client would send them on HTTP. */
export function connectionHeaders(params: Record<string, unknown>): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [key, value] of Object.entries(params)) if (typeof value === "string") headers[key.replace(/([a-z])([A-Z])/g, "$1-$2").toLowerCase()] = value;
  return headers;
}

/** Must run before the gateway loads its schema (it listens for the load). */
export async function startHubEvents(options: HubEventsOptions): Promise<HubEvents> {
  const { config, embedded, logger } = options;
  const bus = await openEventBus({ natsUrl: config.natsUrl, stream: config.natsStream, retention: { maxAgeMs: config.retentionMs, maxEvents: config.natsUrl ? 10_000_000 : EMBEDDED_MAX_EVENTS } });
  const fanout = await EventFanout.start(bus, { ringSize: 10_000, subscriberBuffer: config.subscriberBuffer }, logger);
  const owners = new Map<string, SubscriptionOwner>();
  for (const subgraph of embedded?.subgraphs ?? []) {
    const running = embedded!.runtime.running.get(subgraph.name)!;
    const owner = localOwner(subgraph.schema, (caller) => running.createContext(caller), fanout);
    for (const field of Object.keys(subgraph.schema.getSubscriptionType()?.getFields() ?? {})) owners.set(field, owner);
  }
  const subscriptions = serveSubscriptions({ server: options.server, apollo: options.apollo, fanout, authenticate: options.authenticate, ownerOf: (field) => owners.get(field), logger });
  options.gateway.onSchemaLoadOrUpdate(({ apiSchema, coreSupergraphSdl }) => {
    // Distributed: each subscription field is served by its owning subgraph's server.
    const hub = options.hub;
    if (!embedded && hub?.internalSecret) {
      for (const [field, name] of subscriptionFieldOwners(coreSupergraphSdl)) {
        if (hub.subgraphUrls[name]) owners.set(field, remoteOwner(hub.subgraphUrls[name]!, hub.internalSecret));
      }
    }
    subscriptions.useApiSchema(apiSchema);
  });
  // The gateway's process signs webhooks with the key its authorization server holds (in memory with DATA_DIR=memory://).
  const keys = options.hub ? () => hubSigningKeys(options.hub!, { generate: true }) : undefined;
  const background = embedded ? await (await import("../subgraphs/background.js")).startBackgroundWork(embedded.runtime, bus, config, logger, options.hub, keys) : undefined;
  if (!embedded && !config.natsUrl) logger.warn("distributed mode without NATS_URL: subscriptions receive no events (the subgraphs' relays publish to NATS)");
  return {
    bus,
    fanout,
    subscriptions,
    background,
    receivesEvents: !!embedded || !!config.natsUrl,
    async close() {
      await subscriptions.close();
      await background?.stop();
      await fanout.close();
      await bus.close();
    },
  };
}
