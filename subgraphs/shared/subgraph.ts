/** @module What a subgraph folder exports, and what running one gives the gateway. */
import type { GraphQLSchema, DocumentNode } from "graphql";
import type { NonEmptyArray } from "type-graphql";
import type { ConnectorRegistry } from "../../connectors/registry.js";
import type { HubKeySource } from "../../gateway/auth/keys.js";
import { buildFederatedSchema, type ReferenceResolvers } from "./build-subgraph.js";
import type { Caller } from "./context.js";
import type { Database } from "./orm.js";

export interface SubgraphDeps {
  db: Database;
  connectors: ConnectorRegistry;
  /** Write the deterministic sandbox data on first start. */
  seed: boolean;
  /** URLs TPPs register for the hub to call (webhooks): plain http to loopback allowed (sandbox, never production). */
  allowHttpLoopback?: boolean;
  /** The hub's signing keys (those /oauth/jwks publishes), for what a subgraph sends signed (SPI calls). */
  signingKeys?: HubKeySource;
}

export interface RunningSubgraph {
  /** A fresh per-request context: EntityManager fork, DataLoaders, the caller. */
  createContext(caller: Caller): object;
}

export interface SubgraphDefinition {
  name: string;
  /** Port in distributed mode (4001, 4002, …). */
  port: number;
  resolvers: NonEmptyArray<Function>;
  orphanedTypes?: Function[];
  references?: ReferenceResolvers;
  open(deps: SubgraphDeps): Promise<RunningSubgraph>;
}

export interface Subgraph extends SubgraphDefinition {
  readonly schema: GraphQLSchema;
  readonly typeDefs: DocumentNode;
}

export function defineSubgraph(definition: SubgraphDefinition): Subgraph {
  let built: ReturnType<typeof buildFederatedSchema> | undefined;
  const build = () => (built ??= buildFederatedSchema(definition));
  return {
    ...definition,
    get schema() {
      return build().schema;
    },
    get typeDefs() {
      return build().typeDefs;
    },
  };
}
