/**
 * @module Banks and their connectors. Each bank's configuration names a connector kind; the
 * registry builds one connector per bank and hands it out by bank id, so one hub fronts several
 * banks, each on its own kind of core.
 */
import type { Database } from "../subgraphs/shared/orm.js";
import { HubError } from "../subgraphs/shared/errors.js";
import type { CoreBankingConnector } from "./contract.js";
import { createSandboxConnector } from "./sandbox/index.js";

export type BankStatus = "live" | "sandbox" | "maintenance";

export interface BankConfig {
  id: string;
  name: string;
  bic: string;
  country: string;
  status: BankStatus;
  connector: { kind: string; options?: Record<string, unknown> };
}

export interface ConnectorDeps {
  db: Database;
  /** Write deterministic sandbox data on first start (sandbox connector only). */
  seed: boolean;
}

export type ConnectorFactory = (bank: BankConfig, deps: ConnectorDeps) => Promise<CoreBankingConnector>;

/** Connector kinds by name. Adding a connector is one line here. */
export const connectorFactories: Record<string, ConnectorFactory> = {
  sandbox: createSandboxConnector,
};

export class ConnectorRegistry {
  /** Calls made through the registry, by "bankId.operation" (tests use it to prove batching). */
  readonly calls = new Map<string, number>();

  private constructor(
    private readonly configs: BankConfig[],
    private readonly connectors: Map<string, CoreBankingConnector>,
  ) {}

  static async create(banks: BankConfig[], deps: ConnectorDeps): Promise<ConnectorRegistry> {
    const connectors = new Map<string, CoreBankingConnector>();
    for (const bank of banks) {
      const factory = connectorFactories[bank.connector.kind];
      if (!factory) {
        throw new Error(`Bank "${bank.id}" names connector kind "${bank.connector.kind}"; known kinds: ${Object.keys(connectorFactories).join(", ")}.`);
      }
      connectors.set(bank.id, await factory(bank, deps));
    }
    const registry = new ConnectorRegistry(banks, new Map());
    for (const [bankId, connector] of connectors) registry.connectors.set(bankId, registry.counted(bankId, connector));
    return registry;
  }

  banks(): readonly BankConfig[] {
    return this.configs;
  }

  bank(bankId: string): BankConfig | undefined {
    return this.configs.find((b) => b.id === bankId);
  }

  get(bankId: string): CoreBankingConnector {
    const connector = this.connectors.get(bankId);
    if (!connector) {
      throw new HubError("BANK_NOT_FOUND", `No bank with id "${bankId}"; known banks: ${this.configs.map((b) => b.id).join(", ")}.`, {
        httpStatus: 404,
        details: { bankId },
      });
    }
    return connector;
  }

  totalCalls(): number {
    let total = 0;
    for (const n of this.calls.values()) total += n;
    return total;
  }

  async close(): Promise<void> {
    for (const connector of this.connectors.values()) await connector.close();
  }

  private counted(bankId: string, connector: CoreBankingConnector): CoreBankingConnector {
    return new Proxy(connector, {
      get: (target, property, receiver) => {
        const value = Reflect.get(target, property, receiver);
        if (typeof value !== "function") return value;
        const key = `${bankId}.${String(property)}`;
        return (...args: unknown[]) => {
          this.calls.set(key, (this.calls.get(key) ?? 0) + 1);
          return value.apply(target, args);
        };
      },
    });
  }
}
