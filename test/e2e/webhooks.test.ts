/**
 * Webhooks end to end: TPPs register endpoints over GraphQL, events from the bus reach a real HTTP
 * receiver signed with the hub's key (verified against the JWKS the hub publishes), failures are
 * retried and dead-lettered, TPPs redeliver, redirects are never followed, and no TPP sees another's.
 */
import { base64url, compactVerify, createRemoteJWKSet } from "jose";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventsConfigFromEnv } from "../../events/config.js";
import type { EventBus, HubEvent } from "../../events/index.js";
import { defaultWebhookConfig } from "../../events/webhooks/config.js";
import { JetStreamBus } from "../../events/jetstream-bus.js";
import { startHub, type Hub } from "../../gateway/hub.js";
import { createLogger } from "../../gateway/logger.js";
import { newId } from "../../subgraphs/shared/ids.js";
import { sandboxTppId } from "../../subgraphs/shared/sandbox.js";
import { testEvent } from "../helpers/events.js";
import { createScratchDatabase, postgresUrl } from "../helpers/database.js";
import { gql, testConfig } from "../helpers/hub.js";
import { natsUrl, scratchStream } from "../helpers/nats.js";
import { bearer, clientCredentialsToken } from "../helpers/tokens.js";
import { startWebhookReceiver, type ReceivedWebhook, type WebhookReceiver } from "../helpers/webhook-receiver.js";

const FINANZBLICK = sandboxTppId("finanzblick");
const GREENLEDGER = sandboxTppId("greenledger");
const PAYSTREAM = sandboxTppId("paystream");
const TAXMATE = sandboxTppId("taxmate");
const CHECKFUNDS = sandboxTppId("checkfunds");
const schedule = { maxAttempts: 3, initialDelayMs: 100, maxDelayMs: 400, timeoutMs: 2_000, pollIntervalMs: 50 };

let hub: Hub;
let bus: EventBus;
let dropDatabase: (() => Promise<void>) | undefined;
let receiver: WebhookReceiver;
let internal: WebhookReceiver;
let dataDir: string;
let finanzblick: Record<string, string>;
let paystream: Record<string, string>;

beforeAll(async () => {
  // As `npm start` does: the authorization server generates its key into DATA_DIR on first start,
  // and webhook delivery signs with that same key.
  dataDir = mkdtempSync(path.join(tmpdir(), "hub-webhooks-"));
  const base = postgresUrl();
  const scratch = base ? await createScratchDatabase(base) : undefined;
  dropDatabase = scratch?.drop;
  const config = testConfig({ databaseUrl: scratch?.url, dataDir, webhooks: { ...defaultWebhookConfig(false), ...schedule } });
  // A stream of its own on NATS, so test files do not read each other's events.
  const events = { ...eventsConfigFromEnv({}), natsUrl: natsUrl(), natsStream: scratchStream() };
  hub = await startHub(config, createLogger("silent"), { events });
  bus = hub.events.bus;
  [receiver, internal] = await Promise.all([startWebhookReceiver(), startWebhookReceiver()]);
  finanzblick = bearer(await clientCredentialsToken(hub.url, "finanzblick-sandbox", "finanzblick-sandbox-secret", "accounts"));
  paystream = bearer(await clientCredentialsToken(hub.url, "paystream-sandbox", "paystream-sandbox-secret", "accounts"));
});

afterAll(async () => {
  await Promise.all([receiver?.close(), internal?.close()]);
  if (hub?.events.bus instanceof JetStreamBus) await hub.events.bus.deleteStream();
  await hub?.close();
  await dropDatabase?.();
  rmSync(dataDir, { recursive: true, force: true });
});

const CREATE = `mutation ($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) { id url eventTypes enabled } }`;
const DELIVERIES = `query ($id: ID!) { webhookEndpoint(id: $id) { deliveries { edges { node {
  id eventId status attemptCount attempts { number succeeded responseStatus error startedAt } } } } } }`;
