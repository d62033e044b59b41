/** @module What every gateway under test is given, and what it hands back. */

export interface GatewaySetup {
  /** Which supergraph: the hub's own (banking) or the fan-out one. */
  graph: "banking" | "fanout";
  supergraphSdl: string;
  /** Subgraph routing URLs by name (absent for ours embedded). */
  subgraphUrls: Record<string, string>;
  /** Secret the hub's subgraphs verify caller tokens with. */
  secret: string;
  /** PostgreSQL URL for ours embedded (undefined: PGlite in memory). */
  databaseUrl?: string;
}

export interface RunningGateway {
  /** Base URL; GraphQL is at `${url}/graphql`. */
  url: string;
  /** Anything else the harness should know (ours: the OAuth issuer, when authentication is on). */
  info?: Record<string, unknown>;
  /** Counters only the gateway process can see (ours embedded: in-process subgraph calls, SQL). */
  counters?(): { subgraphCalls?: number; statements?: number; coreCalls?: number };
  close(): Promise<void>;
}
