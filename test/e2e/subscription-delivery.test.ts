/**
 * Exactly-once delivery to a subscriber across failures: a stream of payments while the hub's outbox
 * relay is killed and restarted and (on NATS) the bus connection drops. Every committed
 * payment.status_changed reaches a graphql-ws subscriber once, in order per payment, and the event of
 * a rolled-back transaction never does.
 */
import type { EntityManager } from "@mikro-orm/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventsConfigFromEnv } from "../../events/config.js";
import { JetStreamBus } from "../../events/jetstream-bus.js";
import { startHub, type Hub } from "../../gateway/hub.js";
import { createLogger } from "../../gateway/logger.js";
import { systemCaller } from "../../subgraphs/shared/context.js";
import { sql } from "../../subgraphs/shared/orm.js";
import { recordEvent } from "../../subgraphs/shared/outbox.js";
import { sandboxTppId } from "../../subgraphs/shared/sandbox.js";
import { createScratchDatabase, postgresUrl } from "../helpers/database.js";
import { eventually } from "../helpers/events.js";
import { gql, operatorToken, testConfig } from "../helpers/hub.js";
import { natsUrl, scratchStream } from "../helpers/nats.js";
import { connectWs, type WsSession } from "../helpers/ws-client.js";
import { authoriseAsMax } from "../helpers/payments.js";

let hub: Hub;
let dropDatabase: (() => Promise<void>) | undefined;
let session: WsSession;

beforeAll(async () => {
  const base = postgresUrl();
  const scratch = base ? await createScratchDatabase(base) : undefined;
  dropDatabase = scratch?.drop;
  const events = { ...eventsConfigFromEnv({}), natsUrl: natsUrl(), natsStream: scratchStream() };
  hub = await startHub(testConfig({ databaseUrl: scratch?.url }), createLogger("silent"), { events });
});

afterAll(async () => {
  await session?.dispose();
  if (hub?.events.bus instanceof JetStreamBus) await hub.events.bus.deleteStream();
  await hub?.close();
  await dropDatabase?.();
});

const INITIATE = `mutation ($input: InitiatePaymentInput!) { initiatePayment(input: $input) { payment { id } } }`;

async function pay(n: number, authorise: boolean): Promise<string> {
  const input = {
    bankId: "musterbank",
    tppId: sandboxTppId("finanzblick"),
    idempotencyKey: `delivery-${n}`,
    debtorIban: "DE80760700240271232400",
    creditorIban: "DE69760700240340283600",
    creditorName: "Anton Brückner",
    instructedAmount: { amount: "1.00", currency: "EUR" },
  };
  const initiated = await gql(hub.url, INITIATE, { input });
  expect(initiated.errors).toBeUndefined();
  const paymentId = initiated.data.initiatePayment.payment.id as string;
  if (authorise) {
    expect((await authoriseAsMax(hub.url, paymentId)).errors).toBeUndefined();
  }
  return paymentId;
}

describe("delivery across a relay kill and a bus reconnect", () => {
  it("delivers every committed payment event once, in order per payment, and never a rolled-back one", async () => {
    const startedAt = new Date(Date.now() - 1_000).toISOString();
    session = connectWs(hub.url, { authorization: `Bearer ${await operatorToken(hub.url)}` });
    const feed = session.subscribe(`subscription { events(types: ["payment.status_changed"]) { id subject payload } }`);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const relay = hub.events.background!.relay;
    const payments: Promise<string>[] = [];
    for (let n = 0; n < 24; n++) {
      payments.push(pay(n, n % 4 === 0));
      if (n % 3 === 2) await Promise.all(payments.slice(-3));
      if (n === 8) await relay.stop(); // killed: events of the next payments wait in the outbox
      if (n === 14) {
        if (hub.events.bus instanceof JetStreamBus) await hub.events.bus.connection.reconnect();
        await relay.start();
      }
    }
    await Promise.all(payments);
    const em = (hub.runtime!.running.get("payments")!.createContext(systemCaller) as { em: EntityManager }).em;
    let rolledBack: string | undefined;
    await em
      .transactional(async (tx) => {
        rolledBack = await recordEvent(tx, "payments", { type: "payment.status_changed", subject: "Payment:rolled-back", payload: { status: "ACSC" } });
        throw new Error("roll back");
      })
      .catch(() => {});
    const committed = await sql<{ id: string; subject: string }>(em, `select id, subject from payments.outbox where type = 'payment.status_changed' and created_at >= ? order by id`, [startedAt]);
    expect(committed.length).toBeGreaterThanOrEqual(24 + 6);
    await eventually(() => feed.results.length, (n) => n >= committed.length, 30_000);
    await new Promise((resolve) => setTimeout(resolve, 500));
    const delivered = feed.results.map((r) => r.data.events as { id: string; subject: string });
    expect(feed.endedWith).toBeUndefined();
    expect(delivered.map((e) => e.id).sort()).toEqual(committed.map((e) => e.id).sort());
    for (const subject of new Set(committed.map((e) => e.subject))) {
      expect(delivered.filter((e) => e.subject === subject).map((e) => e.id)).toEqual(committed.filter((e) => e.subject === subject).map((e) => e.id));
    }
    expect(rolledBack).toBeDefined();
    expect(delivered.some((e) => e.id === rolledBack)).toBe(false);
  });
});
