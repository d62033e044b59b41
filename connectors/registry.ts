/**
 * @module Banks and their connectors. Each bank's configuration names a connector kind; the
 * registry builds one connector per bank and hands it out by bank id, so one hub fronts several
 * banks, each on its own kind of core.
 */
import type { Database } from "../subgraphs/shared/orm.js";
import { HubError } from "../subgraphs/shared/errors.js";
import type { CoreBankingConnector } from "./contract.js";
import { BankPolicy, ResilientConnector, resilienceSettings, type BankHealthReport, type ResilienceConfig } from "./resilience.js";
import { createSandboxConnector, SANDBOX_SCHEMA } from "./sandbox/index.js";

export type BankStatus = "live" | "sandbox" | "maintenance";

export interface BankConfig {
  id: string;
  name: string;
  bic: string;
  country: string;
  status: BankStatus;
  connector: { kind: string; options?: Record<string, unknown> };
  /** Timeouts, retries, circuit breaker and bulkhead for this bank's core (defaults: RESILIENCE_DEFAULTS). */
  resilience?: ResilienceConfig;
  /**
   * Where this bank's PSUs sign in for SCA when its core keeps no customer credentials (ISO 20022,
   * ISO 8583 and most REST/SOAP cores): the id of another configured bank whose connector checks them,
   * e.g. the banking group's identity system. Default: the bank's own connector.
   */
  psuAuthentication?: { bankId: string };
}

export interface ConnectorDeps {
  db: Database;
  /** Write deterministic sandbox data on first start (sandbox connector only). */
  seed: boolean;
}

export type ConnectorFactory = (bank: BankConfig, deps: ConnectorDeps) => Promise<CoreBankingConnector>;

/** Connector kinds that keep their own outbox (the schema holding it): their bookings are events too. */
const outboxSchemas: Record<string, string> = { sandbox: SANDBOX_SCHEMA };

/** Connector kinds by name. Adding a connector is one line here. */
export const connectorFactories: Record<string, ConnectorFactory> = {
  sandbox: createSandboxConnector,
  iso20022: (bank, deps) => import("./iso20022/index.js").then((m) => m.createIso20022Connector(bank, deps)),
  iso8583: (bank, deps) => import("./iso8583/index.js").then((m) => m.createIso8583Connector(bank, deps)),
  rest: (bank, deps) => import("./rest/index.js").then((m) => m.createRestConnector(bank, deps)),
  soap: (bank, deps) => import("./soap/index.js").then((m) => m.createSoapConnector(bank, deps)),
};

export class ConnectorRegistry {
  /** Calls made through the registry, by "bankId.operation" (tests use it to prove batching). */
  readonly calls = new Map<string, number>();

  private constructor(
    private readonly configs: BankConfig[],
    private readonly connectors: Map<string, CoreBankingConnector>,
    private readonly resilient: Map<string, ResilientConnector>,
  ) {}

  static async create(banks: BankConfig[], deps: ConnectorDeps): Promise<ConnectorRegistry> {
    const policies = new Map(banks.map((bank) => [bank.id, new BankPolicy(bank.id, resilienceSettings(bank.id, bank.resilience))]));
    const connectors = new Map<string, ResilientConnector>();
    for (const bank of banks) {
      const factory = connectorFactories[bank.connector.kind];
      if (!factory) {
        throw new Error(`Bank "${bank.id}" names connector kind "${bank.connector.kind}"; known kinds: ${Object.keys(connectorFactories).join(", ")}.`);
      }
      connectors.set(bank.id, new ResilientConnector(await factory(bank, deps), policies.get(bank.id)!));
    }
    for (const bank of banks) {
      const delegate = bank.psuAuthentication?.bankId;
      if (delegate && !connectors.has(delegate)) throw new Error(`Bank "${bank.id}" names psuAuthentication bank "${delegate}", which is not configured.`);
    }
    const registry = new ConnectorRegistry(banks, new Map(), connectors);
    for (const [bankId, connector] of connectors) registry.connectors.set(bankId, registry.counted(bankId, connector));
    return registry;
  }

  banks(): readonly BankConfig[] {
    return this.configs;
  }

  bank(bankId: string): BankConfig | undefined {
    return this.configs.find((b) => b.id === bankId);
  }

  /** Schemas whose outbox the configured banks' connectors write (the sandbox ledger's), for the outbox relay. */
  outboxSchemas(): string[] {
    return [...new Set(this.configs.flatMap((bank) => outboxSchemas[bank.connector.kind] ?? []))];
  }

  /** The bank a request goes to when it names none: the first configured (in the sandbox, the personas' bank). */
  defaultBankId(): string {
    return this.configs[0]!.id;
  }

  /** The connector that checks this bank's PSUs' passwords and one-time codes (see BankConfig.psuAuthentication). */
  psuAuthenticator(bankId: string): { id: string; connector: CoreBankingConnector } {
    const id = this.bank(bankId)?.psuAuthentication?.bankId ?? bankId;
    return { id, connector: this.get(id) };
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

  /** The bank's connector state: circuit, a (cached) health probe, bulkhead load. Never throws for a sick core. */
  health(bankId: string): Promise<BankHealthReport> {
    this.get(bankId);
    this.calls.set(`${bankId}.health`, (this.calls.get(`${bankId}.health`) ?? 0) + 1);
    return this.resilient.get(bankId)!.report();
  }

  /** The bank's resilience policy (circuit state, settings). */
  policy(bankId: string): BankPolicy {
    this.get(bankId);
    return this.resilient.get(bankId)!.policy;
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
