/**
 * The relay on a real database (PGlite, or PostgreSQL with DATABASE_URL) and a real bus (NATS
 * JetStream with NATS_URL, else embedded): committed rows are published once, in order per subject,
 * across a relay crash between publish and mark and a dropped bus connection; rolled-back rows never.
 */
import type { MikroORM } from "@mikro-orm/core";
import { Migration } from "@mikro-orm/migrations";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "../../gateway/logger.js";
import { openEventBus, type EventBus, type HubEvent } from "../../events/index.js";
import { JetStreamBus } from "../../events/jetstream-bus.js";
import { OutboxRelay } from "../../events/outbox-relay.js";
import { sql } from "../../subgraphs/shared/orm.js";
import { outboxTableSql, recordEvent } from "../../subgraphs/shared/outbox.js";
import { openTestDatabase, type TestDatabase } from "../helpers/database.js";
import { eventually } from "../helpers/events.js";
import { natsUrl, scratchStream } from "../helpers/nats.js";

class CreateLedger extends Migration {
  override up(): void {
    this.addSql(`create schema if not exists ledger`);
    for (const statement of outboxTableSql("ledger")) this.addSql(statement);
  }
}

const logger = createLogger("silent");
const nats = natsUrl();

describe(`outbox relay (${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"}, ${nats ? "NATS JetStream" : "embedded bus"})`, () => {
  let database: TestDatabase;
  let orm: MikroORM;
  let bus: EventBus;

  beforeAll(async () => {
    database = await openTestDatabase();
    orm = await database.db.orm({ schema: "ledger", migrations: [{ name: "ledger", class: CreateLedger }] });
    bus = await openEventBus({ natsUrl: nats, stream: scratchStream() });
  });
  afterAll(async () => {
    if (bus instanceof JetStreamBus) await bus.deleteStream();
    await bus.close();
    await database.drop();
  });

  /** One entry of a subject's ledger: commits, or (every 7th) rolls back after writing its event. */
  async function post(subject: string, n: number): Promise<"committed" | "rolled back"> {
    try {
      await orm.em.fork().transactional(async (tx) => {
        await recordEvent(tx, "ledger", { type: "transaction.booked", subject, payload: { n } });
        if (n % 7 === 3) throw new Error("rollback");
      });
      return "committed";
    } catch {
      return "rolled back";
    }
  }

  it("delivers every committed event once, in order per subject, across a relay crash and a reconnect", async () => {
    const delivered: HubEvent[] = [];
    const subscription = await bus.subscribe({ types: ["transaction.booked"] }, (event) => void delivered.push(event));
    // The first relay publishes to the bus and then dies before marking anything: its batches stay unmarked.
    let crashing = true;
    const crashingBus: EventBus = {
      ...bus,
      kind: bus.kind,
      publish: async (events) => {
        await bus.publish(events);
        if (crashing) throw new Error("relay killed after publish, before mark");
      },
      subscribe: bus.subscribe.bind(bus),
      close: bus.close.bind(bus),
    };
    const first = new OutboxRelay({ db: database.db, bus: crashingBus, logger, schemas: ["ledger"], batchSize: 25 });
    await first.start();
    const subjects = ["Account:a", "Account:b", "Account:c"];
    const outcomes: { subject: string; n: number; outcome: string }[] = [];
    const writers = subjects.map(async (subject) => {
      for (let n = 0; n < 60; n++) {
        outcomes.push({ subject, n, outcome: await post(subject, n) });
        if (n === 30 && subject === "Account:a") {
          await first.stop();
          crashing = false;
          if (bus instanceof JetStreamBus) await bus.connection.reconnect();
        }
      }
    });
    await Promise.all(writers);
    const second = new OutboxRelay({ db: database.db, bus, logger, schemas: ["ledger"], batchSize: 25 });
    await second.start();
    await second.flush();
    const committed = outcomes.filter((o) => o.outcome === "committed");
    await eventually(() => delivered.length, (n) => n >= committed.length);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(delivered.length).toBe(committed.length);
    expect(new Set(delivered.map((e) => e.id)).size).toBe(delivered.length);
    for (const subject of subjects) {
      const expected = committed.filter((o) => o.subject === subject).map((o) => o.n);
      expect(delivered.filter((e) => e.subject === subject).map((e) => e.payload.n)).toEqual(expected);
    }
    expect(delivered.some((e) => (e.payload.n as number) % 7 === 3)).toBe(false);
    await second.stop();
    await subscription.stop();
  });

  it("refills a restarted embedded bus with recently published events, so `after` survives a restart", async () => {
    const published = await sql<{ id: string }>(orm.em.fork(), `select id from ledger.outbox where published_at is not null order by published_at, id`);
    expect(published.length).toBeGreaterThan(3);
    const restarted = await openEventBus({});
    const relay = new OutboxRelay({ db: database.db, bus: restarted, logger, schemas: ["ledger"] });
    await relay.start();
    const replayed: string[] = [];
    const replay = await restarted.subscribe({ fromId: published.at(-4)!.id }, (event) => void replayed.push(event.id));
    await eventually(() => replayed, (ids) => ids.length >= 3);
    expect(replayed).toEqual(published.slice(-3).map((r) => r.id));
    await replay.stop();
    await relay.stop();
    await restarted.close();
  });
});
