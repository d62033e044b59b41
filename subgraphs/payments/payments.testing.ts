/** @module The payments subgraph on a fresh test database with the seeded sandbox banks, as its tests drive it. */
import { graphql } from "graphql";
import { ConnectorRegistry } from "../../connectors/registry.js";
import { SANDBOX_BANKS } from "../../connectors/sandbox/banks.js";
import { openTestDatabase, type TestDatabase } from "../../test/helpers/database.js";
import { operatorCaller, type Caller } from "../shared/context.js";
import { sql } from "../shared/orm.js";
import type { RunningSubgraph } from "../shared/subgraph.js";
import type { PaymentsContext } from "./context.js";
import { payments } from "./index.js";

export interface PaymentsUnderTest {
  testDb: TestDatabase;
  connectors: ConnectorRegistry;
  running: RunningSubgraph;
  /** Executes an operation on the subgraph's schema as `caller` (default: the one given at open). */
  run(source: string, variableValues?: Record<string, unknown>, caller?: Caller): Promise<{ data?: any; errors?: readonly any[] }>;
  /** A fresh operator context: its EntityManager and services. */
  ctx(): PaymentsContext;
  /** The number a `select count(*) as n …` returns. */
  count(query: string, params?: unknown[]): Promise<number>;
  /** How often the bank's connector was asked for `operation`. */
  calls(operation: string, bankId?: string): number;
  close(): Promise<void>;
}

export async function openPaymentsUnderTest(defaultCaller: Caller = operatorCaller): Promise<PaymentsUnderTest> {
  const testDb = await openTestDatabase();
  const connectors = await ConnectorRegistry.create(SANDBOX_BANKS, { db: testDb.db, seed: true });
  const running = await payments.open({ db: testDb.db, connectors, seed: true, allowHttpLoopback: true });
  const ctx = () => running.createContext(operatorCaller) as PaymentsContext;
  return {
    testDb,
    connectors,
    running,
    ctx,
    async run(source, variableValues = {}, caller = defaultCaller) {
      return (await graphql({ schema: payments.schema, source, variableValues, contextValue: running.createContext(caller) })) as { data?: any; errors?: readonly any[] };
    },
    async count(query, params = []) {
      return Number((await sql<{ n: unknown }>(ctx().em, query, params))[0]!.n);
    },
    calls: (operation, bankId = "musterbank") => connectors.calls.get(`${bankId}.${operation}`) ?? 0,
    async close() {
      await connectors.close();
      await testDb.drop();
    },
  };
}
