/**
 * @module (a) Our hub, started the way `npm start` starts it: configuration from (benchmark-set)
 * environment variables through loadConfig, in production mode, then startHub. Embedded runs every
 * subgraph in-process on its own database; distributed reaches this run's subgraph servers.
 */
import "../../gateway/no-telemetry.js";
import { loadConfig } from "../../gateway/config.js";
import { startHub } from "../../gateway/hub.js";
import { InProcessDataSource } from "../../gateway/local-data-source.js";
import { createLogger } from "../../gateway/logger.js";
import type { GatewaySetup, RunningGateway } from "./types.js";

/** Subgraph fetches made in-process (embedded mode has no HTTP to count them on). */
let inProcessCalls = 0;
const process_ = InProcessDataSource.prototype.process;
InProcessDataSource.prototype.process = function (this: InProcessDataSource, ...args: Parameters<typeof process_>) {
  inProcessCalls++;
  return process_.apply(this, args);
};

export async function start(setup: GatewaySetup, mode: "embedded" | "distributed"): Promise<RunningGateway> {
  // Not subgraphs/index.js: importing it would load the subgraphs' code into a distributed gateway.
  const names = Object.keys(setup.subgraphUrls);
  const env: Record<string, string | undefined> = {
    NODE_ENV: "production",
    PORT: "0",
    HOST: "127.0.0.1",
    DATA_DIR: "memory://",
    LOG_LEVEL: process.env.LOG_LEVEL ?? "info",
    HUB_INTERNAL_SECRET: setup.secret,
    OPERATOR_CLIENT_SECRET: setup.secret,
  };
  if (mode === "embedded") env.DATABASE_URL = setup.databaseUrl;
  else for (const name of names) env[`${name.toUpperCase()}_SUBGRAPH_URL`] = setup.subgraphUrls[name];
  const config = loadConfig(env, names);
  const logger = createLogger(config.logLevel);
  const hub = await startHub(config, logger, setup.graph === "banking" ? {} : { supergraphSdl: setup.supergraphSdl });
  return {
    url: hub.url,
    info: { issuer: (hub as { issuer?: string }).issuer },
    counters: () => ({
      subgraphCalls: mode === "embedded" ? inProcessCalls : undefined,
      statements: hub.runtime?.db.statements.count,
      coreCalls: hub.runtime?.connectors.totalCalls(),
    }),
    close: () => hub.close(),
  };
}
