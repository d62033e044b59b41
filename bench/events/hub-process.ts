/**
 * @module Child process of `npm run bench:events`: our hub in embedded mode, started as `npm start`
 * starts it (production, configuration through loadConfig; NATS_URL and DATABASE_URL as set).
 * Answers `memory` (after a full GC) and `subscribers` over IPC.
 */
import "../../gateway/no-telemetry.js";
import { loadConfig } from "../../gateway/config.js";
import { startHub } from "../../gateway/hub.js";
import { createLogger } from "../../gateway/logger.js";
import { subgraphNames } from "../../subgraphs/index.js";
import { serveIpc } from "../lib/serve-ipc.js";

const [databaseUrl, secret] = process.argv.slice(2);

await serveIpc(async () => {
  const env = { ...process.env, NODE_ENV: "production", PORT: "0", HOST: "127.0.0.1", DATA_DIR: "memory://", OPERATOR_CLIENT_SECRET: secret, DATABASE_URL: databaseUrl || undefined, LOG_LEVEL: "warn" };
  const config = loadConfig(env, subgraphNames);
  const hub = await startHub(config, createLogger(config.logLevel));
  return {
    info: { url: hub.url, bus: hub.events.bus.kind, database: hub.runtime?.db.kind },
    handlers: {
      memory: () => {
        (globalThis as { gc?: () => void }).gc?.();
        const usage = process.memoryUsage();
        return { heapUsed: usage.heapUsed, rss: usage.rss, external: usage.external };
      },
      subscribers: () => ({ streams: hub.events.fanout.subscriberCount, connections: hub.events.subscriptions.connections }),
    },
    close: () => hub.close(),
  };
});
