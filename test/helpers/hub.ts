/** Starts a whole hub for a test file on an ephemeral port, and talks to it over real HTTP. */
import { SANDBOX_BANKS } from "../../connectors/sandbox/banks.js";
import type { HubConfig } from "../../gateway/config.js";
import { startHub, type Hub } from "../../gateway/hub.js";
import { createLogger } from "../../gateway/logger.js";
import { createScratchDatabase, postgresUrl } from "./database.js";

export interface TestHub extends Hub {
  stop(): Promise<void>;
}

export function testConfig(overrides: Partial<HubConfig> = {}): HubConfig {
  return {
    port: 0,
    host: "127.0.0.1",
    production: false,
    dataDir: "memory://",
    seed: true,
    banks: SANDBOX_BANKS,
    subgraphUrls: {},
    maxQueryDepth: 12,
    maxQueryCost: 20_000,
    maxBodyBytes: 100_000,
    logLevel: "silent",
    ...overrides,
  };
}

/** Embedded hub: on a scratch PostgreSQL database when DATABASE_URL is set, else on PGlite (or force PGlite with embedded). */
export async function startTestHub(overrides: Partial<HubConfig> = {}, options: { embedded?: boolean } = {}): Promise<TestHub> {
  const baseUrl = options.embedded ? undefined : postgresUrl();
  const scratch = baseUrl ? await createScratchDatabase(baseUrl) : undefined;
  const config = testConfig({ databaseUrl: scratch?.url, ...overrides });
  const hub = await startHub(config, createLogger(config.logLevel));
  return {
    ...hub,
    async stop() {
      await hub.close();
      await scratch?.drop();
    },
  };
}

export interface GraphQLResponse<T = any> {
  status: number;
  data?: T;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, any> }[];
}

export async function gql<T = any>(url: string, query: string, variables?: Record<string, unknown>, headers: Record<string, string> = {}): Promise<GraphQLResponse<T>> {
  const response = await fetch(`${url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as GraphQLResponse<T>;
  return { ...body, status: response.status };
}
