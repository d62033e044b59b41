/**
 * @module Child process: the subgraphs every distributed gateway of a run talks to.
 *   banking: the hub's five subgraphs (subgraphs/server.ts) on one runtime and database, as in
 *            test/e2e/distributed.test.ts;
 *   fanout:  the four fan-out subgraphs of bench/fanout on lean HTTP servers.
 * Counts the GraphQL requests they answer and (banking) the SQL statements sent, and replays
 * recorded answers when the parent switches replay on (bench/lib/replay.ts).
 */
import "../gateway/no-telemetry.js";
import { SANDBOX_BANKS } from "../connectors/sandbox/banks.js";
import { subgraphs } from "../subgraphs/index.js";
import { openRuntime } from "../subgraphs/runtime.js";
import { serveSubgraph } from "../subgraphs/server.js";
import type { IncomingMessage, ServerResponse } from "node:http";
import { fanoutSubgraphs } from "./fanout/subgraphs.js";
import { serveLean } from "./fanout/server.js";
import { readBody, ReplayCache } from "./lib/replay.js";
import { serveIpc, type Started } from "./lib/serve-ipc.js";

const kind = process.argv[2];
const replay = new ReplayCache();
const setReplay = ({ on }: { on: boolean }) => {
  replay.enabled = on;
  return { replay: on };
};

async function banking(): Promise<Started> {
  const secret = process.env.BENCH_SECRET!;
  const runtime = await openRuntime({ databaseUrl: process.env.BENCH_DATABASE_URL || undefined, dataDir: "memory://", seed: true, banks: SANDBOX_BANKS, subgraphs });
  let requests = 0;
  const servers = await Promise.all(subgraphs.map((s) => serveSubgraph(s, runtime, { port: 0, host: "127.0.0.1", secret, maxBodyBytes: 1_000_000 })));
  for (const { server } of servers) {
    server.keepAliveTimeout = 60_000;
    // In front of the express app: count, replay when asked, otherwise record what the app answers.
    const app = server.listeners("request") as ((req: IncomingMessage, res: ServerResponse) => void)[];
    server.removeAllListeners("request");
    server.on("request", async (req: IncomingMessage, res: ServerResponse) => {
      if (req.method !== "POST") return app.forEach((listener) => listener.call(server, req, res));
      requests++;
      const raw = (await readBody(req)).toString("utf8");
      const key = replay.keyOf(raw);
      if (replay.tryReplay(key, res)) return;
      let body: unknown;
      try {
        body = JSON.parse(raw);
      } catch {
        body = undefined;
      }
      (req as IncomingMessage & { body?: unknown }).body = body; // the stream is consumed: express.json keeps this
      replay.capture(key, res);
      app.forEach((listener) => listener.call(server, req, res));
    });
  }
  return {
    info: { urls: Object.fromEntries(subgraphs.map((s, i) => [s.name, servers[i]!.url])) },
    handlers: {
      counters: () => ({ requests, replayed: replay.hits, statements: runtime.db.statements.count, coreCalls: runtime.connectors.totalCalls() }),
      replay: setReplay,
    },
    async close() {
      for (const server of servers) await server.close();
      await runtime.close();
    },
  };
}

async function fanout(): Promise<Started> {
  const built = fanoutSubgraphs();
  const servers = await Promise.all(built.map((s) => serveLean(s.schema, replay)));
  return {
    info: { urls: Object.fromEntries(built.map((s, i) => [s.name, servers[i]!.url])) },
    handlers: {
      counters: () => ({ requests: servers.reduce((sum, s) => sum + s.requests(), 0), replayed: replay.hits }),
      replay: setReplay,
    },
    async close() {
      await Promise.all(servers.map((s) => s.close()));
    },
  };
}

await serveIpc(kind === "fanout" ? fanout : banking);
