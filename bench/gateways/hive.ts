/**
 * @module (c) Hive Gateway on the same supergraph, programmatically (`createGatewayRuntime` served by
 * node:http, as its documentation shows). No usage reporting is configured (it is off unless given a
 * token), the landing page is off, and the caller token is propagated with its documented
 * `propagateHeaders` option (with the client's Authorization). Everything stays on loopback: the
 * supergraph is given as text.
 */
import { createGatewayRuntime } from "@graphql-hive/gateway-runtime";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { callerTokens, CALLER_HEADER } from "../lib/caller-tokens.js";
import type { GatewaySetup, RunningGateway } from "./types.js";

export async function start(setup: GatewaySetup): Promise<RunningGateway> {
  const tokens = await callerTokens(setup.secret);
  const gateway = createGatewayRuntime({
    supergraph: setup.supergraphSdl,
    landingPage: false,
    graphiql: false,
    logging: "warn",
    // The client's Authorization goes along, as in the public gateway benchmarks: no two in-flight
    // subgraph requests are identical, so its de-duplication of upstream requests cannot flatter it.
    propagateHeaders: {
      fromClientToSubgraphs: ({ request }) => ({ authorization: request.headers.get("authorization") ?? "", [CALLER_HEADER]: tokens.current() }),
    },
  });
  const server = createServer(gateway);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    async close() {
      tokens.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await gateway.dispose();
    },
  };
}
