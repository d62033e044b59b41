/**
 * @module Keeps the outboxes to the events retention window: rows the relay published longer ago than
 * `retentionMs` are deleted, a batch per statement, oldest first. Unpublished rows are never touched:
 * an outbox is a queue, not a record (state that must outlive the window lives with its entity).
 */
import type { EntityManager } from "@mikro-orm/core";
import type { Logger } from "pino";
import { sql } from "../subgraphs/shared/orm.js";

export interface OutboxPrunerOptions {
  /** A fresh EntityManager on the database of the outboxes (the relay's: `OutboxRelay.entityManager`). */
  em: () => EntityManager;
  schemas: readonly string[];
  /** Published rows older than this are deleted (the events retention window). */
  retentionMs: number;
  /** How often to prune (default 10 minutes). */
  intervalMs?: number;
  /** Rows deleted per statement (default 1,000). */
  batchSize?: number;
  logger: Logger;
}

export class OutboxPruner {
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;

  constructor(private readonly options: OutboxPrunerOptions) {}

  start(): void {
    this.timer = setInterval(() => {
      this.running ??= this.prune()
        .catch((error: unknown) => this.options.logger.warn({ err: error }, "outbox pruning failed; trying again at the next interval"))
        .finally(() => (this.running = undefined));
    }, this.options.intervalMs ?? 600_000);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** One pass over every schema; returns the rows deleted per schema. */
  async prune(): Promise<Record<string, number>> {
    const deleted: Record<string, number> = {};
    for (const schema of this.options.schemas) deleted[schema] = await this.pruneSchema(this.options.em(), schema);
    return deleted;
  }

  private async pruneSchema(em: EntityManager, schema: string): Promise<number> {
    const { retentionMs, batchSize = 1_000 } = this.options;
    let total = 0;
    for (;;) {
      const rows = await sql(
        em,
        `delete from "${schema}".outbox where id in (select id from "${schema}".outbox
           where published_at is not null and published_at < now() - ? * interval '1 millisecond' order by id limit ${batchSize}) returning id`,
        [retentionMs],
      );
      total += rows.length;
      if (rows.length < batchSize) return total;
    }
  }
}
