/**
 * @module (d) The floor: a minimal node:http server that makes the same subgraph calls as the
 * gateways (Apollo's query plan, cached by operation text) and returns the same JSON.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { callerTokens, CALLER_HEADER } from "../lib/caller-tokens.js";
import { postJson } from "../lib/post-json.js";
import { FloorPlanner, runPlan, type PreparedOperation } from "./floor-plan.js";
import type { GatewaySetup, RunningGateway } from "./types.js";

const MAX_PLANS = 1_000;

export async function start(setup: GatewaySetup): Promise<RunningGateway> {
  const planner = new FloorPlanner(setup.supergraphSdl);
  const tokens = await callerTokens(setup.secret);
  const plans = new Map<string, PreparedOperation>();
  const send = async (serviceName: string, body: string, authorization: string) => {
    const res = await postJson(setup.subgraphUrls[serviceName]!, body, { authorization, [CALLER_HEADER]: tokens.current() });
    if (res.status !== 200 || !res.body) throw new Error(`${serviceName} answered HTTP ${res.status}: ${res.text.slice(0, 200)}`);
    return res.body;
  };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", async () => {
      let json: string;
      let status = 200;
      try {
        const { query, variables, operationName } = JSON.parse(Buffer.concat(chunks).toString("utf8"));
        const key = `${operationName ?? ""}\n${query}`;
        let prepared = plans.get(key);
        if (!prepared) {
          prepared = planner.prepare(query, operationName ?? undefined);
          if (plans.size >= MAX_PLANS) plans.delete(plans.keys().next().value!);
          plans.set(key, prepared);
        }
        const authorization = req.headers.authorization ?? "";
        json = await runPlan(prepared, variables ?? {}, (service, body) => send(service, body, authorization), planner.schema);
      } catch (error) {
        status = 500;
        json = JSON.stringify({ errors: [{ message: (error as Error).message }] });
      }
      res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(json) });
      res.end(json);
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    async close() {
      tokens.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
