/**
 * @module The relay: publishes committed outbox rows to the bus and marks them published. A trigger
 * on each outbox table NOTIFYs after commit and wakes it; a slow sweep covers a lost notification.
 * One relay at a time works on a schema (advisory lock), so several hub instances keep the per-schema
 * publish order. A crash between publish and mark publishes the rows again: the bus and its consumers
 * drop them by event id.
 */
import type { EntityManager, MikroORM } from "@mikro-orm/core";
import type { Logger } from "pino";
import type { Database } from "../subgraphs/shared/orm.js";
import { sql } from "../subgraphs/shared/orm.js";
import type { EventBus } from "./bus.js";
import type { HubEvent } from "./event.js";
import { OUTBOX_CHANNEL, migrations } from "./migrations.js";

export interface OutboxRelayOptions {
  db: Database;
  bus: EventBus;
  logger: Logger;
  /** The schemas whose outbox to relay; absent: every schema that has an outbox table. */
  schemas?: readonly string[];
  batchSize?: number;
  /** Fallback sweep when no notification came (ms). */
  sweepMs?: number;
  /** Embedded bus only: how far back published rows are replayed into it at start, so `after` survives a restart. */
  backfillMs?: number;
}

interface OutboxRow {
  id: string;
  type: string;
  subject: string;
  bank_id: string | null;
  tpp_id: string | null;
  psu_id: string | null;
  payload: unknown;
  created_at: string | Date;
}

/** Per schema: the embedded bus holds its log in memory. */
const BACKFILL_LIMIT = 50_000;

const SELECT_COLUMNS = "id, type, subject, bank_id, tpp_id, psu_id, payload, created_at";

export function toHubEvent(row: OutboxRow): HubEvent {
  return {
    id: row.id,
    type: row.type,
    subject: row.subject,
    bankId: row.bank_id,
    tppId: row.tpp_id,
    psuId: row.psu_id,
    payload: (typeof row.payload === "string" ? JSON.parse(row.payload) : row.payload) as Record<string, unknown>,
    occurredAt: new Date(row.created_at).toISOString(),
  };
}

export class OutboxRelay {
  private orm?: MikroORM;
  private schemas: string[] = [];
  private unlisten?: () => Promise<void>;
  private sweep?: NodeJS.Timeout;
  private running?: Promise<void>;
  private again = false;
  private failures = 0;
  private stopped = false;

  constructor(private readonly options: OutboxRelayOptions) {}

  async start(): Promise<void> {
    this.stopped = false;
    const em = await this.install();
    if (this.options.bus.kind === "embedded") await this.backfill(em);
    this.unlisten = await this.options.db.listen(OUTBOX_CHANNEL, () => this.wake());
    this.sweep = setInterval(() => this.wake(), this.options.sweepMs ?? 5_000);
    this.sweep.unref();
    this.wake();
  }

  /**
   * The events schema and a wake-up trigger on each outbox. Relays of several processes may start at
   * the same moment and collide on the same DDL; the loser tries again.
   */
  private async install(attempt = 1): Promise<EntityManager> {
    try {
      this.orm ??= await this.options.db.orm({ schema: "events", migrations });
      const em = this.orm.em.fork();
      this.schemas = this.options.schemas ? [...this.options.schemas] : await outboxSchemas(em);
      for (const schema of this.schemas) {
        await sql(em, `create or replace trigger outbox_notify after insert on "${schema}".outbox for each statement execute function events.notify_outbox()`);
      }
      return em;
    } catch (error) {
      if (attempt >= 5) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100 * attempt + Math.random() * 200));
      return this.install(attempt + 1);
    }
  }

  /** A fresh EntityManager on the relay's database (after start), for work on the same outboxes (pruning). */
  entityManager(): EntityManager {
    if (!this.orm) throw new Error("The outbox relay has not started.");
    return this.orm.em.fork();
  }

  /** Stops waking; an in-flight batch finishes (or, if the bus fails, stays unmarked for the next relay). */
  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.sweep);
    await this.unlisten?.();
    await this.running?.catch(() => {});
  }

  /** Resolves when every row committed before the call has been published (tests, shutdown). */
  async flush(): Promise<void> {
    this.wake();
    while (this.running) await this.running.catch(() => {});
  }

  private wake(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drainAll()
      .then(() => void (this.failures = 0))
      .catch((error: unknown) => {
        // The rows stay unmarked; try again, backing off while the bus (or database) is away.
        const delay = Math.min(10_000, 250 * 2 ** this.failures++);
        if (this.failures <= 1 || this.failures % 10 === 0) this.options.logger.warn({ err: error, failures: this.failures }, "outbox relay: publishing failed; retrying");
        setTimeout(() => this.wake(), delay).unref();
      })
      .finally(() => {
        this.running = undefined;
        if (this.again && !this.stopped) {
          this.again = false;
          this.wake();
        }
      });
  }

  private async drainAll(): Promise<void> {
    for (const schema of this.schemas) while (!this.stopped && (await this.drainBatch(schema)) === "more");
  }

  private drainBatch(schema: string): Promise<"more" | "done"> {
    const limit = this.options.batchSize ?? 500;
    return this.orm!.em.fork().transactional(async (tx) => {
      const [lock] = await sql<{ ok: boolean }>(tx, `select pg_try_advisory_xact_lock(hashtext(?)) as ok`, [`hub-outbox:${schema}`]);
      if (!lock?.ok) {
        // Another relay holds this schema; look again shortly in case it finished before our rows committed.
        setTimeout(() => this.wake(), 200).unref();
        return "done";
      }
      const rows = await sql<OutboxRow>(tx, `select ${SELECT_COLUMNS} from "${schema}".outbox where published_at is null order by id limit ${limit}`);
      if (rows.length === 0) return "done";
      await this.options.bus.publish(rows.map(toHubEvent));
      await sql(tx, `update "${schema}".outbox set published_at = now() where id = any(?::uuid[])`, [`{${rows.map((r) => r.id).join(",")}}`]);
      return rows.length === limit ? "more" : "done";
    });
  }

  private async backfill(em: EntityManager): Promise<void> {
    const since = new Date(Date.now() - (this.options.backfillMs ?? 60 * 60_000)).toISOString();
    for (const schema of this.schemas) {
      const newest = await sql<OutboxRow & { published_at: string }>(
        em,
        `select ${SELECT_COLUMNS}, published_at from "${schema}".outbox where published_at > ? order by published_at desc, id desc limit ${BACKFILL_LIMIT}`,
        [since],
      );
      if (newest.length) await this.options.bus.publish(newest.reverse().map(toHubEvent));
    }
  }
}

async function outboxSchemas(em: EntityManager): Promise<string[]> {
  const rows = await sql<{ schema: string }>(em, `select table_schema as schema from information_schema.tables where table_name = 'outbox' order by 1`);
  return rows.map((r) => r.schema);
}
