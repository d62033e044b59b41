/**
 * @module (b) Stock Apollo Gateway in Apollo Server, set up as Apollo's documentation shows:
 * `ApolloGateway` on a static supergraph, `RemoteGraphQLDataSource` with its default fetcher, a
 * `willSendRequest` that adds headers from the context (the caller token, and the client's
 * Authorization, passed on as the gateways of the public benchmarks do), and `startStandaloneServer`.
 */
import "../../gateway/no-telemetry.js";
import { ApolloGateway, RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from "@apollo/gateway";
import { ApolloServer } from "@apollo/server";
import { startStandaloneServer } from "@apollo/server/standalone";
import { callerTokens, CALLER_HEADER } from "../lib/caller-tokens.js";
import type { GatewaySetup, RunningGateway } from "./types.js";

interface Context {
  callerToken: string;
  authorization: string;
}

class AuthenticatedDataSource extends RemoteGraphQLDataSource<Context> {
  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<Context>) {
    request.http!.headers.set(CALLER_HEADER, (context as Context).callerToken);
    request.http!.headers.set("authorization", (context as Context).authorization);
  }
}

export async function start(setup: GatewaySetup): Promise<RunningGateway> {
  const tokens = await callerTokens(setup.secret);
  const gateway = new ApolloGateway({
    supergraphSdl: setup.supergraphSdl,
    buildService: ({ url }) => new AuthenticatedDataSource({ url }),
  });
  const server = new ApolloServer<Context>({ gateway });
  const { url } = await startStandaloneServer(server, {
    listen: { port: 0, host: "127.0.0.1" },
    context: async ({ req }) => ({ callerToken: tokens.current(), authorization: req.headers.authorization ?? "" }),
  });
  return {
    url: url.replace(/\/$/, ""),
    async close() {
      tokens.close();
      await server.stop();
    },
  };
}
