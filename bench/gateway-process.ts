/**
 * @module Child process: one gateway under test, pinned by the parent to its own core.
 *   argv: <ours-embedded|ours-distributed|apollo|hive|floor> <setup.json>
 * Answers `counters` (what only it can count) and `usage` (CPU time, peak RSS) over IPC.
 */
import { readFileSync } from "node:fs";
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

await serveIpc(async () => {
  const gateway = await startGateway();
  return {
    info: { url: gateway.url, ...gateway.info },
    handlers: { counters: () => gateway.counters?.() ?? {} },
    close: () => gateway.close(),
  };
});
