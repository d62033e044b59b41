/**
 * @module Opens what subgraphs run on: the database, the bank connectors, then each subgraph
 * (migrations, sandbox seed). Used by the embedded hub (all subgraphs) and by a single subgraph
 * server in distributed mode.
 */
import { ConnectorRegistry, type BankConfig } from "../connectors/registry.js";
import type { HubKeySource } from "../gateway/auth/keys.js";
import { Database } from "./shared/orm.js";
import type { RunningSubgraph, Subgraph } from "./shared/subgraph.js";

export interface RuntimeOptions {
  databaseUrl?: string;
  dataDir: string;
  seed: boolean;
  banks: BankConfig[];
  subgraphs: readonly Subgraph[];
  /** See SubgraphDeps.allowHttpLoopback. */
  allowHttpLoopback?: boolean;
  /** See SubgraphDeps.signingKeys. */
  signingKeys?: HubKeySource;
}

export interface Runtime {
  db: Database;
  connectors: ConnectorRegistry;
  running: Map<string, RunningSubgraph>;
  readiness(): Promise<Record<string, { ok: boolean; detail?: string }>>;
  close(): Promise<void>;
}

export async function openRuntime(options: RuntimeOptions): Promise<Runtime> {
  const db = await Database.open({ url: options.databaseUrl, dataDir: options.dataDir });
  try {
    const connectors = await ConnectorRegistry.create(options.banks, { db, seed: options.seed });
    const running = new Map<string, RunningSubgraph>();
    for (const subgraph of options.subgraphs) running.set(subgraph.name, await subgraph.open({ db, connectors, seed: options.seed, allowHttpLoopback: options.allowHttpLoopback, signingKeys: options.signingKeys }));
    return {
      db,
      connectors,
      running,
      async readiness() {
        const checks: Record<string, { ok: boolean; detail?: string }> = {};
        checks.database = await db.ping().then(
          () => ({ ok: true }),
          (error: Error) => ({ ok: false, detail: error.message }),
        );
        await Promise.all(
          connectors.banks().map(async (bank) => {
            const health = await connectors
              .get(bank.id)
              .health()
              .catch((error: Error) => ({ status: "down" as const, detail: error.message }));
            checks[`bank:${bank.id}`] = { ok: health.status !== "down", detail: health.detail };
          }),
        );
        return checks;
      },
      async close() {
        await connectors.close();
        await db.close();
      },
    };
  } catch (error) {
    await db.close();
    throw error;
  }
}
