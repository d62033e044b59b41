/**
 * The sandbox ledger's events end to end: a payment booked by the sandbox core records
 * transaction.booked and balance.changed in the `sandbox` outbox with the postings; the relay
 * publishes them (NATS JetStream when NATS_URL is set); a real graphql-ws client under an AIS consent
 * receives the debtor's booking with federated fields, an operator the internal creditor's credit, a
 * TPP without consent nothing; a webhook of type transaction.booked reaches a real HTTP receiver,
 * signed with the key the hub publishes, though DATA_DIR=memory:// keeps that key in memory only.
 */
import { base64url, compactVerify, createRemoteJWKSet } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SANDBOX_PASSWORD, SANDBOX_SCA_CODE } from "../../connectors/sandbox/personas.js";
import { eventsConfigFromEnv } from "../../events/config.js";
import { JetStreamBus } from "../../events/jetstream-bus.js";
import { defaultWebhookConfig } from "../../events/webhooks/config.js";
import { startHub, type Hub } from "../../gateway/hub.js";
import { createLogger } from "../../gateway/logger.js";
import { systemCaller } from "../../subgraphs/shared/context.js";
import { sql } from "../../subgraphs/shared/orm.js";
import { sandboxTppId } from "../../subgraphs/shared/sandbox.js";
import { createScratchDatabase, postgresUrl } from "../helpers/database.js";
import { eventually } from "../helpers/events.js";
import { gql, operatorToken, testConfig } from "../helpers/hub.js";
import { natsUrl, scratchStream } from "../helpers/nats.js";
import { bearer, clientCredentialsToken } from "../helpers/tokens.js";
import { startWebhookReceiver, type WebhookReceiver } from "../helpers/webhook-receiver.js";
import { connectWs, type WsSession } from "../helpers/ws-client.js";
import { authoriseAsMax } from "../helpers/payments.js";

const GIRO = "DE80760700240271232400";
const ANTON = "DE69760700240340283600";

let hub: Hub;
let dropDatabase: (() => Promise<void>) | undefined;
let receiver: WebhookReceiver;
let finanzblick: string;
let paystream: string;
const sessions: WsSession[] = [];

function ws(params: Record<string, string>): WsSession {
  const session = connectWs(hub.url, params);
  sessions.push(session);
  return session;
}

beforeAll(async () => {
  const base = postgresUrl();
  const scratch = base ? await createScratchDatabase(base) : undefined;
  dropDatabase = scratch?.drop;
  const webhooks = { ...defaultWebhookConfig(false), maxAttempts: 3, initialDelayMs: 100, maxDelayMs: 400, timeoutMs: 2_000, pollIntervalMs: 50 };
  const events = { ...eventsConfigFromEnv({}), natsUrl: natsUrl(), natsStream: scratchStream() };
  hub = await startHub(testConfig({ databaseUrl: scratch?.url, dataDir: "memory://", webhooks }), createLogger("silent"), { events });
  receiver = await startWebhookReceiver();
  finanzblick = await clientCredentialsToken(hub.issuer, "finanzblick-sandbox", "finanzblick-sandbox-secret", "accounts");
  paystream = await clientCredentialsToken(hub.issuer, "paystream-sandbox", "paystream-sandbox-secret", "accounts");
});

afterAll(async () => {
  await Promise.all(sessions.map((s) => s.dispose()));
  await receiver?.close();
  if (hub?.events.bus instanceof JetStreamBus) await hub.events.bus.deleteStream();
  await hub?.close();
  await dropDatabase?.();
});

async function validConsent(token: string): Promise<string> {
  const created = await gql(
    hub.url,
    `mutation { createConsent(input: { psuId: "max.musterman", recurringIndicator: true, validUntil: "9999-12-31", frequencyPerDay: 4,
      access: { balances: [{ iban: "${GIRO}" }], transactions: [{ iban: "${GIRO}" }] } }) { consent { id } } }`,
    undefined,
    bearer(token),
  );
  expect(created.errors).toBeUndefined();
  const consentId = created.data.createConsent.consent.id as string;
  const started = await gql(hub.url, `mutation { startConsentAuthorisation(input: { consentId: "${consentId}", psuId: "max.musterman" }) { authorisation { id } } }`, undefined, bearer(token));
  const authorisationId = started.data.startConsentAuthorisation.authorisation.id as string;
  for (const step of [`password: "${SANDBOX_PASSWORD}"`, `authenticationMethodId: "sms"`, `scaAuthenticationData: "${SANDBOX_SCA_CODE}"`]) {
    const moved = await gql(hub.url, `mutation { updateConsentAuthorisation(input: { consentId: "${consentId}", authorisationId: "${authorisationId}", ${step} }) { consent { status } } }`, undefined, bearer(token));
    expect(moved.errors, step).toBeUndefined();
  }
  return consentId;
}

