/**
 * @module Child process: one gateway under test, pinned by the parent to its own core.
 *   argv: <ours-embedded|ours-distributed|apollo|hive|floor> <setup.json>
 * Answers `counters` (what only it can count) and `usage` (CPU time, peak RSS) over IPC.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { serveIpc } from "./lib/serve-ipc.js";
import type { GatewaySetup, RunningGateway } from "./gateways/types.js";

const [kind, setupFile] = process.argv.slice(2);
const setup = JSON.parse(readFileSync(setupFile!, "utf8")) as GatewaySetup;

async function startGateway(): Promise<RunningGateway> {
  switch (kind) {
    case "ours-embedded":
      return (await import("./gateways/ours.js")).start(setup, "embedded");
    case "ours-distributed":
      return (await import("./gateways/ours.js")).start(setup, "distributed");
    case "apollo":
      return (await import("./gateways/apollo.js")).start(setup);
    case "hive":
      return (await import("./gateways/hive.js")).start(setup);
    case "floor":
      return (await import("./gateways/floor.js")).start(setup);
    default:
      throw new Error(`unknown gateway "${kind}"`);
  }
}

/**
 * BENCH_ALLOC_PROFILE=<file>: ours records where it allocates (V8's sampling heap profiler, counting
 * objects the GC has already collected too) and writes the profile to that file when it stops; read
 * it with bench/alloc-summary.ts. Allocation drives the GC share of a CPU profile.
 */
const allocFile = process.env.BENCH_ALLOC_PROFILE && kind!.startsWith("ours") ? process.env.BENCH_ALLOC_PROFILE : undefined;

async function recordAllocations(gateway: RunningGateway, file: string): Promise<void> {
  const { Session } = await import("node:inspector");
  const session = new Session();
  session.connect();
  const post = (method: string, params?: object) =>
    new Promise<any>((resolve, reject) => session.post(method, params as never, (error: Error | null, result: unknown) => (error ? reject(error) : resolve(result))));
  await post("HeapProfiler.enable");
  await post("HeapProfiler.startSampling", { samplingInterval: 16_384, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
  const close = gateway.close;
  gateway.close = async () => {
    const { profile } = await post("HeapProfiler.stopSampling");
    writeFileSync(file, JSON.stringify(profile));
    await close();
  };
}

await serveIpc(async () => {
  const gateway = await startGateway();
  if (allocFile) await recordAllocations(gateway, allocFile);
  return {
    info: { url: gateway.url, ...gateway.info },
    handlers: { counters: () => gateway.counters?.() ?? {} },
    close: () => gateway.close(),
  };
});
