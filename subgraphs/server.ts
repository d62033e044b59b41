/**
 * @module Serves one subgraph over HTTP for distributed mode. It answers only requests that carry a
 * caller identity signed by the gateway; everything else is 401.
 */
import "../gateway/no-telemetry.js";
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { expressMiddleware } from "@as-integrations/express5";
import express from "express";
import { GraphQLError } from "graphql";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { CALLER_HEADER, verifyCaller } from "./shared/caller-token.js";
import { HubError } from "./shared/errors.js";
import type { Runtime } from "./runtime.js";
import type { Subgraph } from "./shared/subgraph.js";

export interface SubgraphServer {
  url: string;
  server: Server;
  close(): Promise<void>;
}

export async function serveSubgraph(
  subgraph: Subgraph,
  runtime: Runtime,
  options: { port: number; host: string; secret: string; maxBodyBytes: number },
): Promise<SubgraphServer> {
  const running = runtime.running.get(subgraph.name)!;
  const app = express();
  app.disable("x-powered-by");
  const server = createServer(app);
  const apollo = new ApolloServer<object>({
    schema: subgraph.schema,
    introspection: false,
    stopOnTerminationSignals: false,
    includeStacktraceInErrorResponses: false,
    formatError: (formatted, error) => {
      const original = error instanceof GraphQLError ? error.originalError : undefined;
      if (original && !(original instanceof GraphQLError)) return { message: "Internal error; it has been logged.", path: formatted.path, extensions: { code: "INTERNAL_SERVER_ERROR" } };
      return formatted;
    },
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer: server }), ApolloServerPluginLandingPageDisabled()],
  });
  await apollo.start();
  app.get("/healthz", (_req, res) => {
    res.json({ status: "ok", subgraph: subgraph.name });
  });
  app.get("/readyz", async (_req, res) => {
    const checks = await runtime.readiness();
    const ready = Object.values(checks).every((c) => c.ok);
    res.status(ready ? 200 : 503).json({ status: ready ? "ready" : "not ready", checks });
  });
  app.use(
    "/graphql",
    express.json({ limit: options.maxBodyBytes }),
    expressMiddleware(apollo, {
      context: async ({ req }) => {
        try {
          return running.createContext(await verifyCaller(req.header(CALLER_HEADER), options.secret));
        } catch (error) {
          const status = error instanceof HubError ? error.httpStatus : 401;
          throw new GraphQLError((error as Error).message, { extensions: { code: "UNAUTHENTICATED", http: { status } } });
        }
      },
    }),
  );
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    server,
    close: () => apollo.stop(),
  };
}
