/** @module Test helper: one test database with both sandbox banks seeded, opened once per test file. */
import type { EntityManager } from "@mikro-orm/core";
import { openTestDatabase, type TestDatabase } from "../../test/helpers/database.js";
import type { CoreBankingConnector } from "../contract.js";
import { SANDBOX_BANKS } from "./banks.js";
import { createSandboxConnector } from "./index.js";
import { sandboxOrm } from "./store.js";

export interface TestBanks {
  t: TestDatabase;
  musterbank: CoreBankingConnector;
  beispielbank: CoreBankingConnector;
  em(): EntityManager;
  /** Wall-clock milliseconds the seed of both banks took. */
  seedMs: number;
}

export async function openTestBanks(): Promise<TestBanks> {
  const t = await openTestDatabase();
  const orm = await sandboxOrm(t.db);
  const started = performance.now();
  const [musterbank, beispielbank] = [
    await createSandboxConnector(SANDBOX_BANKS[0]!, { db: t.db, seed: true }),
    await createSandboxConnector(SANDBOX_BANKS[1]!, { db: t.db, seed: true }),
  ];
  return { t, musterbank, beispielbank, em: () => orm.em.fork(), seedMs: performance.now() - started };
}
