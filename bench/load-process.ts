/**
 * @module Child process: the load generator (autocannon's programmatic API), pinned by the parent to
 * the core the gateway does not use. Every request gets its own body where the scenario varies it,
 * and its own Authorization header.
 */
import autocannon from "autocannon";
import { scenarios, type ScenarioName } from "./scenarios.js";
import { emit, serveIpc } from "./lib/serve-ipc.js";

export interface LoadRun {
  url: string;
  scenario: ScenarioName;
  connections: number;
  durationS: number;
  runId: string;
  /** First request number of this run (numbers never repeat within a benchmark run). */
  firstN: number;
  /** Bearer tokens to cycle through; empty: `Bearer bench-<run>-<n>`, a different one per request. */
  tokens: string[];
}

export interface LoadResult {
  requests: number;
  durationS: number;
  rps: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  bytesPerResponse: number;
  nextN: number;
}

function run(params: LoadRun): Promise<LoadResult> {
  const scenario = scenarios[params.scenario];
  let n = params.firstN;
  const bearer = (i: number) => (params.tokens.length ? params.tokens[i % params.tokens.length]! : `bench-${params.runId}-${i}`);
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: `${params.url}/graphql`,
        connections: params.connections,
        duration: params.durationS,
        method: "POST",
        timeout: 20,
        requests: [
          {
            setupRequest(request: any) {
              const i = n++;
              request.method = "POST";
              request.headers = { "content-type": "application/json", authorization: `Bearer ${bearer(i)}` };
              request.body = scenario.body(i, params.runId);
              return request;
            },
          },
        ],
      },
      (error: Error | null, result: any) => {
        if (error) return reject(error);
        const requests = result.requests.total as number;
        resolve({
          requests,
          durationS: result.duration,
          rps: requests / result.duration,
          p50: result.latency.p50,
          p90: result.latency.p90,
          p99: result.latency.p99,
          max: result.latency.max,
          non2xx: result.non2xx,
          errors: result.errors,
          timeouts: result.timeouts,
          bytesPerResponse: requests ? result.throughput.total / requests : 0,
          nextN: n,
        });
      },
    );
    let second = 0;
    instance.on("tick", ({ counter }: { counter: number }) => emit({ kind: "tick", second: ++second, of: params.durationS, requests: counter }));
  });
}

await serveIpc(async () => ({ info: {}, handlers: { run }, close: async () => {} }));
