/**
 * @module Builds the hub's one HTTP server: GraphQL at /graphql through Apollo Gateway on the static
 * supergraph, health endpoints, and (embedded mode) every subgraph in-process on one database.
 * Building is separate from listening so tests start it on an ephemeral port.
 */
import "./no-telemetry.js";
import { ApolloGateway, type GraphQLDataSource } from "@apollo/gateway";
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { ApolloServerPluginLandingPageLocalDefault } from "@apollo/server/plugin/landingPage/default";
import { ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { expressMiddleware } from "@as-integrations/express5";
import express, { type NextFunction, type Request, type Response } from "express";
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Logger } from "pino";
import type { Runtime } from "../subgraphs/runtime.js";
import type { Subgraph } from "../subgraphs/shared/subgraph.js";
import { GraphQLError } from "graphql";
import { createAuth, type Auth } from "./auth/index.js";
import { hubSigningKeys } from "./auth/keys.js";
import { berlinGroupFacade } from "./berlin-group/index.js";
import { requireTokenOutsidePublicCatalogue } from "./auth/public-operations.js";
import { invalidateOnRegistryMutations } from "./auth/tpp-status-cache.js";
import { HubError } from "../subgraphs/shared/errors.js";
import type { HubConfig } from "./config.js";
import { createListeningServer } from "./tls.js";
import { formatError } from "./errors.js";
import { graphqlEndpoint } from "./graphql-endpoint.js";
import { operationLimits } from "./limits.js";
import { InProcessDataSource, type GatewayContext } from "./local-data-source.js";
import { mountOps } from "./ops.js";
import { SignedRemoteDataSource } from "./remote-data-source.js";
import { installResultShaping } from "./result-shaping.js";
import { defaultWebhookConfig } from "../events/webhooks/config.js";
import { readSupergraph } from "./supergraph.js";
import { eventsConfigFromEnv, type EventsConfig } from "../events/config.js";
import { connectionHeaders, startHubEvents, type HubEvents } from "./hub-events.js";
import { rootFieldOwners } from "./subscriptions/remote-owner.js";

export interface Hub {
  url: string;
  /** Where the hub's OAuth endpoints and discovery live. */
  issuer: string;
  server: Server;
  /** Present in embedded mode: the database and connectors the in-process subgraphs use. */
  runtime?: Runtime;
  /** The event bus, graphql-ws subscriptions and (embedded) the outbox relay and consent clock. */
  events: HubEvents;
  close(): Promise<void>;
}

/**
 * Embedded mode only: the subgraphs' code (ORM, drivers, connectors: about 110 MB resident) is loaded
 * when the hub runs them in-process, so a distributed gateway never carries it.
 */
async function openEmbedded(config: HubConfig): Promise<{ runtime: Runtime; subgraphs: readonly Subgraph[] }> {
  const [{ subgraphs }, { openRuntime }] = await Promise.all([import("../subgraphs/index.js"), import("../subgraphs/runtime.js")]);
  const { allowHttpLoopback } = config.webhooks ?? defaultWebhookConfig(config.production);
  // SPI calls are signed with the key the authorization server signs tokens with (in memory with DATA_DIR=memory://).
  const signingKeys = () => hubSigningKeys(config, { generate: true });
  const runtime = await openRuntime({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, seed: config.seed, banks: config.banks, subgraphs, allowHttpLoopback, signingKeys });
  return { runtime, subgraphs };
}

function dataSources(config: HubConfig, embedded: { runtime: Runtime; subgraphs: readonly Subgraph[] } | undefined, logger: Logger) {
  return ({ name }: { name: string }): GraphQLDataSource => {
    if (!embedded) return new SignedRemoteDataSource(config.subgraphUrls[name]!, config.internalSecret!);
    const { runtime, subgraphs } = embedded;
    const subgraph = subgraphs.find((s) => s.name === name)!;
    const running = runtime.running.get(name)!;
    return new InProcessDataSource(name, subgraph.schema, (caller) => running.createContext(caller), logger);
  };
}

async function distributedReadiness(config: HubConfig) {
  const checks: Record<string, { ok: boolean; detail?: string }> = {};
  await Promise.all(
    Object.entries(config.subgraphUrls).map(async ([name, url]) => {
      const readyz = new URL("/readyz", url);
      checks[`subgraph:${name}`] = await fetch(readyz, { signal: AbortSignal.timeout(2_000) }).then(
        (res) => ({ ok: res.ok, detail: res.ok ? undefined : `HTTP ${res.status}` }),
        (error: Error) => ({ ok: false, detail: error.message }),
      );
    }),
  );
  return checks;
}

/** Malformed or oversized bodies answer as GraphQL errors, never as an HTML 500. */
function jsonErrors(error: Error & { status?: number; type?: string }, _req: Request, res: Response, next: NextFunction) {
  if (res.headersSent) return next(error);
  const status = error.status && error.status >= 400 && error.status < 500 ? error.status : 500;
  const code = status === 413 ? "PAYLOAD_TOO_LARGE" : status === 400 ? "BAD_REQUEST" : "INTERNAL_SERVER_ERROR";
  const message = status === 413 ? "The request body is larger than this hub accepts." : status === 400 ? `Malformed request: ${error.message}` : "Internal error.";
  res.status(status).json({ errors: [{ message, extensions: { code } }] });
}

