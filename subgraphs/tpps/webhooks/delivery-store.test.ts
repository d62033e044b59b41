/** The delivery queue on a real database (PGlite, or PostgreSQL with DATABASE_URL): matching, de-duplication, leases. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { HubEvent } from "../../../events/event.js";
import type { DeliveryStore } from "../../../events/webhooks/delivery-store.js";
import { openTestDatabase, type TestDatabase } from "../../../test/helpers/database.js";
import { operatorCaller } from "../../shared/context.js";
import { newId } from "../../shared/ids.js";
import { sandboxTppId } from "../../shared/sandbox.js";
import type { TppsContext } from "../context.js";
import { tpps, webhookDeliveries } from "../index.js";
import { WebhookDelivery, WebhookDeliveryStatus } from "./webhook-delivery.entity.js";
import { WebhookEventType } from "./webhook-event-type.js";

const FINANZBLICK = sandboxTppId("finanzblick");
const PAYSTREAM = sandboxTppId("paystream");

let database: TestDatabase;
let store: DeliveryStore;
let context: () => TppsContext;

beforeAll(async () => {
  database = await openTestDatabase();
  const running = await tpps.open({ db: database.db, connectors: undefined as never, seed: true, allowHttpLoopback: true });
  store = webhookDeliveries(running);
  context = () => running.createContext(operatorCaller) as TppsContext;
});

afterAll(async () => {
  await database?.drop();
});

function event(tppId: string | null, type = "consent.status_changed"): HubEvent {
  return { id: newId(), type, subject: `Consent:${newId()}`, bankId: null, tppId, psuId: null, payload: {}, occurredAt: new Date().toISOString() };
}

async function endpoint(tppId: string, eventTypes: WebhookEventType[], enabled = true): Promise<string> {
  const created = await context().webhooks.create({ tppId, url: "https://hooks.example/in", eventTypes, enabled }, operatorCaller);
  return created.id;
}

describe("webhook delivery queue", () => {
  it("queues an event once per enabled endpoint of its TPP subscribed to its type", async () => {
    await endpoint(FINANZBLICK, [WebhookEventType.CONSENT_STATUS_CHANGED]);
    await endpoint(FINANZBLICK, [WebhookEventType.CONSENT_STATUS_CHANGED, WebhookEventType.CONSENT_EXPIRING]);
    await endpoint(FINANZBLICK, [WebhookEventType.PAYMENT_STATUS_CHANGED]);
    await endpoint(FINANZBLICK, [WebhookEventType.CONSENT_STATUS_CHANGED], false);
    await endpoint(PAYSTREAM, [WebhookEventType.CONSENT_STATUS_CHANGED]);
    const mine = event(FINANZBLICK);
    expect(await store.enqueue(mine, "{}")).toBe(2);
    expect(await store.enqueue(mine, "{}")).toBe(0);
    expect(await store.enqueue(event(null), "{}")).toBe(0);
    expect(await store.enqueue(event(FINANZBLICK, "solution.published"), "{}")).toBe(0);
  });

  it("lets only the current claim record an attempt; a claim whose lease ran out records nothing", async () => {
    await store.claimDue(100, 60_000); // whatever is queued above
    const id = await endpoint(PAYSTREAM, [WebhookEventType.TPP_STATUS_CHANGED]);
    await store.enqueue(event(PAYSTREAM, "tpp.status_changed"), '{"n":1}');
    const [stale] = await store.claimDue(10, 1);
    expect(stale).toMatchObject({ endpointId: id, body: '{"n":1}', attemptCount: 0 });
    await new Promise((resolve) => setTimeout(resolve, 20));
    const [current] = await store.claimDue(10, 60_000);
    expect(current?.id).toBe(stale!.id);
    expect(await store.claimDue(10, 60_000)).toEqual([]);

    const attempt = { startedAt: new Date(), durationMs: 5, succeeded: false, responseStatus: 500, error: "HTTP 500" };
    await store.recordAttempt(stale!, attempt, { status: "dead" });
    await store.recordAttempt(current!, { ...attempt, succeeded: true, responseStatus: 200, error: null }, { status: "succeeded" });
    const delivery = await context().webhooks.delivery(stale!.id, operatorCaller);
    expect(delivery).toMatchObject({ status: "succeeded", attemptCount: 1 });
    const attempts = await context().webhooks.loaders.attemptsByDeliveryId.load(stale!.id);
    expect(attempts.map((a) => [a.number, a.responseStatus])).toEqual([[1, 200]]);
  });

  it("holds a retry until it is due", async () => {
    await endpoint(PAYSTREAM, [WebhookEventType.PAYMENT_STATUS_CHANGED]);
    await store.enqueue(event(PAYSTREAM, "payment.status_changed"), "{}");
    const [first] = await store.claimDue(10, 60_000);
    const failed = { startedAt: new Date(), durationMs: 5, succeeded: false, responseStatus: 503, error: "HTTP 503" };
    await store.recordAttempt(first!, failed, { status: "pending", delayMs: 60_000 });
    expect(await store.claimDue(10, 60_000)).toEqual([]);
    expect(await context().webhooks.delivery(first!.id, operatorCaller)).toMatchObject({ status: "pending", attemptCount: 1, roundAttempts: 1 });
  });

  it("prunes finished deliveries past the retention, never pending ones", async () => {
    await endpoint(FINANZBLICK, [WebhookEventType.BALANCE_CHANGED]);
    await store.enqueue(event(FINANZBLICK, "balance.changed"), "{}");
    await store.enqueue(event(FINANZBLICK, "balance.changed"), "{}");
    const [done] = await store.claimDue(1, 60_000);
    await store.recordAttempt(done!, { startedAt: new Date(), durationMs: 1, succeeded: true, responseStatus: 204, error: null }, { status: "succeeded" });
    await new Promise((resolve) => setTimeout(resolve, 20));
    const pending = await context().em.fork().count(WebhookDelivery, { status: WebhookDeliveryStatus.PENDING });
    expect(await store.prune(60_000)).toBe(0);
    expect(await store.prune(1)).toBeGreaterThanOrEqual(1);
    expect(await context().webhooks.delivery(done!.id, operatorCaller)).toBeNull();
    expect(await context().em.fork().count(WebhookDelivery, { status: WebhookDeliveryStatus.PENDING })).toBe(pending);
  });
});