const REDELIVER = `mutation ($id: ID!) { redeliverWebhook(id: $id) { id status } }`;

async function createEndpoint(headers: Record<string, string>, urlPath: string, eventTypes = ["TPP_STATUS_CHANGED"]): Promise<string> {
  const res = await gql(hub.url, CREATE, { input: { url: `${receiver.url}${urlPath}`, eventTypes } }, headers);
  expect(res.errors).toBeUndefined();
  return res.data.createWebhookEndpoint.id;
}

function tppEvent(tppId: string | null, type = "tpp.status_changed"): HubEvent {
  return { ...testEvent(type, `Tpp:${tppId ?? newId()}`, { status: "ACTIVE" }), tppId };
}

/** Polls `read` until `done` holds (or fails with the last value seen). */
async function until<T>(read: () => Promise<T> | T, done: (value: T) => boolean, ms = 20_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`not reached in ${ms} ms: ${JSON.stringify(value).slice(0, 1500)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function deliveriesOf(endpointId: string, headers: Record<string, string>) {
  const res = await gql(hub.url, DELIVERIES, { id: endpointId }, headers);
  expect(res.errors).toBeUndefined();
  return res.data.webhookEndpoint.deliveries.edges.map((e: { node: any }) => e.node) as any[];
}

/** Verifies the Webhook-Signature of a received request with the JWKS the hub publishes, as a TPP would. */
async function verifySignature(hit: ReceivedWebhook, body = hit.body) {
  const jwks = createRemoteJWKSet(new URL(`${hub.url}/oauth/jwks`));
  const [header, detached, signature] = String(hit.headers["webhook-signature"]).split(".");
  expect(detached).toBe("");
  return compactVerify(`${header}.${base64url.encode(body)}.${signature}`, jwks, { algorithms: ["ES256"] });
}

describe("webhook endpoints", () => {
  it("accepts https URLs and plain http to loopback outside production; refuses the rest with a reason", async () => {
    const refused = async (url: string) => {
      const res = await gql(hub.url, CREATE, { input: { url, eventTypes: ["PAYMENT_STATUS_CHANGED"] } }, finanzblick);
      return res.errors?.[0]?.extensions?.code;
    };
    expect(await refused("http://hooks.finanzblick.example/events")).toBe("INVALID_WEBHOOK_URL");
    expect(await refused("https://user:secret@hooks.finanzblick.example/events")).toBe("INVALID_WEBHOOK_URL");
    expect(await refused("https://169.254.169.254/latest/meta-data")).toBe("INVALID_WEBHOOK_URL");
    expect(await refused("https://10.0.0.7/events")).toBe("INVALID_WEBHOOK_URL");
    expect(await refused("file:///etc/passwd")).toBe("INVALID_WEBHOOK_URL");
    const res = await gql(hub.url, CREATE, { input: { url: "https://hooks.finanzblick.example/events", eventTypes: ["PAYMENT_STATUS_CHANGED", "PAYMENT_STATUS_CHANGED"] } }, finanzblick);
    expect(res.data.createWebhookEndpoint).toMatchObject({ url: "https://hooks.finanzblick.example/events", eventTypes: ["PAYMENT_STATUS_CHANGED"], enabled: true });
    const none = await gql(hub.url, CREATE, { input: { url: `${receiver.url}/x`, eventTypes: [] } }, finanzblick);
    expect(none.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });

  it("lets a TPP see and change only its own endpoints; operators see all; no token, no access", async () => {
    const own = await createEndpoint(finanzblick, "/private");
    const list = (headers: Record<string, string>) =>
      gql(hub.url, `{ webhookEndpoints(first: 100) { edges { node { id tpp { id } } } } }`, {}, headers).then((r) => r.data.webhookEndpoints.edges.map((e: any) => e.node));
    expect((await list(finanzblick)).every((n: any) => n.tpp.id === FINANZBLICK)).toBe(true);
    expect((await list(finanzblick)).map((n: any) => n.id)).toContain(own);
    expect((await list(paystream)).map((n: any) => n.id)).not.toContain(own);
    expect((await gql(hub.url, `{ webhookEndpoints(first: 100) { edges { node { id } } } }`)).data.webhookEndpoints.edges.map((e: any) => e.node.id)).toContain(own);

    const asPaystream = await gql(hub.url, `query ($id: ID!) { webhookEndpoint(id: $id) { id } }`, { id: own }, paystream);
    expect(asPaystream.data.webhookEndpoint).toBeNull();
    const update = await gql(hub.url, `mutation ($input: UpdateWebhookEndpointInput!) { updateWebhookEndpoint(input: $input) { id } }`, { input: { id: own, url: `${internal.url}/steal` } }, paystream);
    expect(update.errors?.[0]?.extensions?.code).toBe("WEBHOOK_ENDPOINT_NOT_FOUND");
    const remove = await gql(hub.url, `mutation ($id: ID!) { deleteWebhookEndpoint(id: $id) }`, { id: own }, paystream);
    expect(remove.errors?.[0]?.extensions?.code).toBe("WEBHOOK_ENDPOINT_NOT_FOUND");
    const forOther = await gql(hub.url, CREATE, { input: { tppId: FINANZBLICK, url: `${internal.url}/x`, eventTypes: ["TPP_STATUS_CHANGED"] } }, paystream);
    expect(forOther.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const anonymous = await gql(hub.url, `{ webhookEndpoints { edges { node { id } } } }`, {}, "anonymous");
    expect(anonymous.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");

    const disabled = await gql(hub.url, `mutation ($input: UpdateWebhookEndpointInput!) { updateWebhookEndpoint(input: $input) { enabled } }`, { input: { id: own, enabled: false } }, finanzblick);
    expect(disabled.data.updateWebhookEndpoint.enabled).toBe(false);
    expect((await gql(hub.url, `mutation ($id: ID!) { deleteWebhookEndpoint(id: $id) }`, { id: own }, finanzblick)).data.deleteWebhookEndpoint).toBe(own);
  });
});

describe("webhook delivery", () => {
  it("POSTs only its own TPP's events of the subscribed types, signed with the hub's published key", async () => {
    receiver.on("/signed", () => ({ status: 204 }));
    const endpoint = await createEndpoint(finanzblick, "/signed");
    const mine = tppEvent(FINANZBLICK);
    await bus.publish([tppEvent(PAYSTREAM), tppEvent(FINANZBLICK, "payment.status_changed"), tppEvent(null), mine]);

    const [hit] = await until(() => receiver.receivedOn("/signed"), (hits) => hits.length >= 1);
    const body = JSON.parse(hit!.body);
    expect(body).toMatchObject({ id: mine.id, type: "tpp.status_changed", tppId: FINANZBLICK, data: { status: "ACTIVE" } });
    expect(hit!.headers).toMatchObject({ "content-type": "application/json", "webhook-event-type": "tpp.status_changed" });

    const { protectedHeader, payload } = await verifySignature(hit!);
    expect(new TextDecoder().decode(payload)).toBe(hit!.body);
    expect(protectedHeader).toMatchObject({
      alg: "ES256",
      typ: "webhook+jws",
      "webhook-id": hit!.headers["webhook-id"],
      "webhook-timestamp": Number(hit!.headers["webhook-timestamp"]),
      "webhook-url": `${receiver.url}/signed`,
    });
    await expect(verifySignature(hit!, hit!.body.replace("ACTIVE", "REVOKED"))).rejects.toThrow(/signature verification failed/);

    const [delivery] = await until(() => deliveriesOf(endpoint, finanzblick), (d) => d[0]?.status === "SUCCEEDED");
    expect(delivery).toMatchObject({ id: hit!.headers["webhook-id"], eventId: mine.id, attemptCount: 1, attempts: [{ number: 1, succeeded: true, responseStatus: 204, error: null }] });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(receiver.receivedOn("/signed")).toHaveLength(1);
  });

  it("carries a committed state change from the outbox to the TPP's endpoint", async () => {
    receiver.on("/vetting", () => ({ status: 200 }));
    const created = await gql(hub.url, CREATE, { input: { tppId: GREENLEDGER, url: `${receiver.url}/vetting`, eventTypes: ["TPP_STATUS_CHANGED"] } });
    expect(created.errors).toBeUndefined();
    const decided = await gql(hub.url, `mutation ($input: DecideTppInput!) { decideTpp(input: $input) { status } }`, {
      input: { tppId: GREENLEDGER, status: "ACTIVE", reason: "vetting complete" },
    });
    expect(decided.data.decideTpp.status).toBe("ACTIVE");

    const [hit] = await until(() => receiver.receivedOn("/vetting"), (hits) => hits.length >= 1);
    expect(JSON.parse(hit!.body)).toMatchObject({ type: "tpp.status_changed", subject: `Tpp:${GREENLEDGER}`, tppId: GREENLEDGER, data: { status: "active", reason: "vetting complete" } });
    await verifySignature(hit!);
  });

  it("holds a suspended TPP's deliveries with the reason and sends them once it is active again; gives up a revoked TPP's", async () => {
    const HELD = `query ($id: ID!) { webhookEndpoint(id: $id) { deliveries { edges { node { status statusReason attemptCount } } } } }`;
    const held = async (endpointId: string) => (await gql(hub.url, HELD, { id: endpointId })).data.webhookEndpoint.deliveries.edges.map((e: any) => e.node);
    const decide = async (tppId: string, status: string) => {
      const res = await gql(hub.url, `mutation ($input: DecideTppInput!) { decideTpp(input: $input) { status } }`, { input: { tppId, status, reason: "test" } });
      expect(res.errors).toBeUndefined();
    };
    const endpointFor = async (tppId: string, urlPath: string) => {
      receiver.on(urlPath, () => ({ status: 204 }));
      const res = await gql(hub.url, CREATE, { input: { tppId, url: `${receiver.url}${urlPath}`, eventTypes: ["TPP_STATUS_CHANGED"] } });
      expect(res.errors).toBeUndefined();
      return res.data.createWebhookEndpoint.id as string;
    };

    const taxmate = await endpointFor(TAXMATE, "/taxmate");
    await decide(TAXMATE, "SUSPENDED");
    const [waiting] = await until(() => held(taxmate), (d) => d[0]?.statusReason != null);
    expect(waiting).toEqual({ status: "PENDING", statusReason: "Waiting: the TPP is suspended; sent once it is active again.", attemptCount: 0 });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(receiver.receivedOn("/taxmate")).toEqual([]);
    await decide(TAXMATE, "ACTIVE");
    const hits = await until(() => receiver.receivedOn("/taxmate"), (h) => h.length >= 2);
    expect(hits.map((h) => JSON.parse(h.body).data.status).sort()).toEqual(["active", "suspended"]);
    expect(await until(() => held(taxmate), (d) => d.every((x: any) => x.status === "SUCCEEDED"))).toEqual([
      { status: "SUCCEEDED", statusReason: null, attemptCount: 1 },
      { status: "SUCCEEDED", statusReason: null, attemptCount: 1 },
    ]);

    const checkfunds = await endpointFor(CHECKFUNDS, "/checkfunds");
    await decide(CHECKFUNDS, "REVOKED");
    const [given] = await until(() => held(checkfunds), (d) => d[0]?.status === "DEAD");
    expect(given).toEqual({ status: "DEAD", statusReason: "Not sent: the TPP was revoked.", attemptCount: 0 });
    expect(receiver.receivedOn("/checkfunds")).toEqual([]);
  });

  it("retries a failing endpoint with growing delays until it answers 2xx, with the same Webhook-Id", async () => {
    receiver.on("/flaky", (n) => ({ status: n < 2 ? 500 : 200 }));
    const endpoint = await createEndpoint(finanzblick, "/flaky");
    await bus.publish([tppEvent(FINANZBLICK)]);

    const [delivery] = await until(() => deliveriesOf(endpoint, finanzblick), (d) => d[0]?.status === "SUCCEEDED");
    expect(delivery.attempts.map((a: any) => [a.number, a.succeeded, a.responseStatus])).toEqual([
      [1, false, 500],
      [2, false, 500],
      [3, true, 200],
    ]);
    expect(delivery.attempts[0].error).toBe("HTTP 500");
    const hits = receiver.receivedOn("/flaky");
    expect(new Set(hits.map((h) => h.headers["webhook-id"]))).toEqual(new Set([delivery.id]));
    const started = delivery.attempts.map((a: any) => Date.parse(a.startedAt));
    // Equal jitter: at least half of 100 ms, then of 200 ms.
    expect(started[1] - started[0]).toBeGreaterThanOrEqual(50);
    expect(started[2] - started[1]).toBeGreaterThanOrEqual(100);
  });

  it("dead-letters after the last try; the TPP redelivers it, another TPP cannot", async () => {
    let healthy = false;
    receiver.on("/down", () => ({ status: healthy ? 202 : 503 }));
    const endpoint = await createEndpoint(finanzblick, "/down");
    await bus.publish([tppEvent(FINANZBLICK)]);

    const [dead] = await until(() => deliveriesOf(endpoint, finanzblick), (d) => d[0]?.status === "DEAD");
    expect(dead.attempts.map((a: any) => a.responseStatus)).toEqual([503, 503, 503]);

    const byOther = await gql(hub.url, REDELIVER, { id: dead.id }, paystream);
    expect(byOther.errors?.[0]?.extensions?.code).toBe("WEBHOOK_DELIVERY_NOT_FOUND");
    const peek = await gql(hub.url, `query ($id: ID!) { webhookDelivery(id: $id) { id } }`, { id: dead.id }, paystream);
    expect(peek.data.webhookDelivery).toBeNull();

    healthy = true;
    const redelivered = await gql(hub.url, REDELIVER, { id: dead.id }, finanzblick);
    expect(redelivered.errors).toBeUndefined();
    expect(redelivered.data.redeliverWebhook.status).toMatch(/PENDING|SENDING|SUCCEEDED/);
    const [succeeded] = await until(() => deliveriesOf(endpoint, finanzblick), (d) => d[0]?.status === "SUCCEEDED");
    expect(succeeded.attempts.map((a: any) => [a.number, a.responseStatus])).toEqual([
      [1, 503],
      [2, 503],
      [3, 503],
      [4, 202],
    ]);
    const again = await gql(hub.url, REDELIVER, { id: dead.id }, finanzblick);
    expect(again.errors).toBeUndefined();
    await until(() => receiver.receivedOn("/down"), (hits) => hits.length === 5);
  });

  it("never follows a redirect, so a target cannot bounce a delivery into the hub's network", async () => {
    internal.on("/admin", () => ({ status: 200 }));
    receiver.on("/bounce", () => ({ status: 307, headers: { location: `${internal.url}/admin` } }));
    const endpoint = await createEndpoint(finanzblick, "/bounce");
    await bus.publish([tppEvent(FINANZBLICK)]);

    const [dead] = await until(() => deliveriesOf(endpoint, finanzblick), (d) => d[0]?.status === "DEAD");
    expect(dead.attempts.map((a: any) => a.responseStatus)).toEqual([307, 307, 307]);
    expect(dead.attempts[0].error).toMatch(/redirect not followed/);
    expect(internal.received).toHaveLength(0);
  });
});
