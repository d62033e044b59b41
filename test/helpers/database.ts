/**
 * Test databases. With DATABASE_URL set (as CI does), each caller gets a fresh PostgreSQL database
 * created next to the configured one and dropped afterwards, so test files run in parallel without
 * sharing rows. Without it, an in-memory PGlite. Under CI=true a missing or unreachable PostgreSQL
 * fails the test instead of quietly falling back.
 */
import pg from "pg";
import { randomBytes } from "node:crypto";
import { Database } from "../../subgraphs/shared/orm.js";

export interface TestDatabase {
  db: Database;
  url?: string;
  drop(): Promise<void>;
}

export function postgresUrl(): string | undefined {
  const url = process.env.DATABASE_URL;
  if (!url && process.env.CI === "true") {
    throw new Error("CI=true but DATABASE_URL is not set: the suite must run against PostgreSQL in CI (.ci/run sets it).");
  }
  return url;
}

/** Creates an empty database on the configured server and returns its URL. */
export async function createScratchDatabase(baseUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `hub_test_${process.pid}_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  try {
    await admin.connect();
  } catch (error) {
    throw new Error(`PostgreSQL at DATABASE_URL is unreachable (${(error as Error).message}); start it or unset DATABASE_URL.`);
  }
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: baseUrl });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}

export async function openTestDatabase(options: { embedded?: boolean } = {}): Promise<TestDatabase> {
  const baseUrl = options.embedded ? undefined : postgresUrl();
  if (!baseUrl) {
    const db = await Database.open({ dataDir: "memory://" });
    return { db, drop: () => db.close() };
  }
  const scratch = await createScratchDatabase(baseUrl);
  const db = await Database.open({ url: scratch.url, dataDir: "memory://", poolSize: 4 });
  return {
    db,
    url: scratch.url,
    async drop() {
      await db.close();
      await scratch.drop();
    },
  };
}
