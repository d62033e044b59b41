/**
 * No N+1: the SQL statements and core calls one query makes must not grow with the number of
 * accounts it reads. Measured over real HTTP against the embedded hub.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gql, startTestHub, type TestHub } from "../helpers/hub.js";

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(() => hub?.stop());

const QUERY = `query Directory($n: Int!) {
  accounts(first: $n) {
    edges { node {
      iban currency bank { id }
      balances { type amount { amount currency } }
      transactions(first: 10) { edges { node { id amount { amount } bookingDate } } }
    } }
  }
}`;

/**
 * The fewest statements and core calls of three runs: the hub's background work (outbox relay sweep,
 * consent clock) shares the counters and may run during one request, never during all three.
 */
async function measure(n: number) {
  const runs = [await measureOnce(n), await measureOnce(n), await measureOnce(n)];
  return {
    ...runs[0]!,
    statements: Math.min(...runs.map((r) => r.statements)),
    coreCalls: Math.min(...runs.map((r) => r.coreCalls)),
  };
}

async function measureOnce(n: number) {
  const db = hub.runtime!.db;
  const connectors = hub.runtime!.connectors;
  const statementsBefore = db.statements.count;
  const callsBefore = connectors.totalCalls();
  const res = await gql(hub.url, QUERY, { n });
  expect(res.errors).toBeUndefined();
  return {
    accounts: res.data.accounts.edges.length as number,
    transactions: res.data.accounts.edges.reduce((sum: number, e: any) => sum + e.node.transactions.edges.length, 0) as number,
    statements: db.statements.count - statementsBefore,
    coreCalls: connectors.totalCalls() - callsBefore,
  };
}

describe("one query over many accounts", () => {
  it("makes the same number of SQL statements and core calls for 5 accounts as for 50", async () => {
    const small = await measure(5);
    const large = await measure(50);
    expect(small.accounts).toBe(5);
    expect(large.accounts).toBe(50);
    expect(large.transactions).toBeGreaterThan(100);
    expect(large.statements).toBe(small.statements);
    expect(large.coreCalls).toBe(small.coreCalls);
  });

  it("makes at most one core call per bank and operation", async () => {
    const { coreCalls } = await measure(50);
    // accountsByRefs, balances and transactions, for each of the two sandbox banks.
    expect(coreCalls).toBeLessThanOrEqual(3 * 2);
  });
});
