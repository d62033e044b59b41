/** @module Test harness: the marketplace on a fresh test database, and helpers to run operations against it. */
import { graphql, type ExecutionResult } from "graphql";
import type { ConnectorRegistry } from "../../connectors/registry.js";
import { SANDBOX_BANKS } from "../../connectors/sandbox/banks.js";
import { openTestDatabase } from "../../test/helpers/database.js";
import { operatorCaller, type Caller } from "../shared/context.js";
import { sql } from "../shared/orm.js";
import type { MarketplaceContext } from "./context.js";
import { marketplace } from "./index.js";

/** The marketplace only asks the registry which banks exist; the sandbox bank list answers that. */
const sandboxBanks = {
  bank: (id: string) => SANDBOX_BANKS.find((b) => b.id === id),
  banks: () => SANDBOX_BANKS,
} as unknown as ConnectorRegistry;

export async function openMarketplace() {
  const database = await openTestDatabase();
  const running = await marketplace.open({ db: database.db, connectors: sandboxBanks, seed: true });
  const context = (caller: Caller = operatorCaller) => running.createContext(caller) as MarketplaceContext;

  async function run(source: string, variableValues?: Record<string, unknown>, caller?: Caller): Promise<ExecutionResult<any>> {
    return graphql({ schema: marketplace.schema, source, variableValues, contextValue: context(caller) });
  }

  return {
    db: database.db,
    drop: database.drop,
    context,
    run,
    /** The data of an operation that must succeed. */
    async data(source: string, variableValues?: Record<string, unknown>, caller?: Caller): Promise<any> {
      const result = await run(source, variableValues, caller);
      if (result.errors?.length) throw new Error(`unexpected errors: ${result.errors.map((e) => `${e.extensions?.code}: ${e.message}`).join("; ")}`);
      return result.data;
    },
    /** The code (or, for schema validation errors, the message) of the first error of an operation that must fail. */
    async failure(source: string, variableValues?: Record<string, unknown>, caller?: Caller): Promise<string> {
      const result = await run(source, variableValues, caller);
      const error = result.errors?.[0];
      if (!error) throw new Error(`expected an error, got ${JSON.stringify(result.data)}`);
      return (error.extensions?.code as string | undefined) ?? error.message;
    },
    rows: <T = Record<string, unknown>>(query: string, params: unknown[] = []) => sql<T>(context().em, query, params),
  };
}

export type Harness = Awaited<ReturnType<typeof openMarketplace>>;
