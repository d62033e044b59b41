/**
 * @module Scratch PostgreSQL databases for a run (one for ours embedded, one for the shared subgraph
 * servers), created next to BENCH_DATABASE_URL / DATABASE_URL, or the local server when one answers,
 * and dropped at the end. Without PostgreSQL everything runs on in-memory PGlite.
 */
import pg from "pg";
import { randomBytes } from "node:crypto";

export interface Scratch {
  url: string;
  drop(): Promise<void>;
}

const LOCAL = "postgres://postgres@127.0.0.1:5432/postgres";

/** The server to create scratch databases on, or undefined for PGlite. */
export async function postgresBase(env: NodeJS.ProcessEnv): Promise<string | undefined> {
  const configured = env.BENCH_DATABASE_URL ?? env.DATABASE_URL;
  if (configured === "pglite") return undefined;
  const url = configured ?? LOCAL;
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    await client.end();
    return url;
  } catch (error) {
    if (configured) throw new Error(`PostgreSQL at ${configured} is unreachable: ${(error as Error).message}`);
    return undefined;
  }
}

export async function createScratch(baseUrl: string, label: string): Promise<Scratch> {
  const name = `bench_${label}_${process.pid}_${randomBytes(3).toString("hex")}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
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