/** Max pays Anton (same bank, so the credit is a booking on a customer account too); the PSU authorises it. */
async function pay(key: string, amount: string): Promise<string> {
  const input = {
    bankId: "musterbank",
    tppId: sandboxTppId("finanzblick"),
    idempotencyKey: key,
    debtorIban: GIRO,
    creditorIban: ANTON,
    creditorName: "Anton Brückner",
    instructedAmount: { amount, currency: "EUR" },
  };
  const initiated = await gql(hub.url, `mutation ($input: InitiatePaymentInput!) { initiatePayment(input: $input) { payment { id } } }`, { input });
  expect(initiated.errors).toBeUndefined();
  const paymentId = initiated.data.initiatePayment.payment.id as string;
  const done = await authoriseAsMax(hub.url, paymentId);
  expect(done.errors).toBeUndefined();
  expect(done.data!.updatePaymentAuthorisation.payment.status).toBe("ACSC");
  return paymentId;
}

async function accountId(iban: string): Promise<string> {
  const res = await gql(hub.url, `query ($iban: String!) { accountByIban(iban: $iban) { id } }`, { iban });
  return res.data.accountByIban.id as string;
}

const BOOKED = `subscription ($ids: [ID!]!) { transactionBooked(accountIds: $ids) {
  id status amount { amount currency } bookingDate creditorIban
  account { id iban balances { type amount { amount currency } } }
} }`;
const BALANCE = `subscription ($ids: [ID!]!) { balanceChanged(accountIds: $ids) { id iban balances { type amount { amount } } } }`;

