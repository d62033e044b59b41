/**
 * @module The Berlin Group facade's overhead: the same account read (an account's balances, under the
 * seeded AIS consent of max.musterman for Finanzblick) through GET /v1/accounts/{id}/balances and through
 * the equivalent GraphQL query, on one embedded hub, one after the other with the same load. Writes
 * bench/results/berlin-group.json; the ratio facade/GraphQL of requests per second is the headline.
 *
 *   npm run bench:berlin-group            (BENCH_DURATION seconds per run, default 10; BENCH_CONNECTIONS, default 20)
 */
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import autocannon from "autocannon";
import { sandboxId } from "../subgraphs/shared/ids.js";
import { startTestHub } from "../test/helpers/hub.js";
import { clientCredentialsToken } from "../test/helpers/tokens.js";

const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);
const CONSENT = sandboxId("consent", "finanzblick:max.musterman");
const GIRO = "DE80760700240271232400";

const BALANCES_QUERY = `query AccountBalances($id: ID!) { account(id: $id) { id iban currency bank { id } balances { type amount { amount currency } referenceDate creditLimitIncluded } } }`;

interface Run {
  requestsPerSecond: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  non2xx: number;
}

function load(options: Record<string, unknown>): Promise<Run> {
  return new Promise((resolve, reject) => {
    autocannon({ connections: CONNECTIONS, duration: DURATION, timeout: 20, ...options }, (error, result) => {
      if (error) return reject(error);
      resolve({ requestsPerSecond: result.requests.average, latencyP50Ms: result.latency.p50, latencyP99Ms: result.latency.p99, non2xx: result.non2xx + result.errors });
    });
  });
}

async function main() {
  const hub = await startTestHub({}, { embedded: !process.env.DATABASE_URL });
  try {
    const token = await clientCredentialsToken(hub.issuer, "finanzblick-sandbox", "finanzblick-sandbox-secret", "accounts");
    const headers = { authorization: `Bearer ${token}`, "consent-id": CONSENT, "psu-ip-address": "192.0.2.1", "x-request-id": "99391c7e-ad88-49ec-a2ad-99ddcb1f7721" };
    const list = (await (await fetch(`${hub.url}/v1/accounts`, { headers })).json()) as { accounts: { iban: string; resourceId: string }[] };
    const id = list.accounts.find((a) => a.iban === GIRO)!.resourceId;

    const restUrl = `${hub.url}/v1/accounts/${id}/balances`;
    const graphqlBody = JSON.stringify({ query: BALANCES_QUERY, variables: { id } });
    const rest = (await (await fetch(restUrl, { headers })).json()) as { balances: unknown[] };
    const graph = (await (await fetch(`${hub.url}/graphql`, { method: "POST", headers: { ...headers, "content-type": "application/json" }, body: graphqlBody })).json()) as {
      data: { account: { balances: unknown[] } };
    };
    if (rest.balances?.length !== graph.data?.account?.balances?.length) throw new Error("the facade and GraphQL disagree on the balances");

    const warm = async () => void (await load({ url: restUrl, headers, duration: 2 }));
    await warm();
    // Alternating halves, so that a change in the shared machine's load hits both sides alike.
    const graphqlRun = () => load({ url: `${hub.url}/graphql`, method: "POST", headers: { ...headers, "content-type": "application/json" }, body: graphqlBody, duration: DURATION / 2 });
    const facadeRun = () => load({ url: restUrl, headers, duration: DURATION / 2 });
    const halves = { graphql: [] as Run[], facade: [] as Run[] };
    halves.graphql.push(await graphqlRun());
    halves.facade.push(await facadeRun());
    halves.facade.push(await facadeRun());
    halves.graphql.push(await graphqlRun());
    const mean = (runs: Run[]): Run => ({
      requestsPerSecond: Number(((runs[0]!.requestsPerSecond + runs[1]!.requestsPerSecond) / 2).toFixed(1)),
      latencyP50Ms: (runs[0]!.latencyP50Ms + runs[1]!.latencyP50Ms) / 2,
      latencyP99Ms: Math.max(runs[0]!.latencyP99Ms, runs[1]!.latencyP99Ms),
      non2xx: runs[0]!.non2xx + runs[1]!.non2xx,
    });
    const graphql = mean(halves.graphql);
    const facade = mean(halves.facade);
    const result = {
      at: new Date().toISOString(),
      machine: { cpus: os.cpus().length, node: process.version, loadAverage: os.loadavg().map((n) => Number(n.toFixed(2))) },
      database: process.env.DATABASE_URL ? "postgresql" : "pglite",
      durationS: DURATION,
      connections: CONNECTIONS,
      read: "one account's balances under an AIS consent",
      graphql,
      facade,
      facadeToGraphqlThroughput: Number((facade.requestsPerSecond / graphql.requestsPerSecond).toFixed(3)),
    };
    mkdirSync(new URL("./results/", import.meta.url), { recursive: true });
    writeFileSync(new URL("./results/berlin-group.json", import.meta.url), `${JSON.stringify(result, null, 2)}\n`);
    console.log(JSON.stringify(result, null, 2));
  } finally {
    await hub.stop();
  }
}

await main();
