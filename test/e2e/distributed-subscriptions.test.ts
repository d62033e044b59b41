/**
 * Subscriptions in distributed mode: each subgraph server relays its outbox to NATS JetStream and
 * serves its own subscription fields over graphql-ws; the gateway subscribes there for the entity key
 * and resolves the client's selection through the subgraphs over HTTP.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SANDBOX_BANKS } from "../../connectors/sandbox/banks.js";
import { SANDBOX_PASSWORD, SANDBOX_SCA_CODE } from "../../connectors/sandbox/personas.js";
import { eventsConfigFromEnv } from "../../events/config.js";
import { JetStreamBus } from "../../events/jetstream-bus.js";
import { startHub, type Hub } from "../../gateway/hub.js";
import { createLogger } from "../../gateway/logger.js";
import { subgraphs } from "../../subgraphs/index.js";
import { openRuntime, type Runtime } from "../../subgraphs/runtime.js";
import { serveSubgraph, type SubgraphServer } from "../../subgraphs/server.js";
import { startSubgraphEvents, type SubgraphEvents } from "../../subgraphs/subgraph-events.js";
import { openTestDatabase, type TestDatabase } from "../helpers/database.js";
import { eventually } from "../helpers/events.js";
import { gql, operatorToken, testConfig } from "../helpers/hub.js";
import { sandboxTppId } from "../../subgraphs/shared/sandbox.js";
import { natsUrl, scratchStream } from "../helpers/nats.js";
import { bearer, clientCredentialsToken } from "../helpers/tokens.js";
import { connectWs, type WsSession } from "../helpers/ws-client.js";
import { authoriseAsMax } from "../helpers/payments.js";

const SECRET = "test-secret-that-is-long-enough-for-hs256";
const nats = natsUrl();
const logger = createLogger("silent");

describe.skipIf(!nats)("distributed subscriptions (NATS JetStream)", () => {
  let database: TestDatabase;
  let runtime: Runtime;
  let servers: SubgraphServer[];
  let events: SubgraphEvents[];
  let gateway: Hub;
  let session: WsSession | undefined;
  let stranger: WsSession | undefined;
  let operator: WsSession | undefined;

  beforeAll(async () => {
    const config = { ...eventsConfigFromEnv({}), natsUrl: nats, natsStream: scratchStream() };
    database = await openTestDatabase();
    runtime = await openRuntime({ databaseUrl: database.url, dataDir: "memory://", seed: true, banks: SANDBOX_BANKS, subgraphs });
    servers = await Promise.all(subgraphs.map((s) => serveSubgraph(s, runtime, { port: 0, host: "127.0.0.1", secret: SECRET, maxBodyBytes: 100_000 })));
    events = await Promise.all(subgraphs.map((subgraph, i) => startSubgraphEvents({ subgraph, runtime, server: servers[i]!.server, config, secret: SECRET, logger })));
    const subgraphUrls = Object.fromEntries(subgraphs.map((s, i) => [s.name, servers[i]!.url]));
    gateway = await startHub(testConfig({ subgraphUrls, internalSecret: SECRET }), logger, { events: config });
  });

  afterAll(async () => {
    await session?.dispose();
    await stranger?.dispose();
    await operator?.dispose();
    if (gateway?.events.bus instanceof JetStreamBus) await gateway.events.bus.deleteStream();
    await gateway?.close();
    for (const e of events ?? []) await e.close();
    for (const server of servers ?? []) await server.close();
    await runtime?.close();
    await database?.drop();
  });

  it("delivers a consent's status change with another subgraph's fields, through the owning subgraph's server", async () => {
    const token = await clientCredentialsToken(gateway.issuer, "finanzblick-sandbox", "finanzblick-sandbox-secret", "accounts");
    const created = await gql(
      gateway.url,
      `mutation { createConsent(input: { psuId: "max.musterman", recurringIndicator: true, validUntil: "9999-12-31", frequencyPerDay: 4,
        access: { balances: [{ iban: "DE80760700240271232400" }] } }) { consent { id } } }`,
      undefined,
      bearer(token),
    );
    expect(created.errors).toBeUndefined();
    const consentId = created.data.createConsent.consent.id as string;
    // The gateway reaches the consents subgraph over one WebSocket, whichever callers subscribe.
    const consentsServer = servers[subgraphs.findIndex((s) => s.name === "consents")]!.server;
    let upgrades = 0;
    consentsServer.on("upgrade", () => upgrades++);
    const query = `subscription ($id: ID!) { consentStatusChanged(consentId: $id) { id status tpp { legalName } } }`;
    session = connectWs(gateway.url, { authorization: `Bearer ${token}` });
    const feed = session.subscribe(query, { id: consentId });
    const otherToken = await clientCredentialsToken(gateway.issuer, "paystream-sandbox", "paystream-sandbox-secret", "accounts");
    stranger = connectWs(gateway.url, { authorization: `Bearer ${otherToken}` });
    const strangersFeed = stranger.subscribe(query, { id: consentId });
    await new Promise((resolve) => setTimeout(resolve, 500));
    const started = await gql(gateway.url, `mutation { startConsentAuthorisation(input: { consentId: "${consentId}", psuId: "max.musterman" }) { authorisation { id } } }`, undefined, bearer(token));
    const authorisationId = started.data.startConsentAuthorisation.authorisation.id as string;
    for (const step of [`password: "${SANDBOX_PASSWORD}"`, `authenticationMethodId: "sms"`, `scaAuthenticationData: "${SANDBOX_SCA_CODE}"`]) {
      const moved = await gql(gateway.url, `mutation { updateConsentAuthorisation(input: { consentId: "${consentId}", authorisationId: "${authorisationId}", ${step} }) { consent { status } } }`, undefined, bearer(token));
      expect(moved.errors, step).toBeUndefined();
    }
    await eventually(() => feed.results, (r) => r.some((x) => x.data?.consentStatusChanged?.status === "VALID"), 20_000);
    const valid = feed.results.find((x) => x.data.consentStatusChanged.status === "VALID")!;
    expect(valid.data.consentStatusChanged).toEqual({ id: consentId, status: "VALID", tpp: { legalName: expect.any(String) } });
    expect(valid.eventId).toMatch(/^[0-9a-f-]{36}$/);
    expect(feed.endedWith).toBeUndefined();
    // Each subscription is authorised as its own caller on the shared connection: another TPP sees nothing of this consent.
    expect(strangersFeed.results.filter((r) => r.data?.consentStatusChanged)).toEqual([]);
    expect(upgrades).toBe(1);
  });

  it("delivers a booking the sandbox core recorded, relayed from its outbox by the accounts subgraph's server", async () => {
    const GIRO = "DE80760700240271232400";
    const accountId = (await gql(gateway.url, `query ($iban: String!) { accountByIban(iban: $iban) { id } }`, { iban: GIRO })).data.accountByIban.id as string;
    operator = connectWs(gateway.url, { authorization: `Bearer ${await operatorToken(gateway.url)}` });
    const feed = operator.subscribe(`subscription ($ids: [ID!]!) { transactionBooked(accountIds: $ids) { amount { amount } account { iban balances { type } } } }`, { ids: [accountId] });
    await new Promise((resolve) => setTimeout(resolve, 500));
    const input = { bankId: "musterbank", tppId: sandboxTppId("finanzblick"), idempotencyKey: "distributed-booking", debtorIban: GIRO, creditorIban: "DE89370400440532013000", creditorName: "Hans Handbuch", instructedAmount: { amount: "3.21", currency: "EUR" } };
    const paymentId = (await gql(gateway.url, `mutation ($input: InitiatePaymentInput!) { initiatePayment(input: $input) { payment { id } } }`, { input })).data.initiatePayment.payment.id as string;
    const done = await authoriseAsMax(gateway.url, paymentId);
    expect(done.data!.updatePaymentAuthorisation.payment.status).toBe("ACSC");
    await eventually(() => feed.results, (r) => r.length > 0, 20_000);
    expect(feed.results[0]!.data.transactionBooked).toMatchObject({ amount: { amount: "-3.21" }, account: { iban: GIRO, balances: expect.arrayContaining([expect.objectContaining({ type: expect.any(String) })]) } });
  });
});
