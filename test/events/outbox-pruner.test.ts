/**
 * Outbox pruning on a real database (PGlite, or PostgreSQL with DATABASE_URL): published rows older
 * than the retention window go, in batches; unpublished rows stay however old; a type kept longer
 * (the consent clock's consent.expiring record) stays for its own age.
 */
import type { MikroORM } from "@mikro-orm/core";
import { Migration } from "@mikro-orm/migrations";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OutboxPruner } from "../../events/outbox-pruner.js";
import { createLogger } from "../../gateway/logger.js";
import { sql } from "../../subgraphs/shared/orm.js";
import { outboxTableSql, recordEvent } from "../../subgraphs/shared/outbox.js";
import { openTestDatabase, type TestDatabase } from "../helpers/database.js";

class CreateJournal extends Migration {
  override up(): void {
    this.addSql(`create schema if not exists journal`);
    for (const statement of outboxTableSql("journal")) this.addSql(statement);
  }
}

const HOUR = 3_600_000;
const logger = createLogger("silent");

describe(`outbox pruning (${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"})`, () => {
  let database: TestDatabase;
  let orm: MikroORM;

  beforeAll(async () => {
    database = await openTestDatabase();
    orm = await database.db.orm({ schema: "journal", migrations: [{ name: "journal", class: CreateJournal }] });
  });
  afterAll(async () => {
    await database.drop();
  });

  /** A row of `type`, published `publishedHoursAgo` (null: never published). */
  async function row(type: string, publishedHoursAgo: number | null): Promise<string> {
    return orm.em.fork().transactional(async (tx) => {
      const id = await recordEvent(tx, "journal", { type, subject: `Thing:${type}`, payload: {} });
      if (publishedHoursAgo !== null) {
        await sql(tx, `update journal.outbox set created_at = now() - ? * interval '1 hour', published_at = now() - ? * interval '1 hour' where id = ?`, [
          publishedHoursAgo + 1,
          publishedHoursAgo,
          id,
        ]);
      }
      return id;
    });
  }

  const remaining = async () => (await sql<{ id: string }>(orm.em.fork(), `select id from journal.outbox order by id`)).map((r) => r.id);

  it("deletes published rows older than the retention window, in batches, and keeps the rest", async () => {
    const old = await Promise.all([1, 2, 3, 4, 5].map(() => row("payment.status_changed", 30)));
    const recent = await row("payment.status_changed", 2);
    const unpublished = await row("payment.status_changed", null);
    await sql(orm.em.fork(), `update journal.outbox set created_at = now() - interval '40 hours' where id = ?`, [unpublished]);

    const pruner = new OutboxPruner({ em: () => orm.em.fork(), schemas: ["journal"], retentionMs: 24 * HOUR, batchSize: 2, logger });
    expect(await pruner.prune()).toEqual({ journal: old.length });
    expect((await remaining()).sort()).toEqual([recent, unpublished].sort());
    // Nothing more to do: a second pass deletes nothing.
    expect(await pruner.prune()).toEqual({ journal: 0 });
  });

  it("prunes periodically once started, and stops", async () => {
    const stale = await row("tpp.status_changed", 48);
    const pruner = new OutboxPruner({ em: () => orm.em.fork(), schemas: ["journal"], retentionMs: 24 * HOUR, intervalMs: 50, logger });
    pruner.start();
    const deadline = Date.now() + 10_000;
    while ((await remaining()).includes(stale) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await remaining()).not.toContain(stale);
    await pruner.stop();
    const later = await row("tpp.status_changed", 48);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await remaining()).toContain(later);
  });
});