describe("ledger events: transaction.booked and balance.changed from the sandbox core", () => {
  it("records both events with the postings, in the sandbox outbox, with the hub's ids", async () => {
    const [giro, anton] = await Promise.all([accountId(GIRO), accountId(ANTON)]);
    await pay("ledger-outbox", "2.50");
    const em = (hub.runtime!.running.get("accounts")!.createContext(systemCaller) as { em: import("@mikro-orm/core").EntityManager }).em;
    const rows = await sql<{ type: string; subject: string; bank_id: string; psu_id: string; payload: any }>(
      em,
      `select type, subject, bank_id, psu_id, payload from sandbox.outbox order by id`,
    );
    const booked = rows.filter((r) => r.type === "transaction.booked");
    expect(booked.map((r) => r.payload.accountId).sort()).toEqual([giro, anton].sort());
    const debit = booked.find((r) => r.payload.accountId === giro)!;
    expect(debit).toMatchObject({ subject: `Transaction:${debit.payload.transactionId}`, bank_id: "musterbank", psu_id: "max.musterman" });
    expect(debit.payload).toMatchObject({ iban: GIRO, amount: "-2.50", currency: "EUR", bookingDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), psuIds: ["max.musterman"] });
    const transaction = await gql(hub.url, `query ($id: ID!) { transaction(id: $id) { amount { amount } account { iban } } }`, { id: debit.payload.transactionId });
    expect(transaction.data.transaction).toEqual({ amount: { amount: "-2.50" }, account: { iban: GIRO } });
    const balance = rows.find((r) => r.type === "balance.changed" && r.payload.accountId === anton)!;
    expect(balance.subject).toBe(`Account:${anton}`);
    expect(balance.payload).toMatchObject({ iban: ANTON, amount: "2.50", change: "booked", balanceAfter: { interimBooked: expect.any(String), expected: expect.any(String) } });
    // The balances after the entry are those the account reports now (nothing has moved it since).
    const now = await gql(hub.url, `query ($iban: String!) { accountByIban(iban: $iban) { balances { type amount { amount } } } }`, { iban: ANTON });
    const reported = Object.fromEntries(now.data.accountByIban.balances.map((b: { type: string; amount: { amount: string } }) => [b.type, b.amount.amount]));
    expect(balance.payload.balanceAfter).toEqual({ interimBooked: reported.INTERIM_BOOKED, expected: reported.EXPECTED, interimAvailable: reported.INTERIM_AVAILABLE });
    await hub.events.background!.relay.flush();
    const [published] = await sql<{ n: number }>(em, `select count(*)::int as n from sandbox.outbox where published_at is null`);
    expect(published!.n).toBe(0);
    // Pruned with the subgraphs' outboxes; these rows are within the retention window, so they stay.
    expect(await hub.events.background!.pruner.prune()).toMatchObject({ sandbox: 0, accounts: 0, payments: 0, consents: expect.any(Number) });
  });

  it("delivers the booking to a subscriber under a covering consent with federated fields, and nothing to one without", async () => {
    const [giro, anton] = await Promise.all([accountId(GIRO), accountId(ANTON)]);
    const consentId = await validConsent(finanzblick);
    const covered = ws({ authorization: `Bearer ${finanzblick}`, "consent-id": consentId });
    const bookings = covered.subscribe(BOOKED, { ids: [giro] });
    const balances = covered.subscribe(BALANCE, { ids: [giro] });
    const uncovered = ws({ authorization: `Bearer ${paystream}` }).subscribe(BOOKED, { ids: [giro] });
    const credits = ws({ authorization: `Bearer ${await operatorToken(hub.url)}` }).subscribe(BOOKED, { ids: [anton] });
    await new Promise((resolve) => setTimeout(resolve, 300));

    await pay("ledger-subscription", "1.25");
    await eventually(() => bookings.results.length + balances.results.length + credits.results.length, (n) => n >= 3);
    expect(bookings.endedWith).toBeUndefined();
    expect(bookings.results).toHaveLength(1);
    const booked = bookings.results[0]!;
    expect(booked.errors).toBeUndefined();
    expect(booked.data.transactionBooked).toMatchObject({
      status: "BOOKED",
      amount: { amount: "-1.25", currency: "EUR" },
      creditorIban: ANTON,
      account: { id: giro, iban: GIRO, balances: expect.arrayContaining([expect.objectContaining({ type: "INTERIM_BOOKED" })]) },
    });
    expect(booked.eventId).toMatch(/^[0-9a-f-]{36}$/);
    expect(balances.results.map((r) => r.data.balanceChanged.iban)).toEqual([GIRO]);
    expect(credits.results.map((r) => r.data.transactionBooked.amount)).toEqual([{ amount: "1.25", currency: "EUR" }]);

    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(uncovered.results).toEqual([]);
    expect(uncovered.endedWith).toBeUndefined();
  });

  it("sends transaction.booked as a signed webhook to a TPP whose consent covers the account, and not to another", async () => {
    const giro = await accountId(GIRO);
    await validConsent(finanzblick);
    const register = async (token: string, urlPath: string) => {
      const res = await gql(hub.url, `mutation ($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) { id } }`, {
        input: { url: `${receiver.url}${urlPath}`, eventTypes: ["TRANSACTION_BOOKED"] },
      }, bearer(token));
      expect(res.errors).toBeUndefined();
      receiver.on(urlPath, () => ({ status: 204 }));
    };
    await register(finanzblick, "/finanzblick");
    await register(paystream, "/paystream");

    await pay("ledger-webhook", "3.00");
    const [webhook] = await eventually(() => receiver.receivedOn("/finanzblick"), (r) => r.some((w) => JSON.parse(w.body).data.amount === "-3.00"));
    const body = JSON.parse(webhook!.body);
    expect(body).toMatchObject({ type: "transaction.booked", subject: `Transaction:${body.data.transactionId}`, bankId: "musterbank", data: { accountId: giro, iban: GIRO, currency: "EUR" } });
    expect(webhook!.headers["webhook-event-type"]).toBe("transaction.booked");
    const [header, , signature] = String(webhook!.headers["webhook-signature"]).split(".");
    const jwks = createRemoteJWKSet(new URL(`${hub.url}/oauth/jwks`));
    const { protectedHeader } = await compactVerify(`${header}.${base64url.encode(webhook!.body)}.${signature}`, jwks, { algorithms: ["ES256"] });
    expect(protectedHeader["webhook-url"]).toBe(`${receiver.url}/finanzblick`);

    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(receiver.receivedOn("/paystream")).toEqual([]);
  });
});
