/** `npm start`: the whole hub in one process (embedded), or the gateway alone (distributed). */
import "./no-telemetry.js";
import { subgraphNames } from "../subgraphs/index.js";
import { ConfigError, loadConfig } from "./config.js";
import { startHub } from "./hub.js";
import { createLogger } from "./logger.js";

const logger = createLogger(process.env.LOG_LEVEL || "info");
try {
  const config = loadConfig(process.env, subgraphNames);
  const started = Date.now();
  const hub = await startHub(config, logger.child({}, { level: config.logLevel }));
  const mode = Object.keys(config.subgraphUrls).length ? "distributed" : `embedded, ${config.databaseUrl ? "PostgreSQL" : `PGlite in ${config.dataDir}`}`;
  logger.info({ url: `${hub.url}/graphql`, mode, startupMs: Date.now() - started }, "open-banking hub ready");
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      logger.info({ signal }, "shutting down");
      hub.close().then(
        () => process.exit(0),
        (error) => {
          logger.error({ err: error }, "shutdown failed");
          process.exit(1);
        },
      );
    });
  }
} catch (error) {
  if (error instanceof ConfigError) {
    logger.fatal(error.message);
    process.exit(2);
  }
  logger.fatal({ err: error }, "hub failed to start");
  process.exit(1);
}
