/** `npm run start:subgraph -- <name>`: one subgraph over HTTP, for distributed mode. */
import "../gateway/no-telemetry.js";
import { hubSigningKeys } from "../gateway/auth/keys.js";
import { ConfigError, loadConfig } from "../gateway/config.js";
import { createLogger } from "../gateway/logger.js";
import { subgraphByName, subgraphNames } from "./index.js";
import { openRuntime } from "./runtime.js";
import { serveSubgraph } from "./server.js";
import { eventsConfigFromEnv } from "../events/config.js";
import { startSubgraphEvents } from "./subgraph-events.js";

const logger = createLogger(process.env.LOG_LEVEL || "info");
try {
  const name = process.argv[2] ?? process.env.SUBGRAPH;
  if (!name) throw new ConfigError(`Name the subgraph: npm run start:subgraph -- <${subgraphNames.join("|")}>`);
  const subgraph = subgraphByName(name);
  const config = loadConfig({ ...process.env, PORT: process.env.PORT ?? String(subgraph.port) }, subgraphNames);
  if (!config.databaseUrl) throw new ConfigError("A subgraph on its own needs DATABASE_URL: subgraphs share PostgreSQL in distributed mode.");
  if (!config.internalSecret) throw new ConfigError("A subgraph on its own needs HUB_INTERNAL_SECRET, the secret the gateway signs callers with.");
  const runtime = await openRuntime({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, seed: config.seed, banks: config.banks, subgraphs: [subgraph], allowHttpLoopback: config.webhooks?.allowHttpLoopback, signingKeys: () => hubSigningKeys(config, { generate: false }) });
  const served = await serveSubgraph(subgraph, runtime, { port: config.port, host: config.host, secret: config.internalSecret, maxBodyBytes: config.maxBodyBytes });
  const events = await startSubgraphEvents({ subgraph, runtime, server: served.server, config: eventsConfigFromEnv(), secret: config.internalSecret, hub: config, logger });
  logger.info({ subgraph: name, url: served.url }, "subgraph ready");
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      served
        .close()
        .then(() => events.close())
        .then(() => runtime.close())
        .then(
          () => process.exit(0),
          () => process.exit(1),
        );
    });
  }
} catch (error) {
  logger.fatal(error instanceof ConfigError ? error.message : { err: error }, "subgraph failed to start");
  process.exit(error instanceof ConfigError ? 2 : 1);
}