/** A distributed gateway loads database code only when it has a database for its authorization server. */
async function openAuthDatabase(config: HubConfig) {
  if (!config.databaseUrl) return undefined;
  const { Database } = await import("../subgraphs/shared/orm.js");
  return Database.open({ url: config.databaseUrl, dataDir: config.dataDir });
}

/** The caller of a GraphQL request; a refused token answers 401 with the reason. */
async function authenticate(auth: Auth, req: IncomingMessage) {
  try {
    return await auth.callerFromRequest(req);
  } catch (error) {
    if (!(error instanceof HubError)) throw error;
    throw new GraphQLError(error.message, { extensions: { ...error.extensions, http: { status: error.httpStatus } } });
  }
}

/** `supergraphSdl` replaces the checked-in supergraph (the benchmark's fan-out graph runs through it). */
export async function startHub(config: HubConfig, logger: Logger, options: { supergraphSdl?: string; events?: EventsConfig } = {}): Promise<Hub> {
  if (!installResultShaping()) logger.warn("result shaping per operation is off: @apollo/gateway is not the version it was written for");
  const local = Object.keys(config.subgraphUrls).length === 0 ? await openEmbedded(config) : undefined;
  const runtime = local?.runtime;
  const app = express();
  app.disable("x-powered-by");
  /** POST /graphql with a JSON body skips express (graphql-endpoint.ts); set once Apollo Server has started. */
  let graphql: ((req: IncomingMessage, res: ServerResponse) => boolean) | undefined;
  const server = createListeningServer((req, res) => {
    if (!graphql?.(req, res)) app(req, res);
  }, config.tls);
  const supergraphSdl = options.supergraphSdl ?? readSupergraph();
  const gateway = new ApolloGateway({ supergraphSdl, buildService: dataSources(config, local, logger) });
  /** Mutations of the TPP registry: their answers drop the cached TPP statuses (auth/tpp-status-cache.ts). */
  const registryMutations = new Set([...rootFieldOwners(supergraphSdl, "Mutation")].filter(([, owner]) => owner === "tpps").map(([field]) => field));
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    introspection: true,
    stopOnTerminationSignals: false,
    validationRules: [operationLimits(config.maxQueryDepth, config.maxQueryCost)],
    formatError,
    includeStacktraceInErrorResponses: false,
    plugins: [
      requireTokenOutsidePublicCatalogue(),
      invalidateOnRegistryMutations(registryMutations, () => auth?.tppStatusChanged()),
      ApolloServerPluginDrainHttpServer({ httpServer: server }),
      config.production ? ApolloServerPluginLandingPageDisabled() : ApolloServerPluginLandingPageLocalDefault({ embed: true }),
    ],
  });
  let events: HubEvents | undefined;
  try {
    events = await startHubEvents({
      config: options.events ?? eventsConfigFromEnv(),
      server,
      gateway,
      apollo,
      embedded: local,
      hub: config,
      logger,
      authenticate: (params) => auth!.callerFromRequest({ headers: connectionHeaders(params) } as IncomingMessage),
    });
    await apollo.start();
  } catch (error) {
    await events?.close();
    await runtime?.close();
    throw error;
  }
  mountOps(app, runtime ? () => runtime.readiness() : () => distributedReadiness(config));
  let auth: Auth | undefined;
  app.use((req, res, next) => (auth ? auth.handle(req, res, next) : next()));
  const context = async (req: IncomingMessage): Promise<GatewayContext> => ({ caller: await authenticate(auth!, req) });
  graphql = graphqlEndpoint(apollo, { maxBodyBytes: config.maxBodyBytes, context });
  app.use("/graphql", express.json({ limit: config.maxBodyBytes }), expressMiddleware(apollo, { context: ({ req }) => context(req) }));
  app.use(berlinGroupFacade({ apollo, auth: () => auth, hub: config, logger }));
  app.use(jsonErrors);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(config.port, config.host, resolve);
  });
  const { port } = server.address() as AddressInfo;
  const url = `${config.tls ? "https" : "http"}://${config.host === "0.0.0.0" ? "localhost" : config.host}:${port}`;
  // Grants and refresh tokens persist in the embedded database, or (distributed) in DATABASE_URL when given.
  const authDb = runtime ? undefined : await openAuthDatabase(config);
  auth = await createAuth(config, apollo, url, logger, runtime?.db ?? authDb, { events: events.receivesEvents ? events.fanout : undefined });
  return {
    url,
    issuer: auth.issuer,
    server,
    runtime,
    events,
    async close() {
      auth?.close();
      await events.close();
      await apollo.stop();
      await runtime?.close();
      await authDb?.close();
    },
  };
}
