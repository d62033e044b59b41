/**
 * @module The one place that picks a database driver. Everything else asks a `Database` for an
 * ORM bound to its own Postgres schema: PostgreSQL when a URL is configured, otherwise one embedded
 * PGlite instance shared by every schema in the process.
 */
import { MikroORM, type AnyEntity, type EntityClass, type EntityManager, type Options } from "@mikro-orm/core";
import type { Migration } from "@mikro-orm/migrations";
import { Migrator } from "@mikro-orm/migrations";
import { PgliteDriver } from "@mikro-orm/pglite";
import { PostgreSqlDriver } from "@mikro-orm/postgresql";
import { createPostgreSqlTypeParsers } from "@mikro-orm/sql";
import { PGlite } from "@electric-sql/pglite";
import { mkdirSync } from "node:fs";
import pg from "pg";

export interface DatabaseConfig {
  /** postgres://… selects PostgreSQL; absent selects embedded PGlite. */
  url?: string;
  /** PGlite data directory, or "memory://" for a throw-away database. */
  dataDir: string;
  /** Pool size per schema (PostgreSQL only). */
  poolSize?: number;
}

export interface SchemaOrmOptions {
  schema: string;
  entities?: EntityClass<AnyEntity>[];
  migrations: { name: string; class: new (...args: any[]) => Migration }[];
}

/** Counts SQL statements sent, so tests can prove a request's cost does not grow with its size. */
export class StatementCounter {
  count = 0;
  record(sql: string): string {
    this.count++;
    return sql;
  }
}

export class Database {
  readonly statements = new StatementCounter();
  private readonly orms: MikroORM[] = [];

  private constructor(
    readonly config: DatabaseConfig,
    private readonly pglite?: PGlite,
  ) {}

  static async open(config: DatabaseConfig): Promise<Database> {
    if (config.url) return new Database(config);
    if (!config.dataDir.startsWith("memory:")) mkdirSync(config.dataDir, { recursive: true });
    const pglite = await PGlite.create({
      dataDir: config.dataDir,
      // Dates stay strings, as MikroORM expects; arrays of them split plainly.
      parsers: createPostgreSqlTypeParsers((s) => s.slice(1, -1).split(",").filter(Boolean)),
    });
    return new Database(config, pglite);
  }

  get kind(): "postgresql" | "pglite" {
    return this.pglite ? "pglite" : "postgresql";
  }

  /** An ORM whose default schema, migrations and migration table live in `schema`; migrated on return. */
  async orm({ schema, entities = [], migrations }: SchemaOrmOptions): Promise<MikroORM> {
    const common: Options = {
      entities,
      schema,
      discovery: { warnWhenNoEntities: false },
      extensions: [Migrator],
      migrations: { schema, tableName: "mikro_orm_migrations", migrationsList: migrations, silent: true, snapshot: false },
      allowGlobalContext: false,
      onQuery: (sql: string) => this.statements.record(sql),
    } as unknown as Options;
    const options: Options = this.pglite
      ? { ...common, driver: PgliteDriver, dbName: "hub", driverOptions: { pglite: this.pglite } }
      : { ...common, driver: PostgreSqlDriver, clientUrl: this.config.url, pool: { min: 0, max: this.config.poolSize ?? 10 } };
    const orm = await MikroORM.init(options);
    await orm.em.getConnection().execute(`create schema if not exists "${schema}"`);
    await orm.migrator.up();
    this.orms.push(orm);
    return orm;
  }

  /**
   * Calls `onNotify` for every NOTIFY on `channel` (after the notifying transaction commits) until the
   * returned function is called. PostgreSQL: one dedicated connection, reopened when it drops.
   */
  async listen(channel: string, onNotify: (payload: string) => void): Promise<() => Promise<void>> {
    if (this.pglite) return this.pglite.listen(channel, onNotify);
    let client: pg.Client | undefined;
    let stopped = false;
    const open = async (): Promise<void> => {
      const next = new pg.Client({ connectionString: this.config.url });
      next.on("notification", (message) => message.channel === channel && onNotify(message.payload ?? ""));
      next.on("error", () => {});
      next.on("end", () => {
        if (!stopped) setTimeout(() => open().catch(() => next.emit("end")), 500);
      });
      await next.connect();
      await next.query(`listen "${channel}"`);
      client = next;
      onNotify("");
    };
    await open();
    return async () => {
      stopped = true;
      await client?.end().catch(() => {});
    };
  }

  async ping(): Promise<void> {
    const orm = this.orms[0];
    if (!orm) throw new Error("no schema opened yet");
    await orm.em.getConnection().execute("select 1");
  }

  async close(): Promise<void> {
    for (const orm of this.orms.splice(0)) await orm.close(true);
    if (this.pglite && !this.pglite.closed) await this.pglite.close();
  }
}

/** Raw SQL through an EntityManager, in its transaction when it has one. */
export function sql<T = Record<string, unknown>>(em: EntityManager, query: string, params: unknown[] = []): Promise<T[]> {
  return (em as any).getConnection().execute(query, params, "all", (em as any).getTransactionContext()) as Promise<T[]>;
}
