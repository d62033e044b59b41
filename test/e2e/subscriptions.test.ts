/**
 * GraphQL subscriptions end to end: a real graphql-ws client on the hub's port, events from real state
 * changes (outbox → relay → bus, NATS JetStream when NATS_URL is set), selections that cross subgraphs,
 * authorisation per event, the end of a subscription when its consent is revoked, and resumption.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SANDBOX_PASSWORD, SANDBOX_SCA_CODE } from "../../connectors/sandbox/personas.js";
import { eventsConfigFromEnv } from "../../events/config.js";
import { JetStreamBus } from "../../events/jetstream-bus.js";
import { startHub } from "../../gateway/hub.js";
import { createLogger } from "../../gateway/logger.js";
import { sandboxTppId } from "../../subgraphs/shared/sandbox.js";
import { createScratchDatabase, postgresUrl } from "../helpers/database.js";
import { eventually } from "../helpers/events.js";
import { gql, operatorToken, testConfig } from "../helpers/hub.js";
import { natsUrl, scratchStream } from "../helpers/nats.js";
import { bearer, clientCredentialsToken } from "../helpers/tokens.js";
import { connectWs, type WsSession } from "../helpers/ws-client.js";
import type { Hub } from "../../gateway/hub.js";

const FINANZBLICK = sandboxTppId("finanzblick");
const GIRO = "DE80760700240271232400";

let hub: Hub;
let dropDatabase: (() => Promise<void>) | undefined;
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
  const nats = natsUrl();
  const config = testConfig({ databaseUrl: scratch?.url });
  // A stream of its own on NATS, so test files do not read each other's events.
  const events = { ...eventsConfigFromEnv({}), natsUrl: nats, natsStream: scratchStream() };
  hub = await startHub(config, createLogger("silent"), { events });
  finanzblick = await clientCredentialsToken(hub.issuer, "finanzblick-sandbox", "finanzblick-sandbox-secret", "accounts");
  paystream = await clientCredentialsToken(hub.issuer, "paystream-sandbox", "paystream-sandbox-secret", "accounts");
});

afterAll(async () => {
  await Promise.all(sessions.map((s) => s.dispose()));
  if (hub?.events.bus instanceof JetStreamBus) await hub.events.bus.deleteStream();
  await hub?.close();
  await dropDatabase?.();
});

async function createConsent(token: string): Promise<string> {
  const res = await gql(
    hub.url,
    `mutation { createConsent(input: { psuId: "max.musterman", recurringIndicator: true, validUntil: "9999-12-31", frequencyPerDay: 4,
      access: { balances: [{ iban: "${GIRO}" }], transactions: [{ iban: "${GIRO}" }] } }) { consent { id } } }`,
    undefined,
    bearer(token),
  );
  expect(res.errors).toBeUndefined();
  return res.data.createConsent.consent.id;
}

async function authoriseConsent(token: string, consentId: string): Promise<void> {
  const started = await gql(hub.url, `mutation { startConsentAuthorisation(input: { consentId: "${consentId}", psuId: "max.musterman" }) { authorisation { id } } }`, undefined, bearer(token));
  const authorisationId = started.data.startConsentAuthorisation.authorisation.id as string;
  for (const step of [`password: "${SANDBOX_PASSWORD}"`, `authenticationMethodId: "sms"`, `scaAuthenticationData: "${SANDBOX_SCA_CODE}"`]) {
    const moved = await gql(hub.url, `mutation { updateConsentAuthorisation(input: { consentId: "${consentId}", authorisationId: "${authorisationId}", ${step} }) { consent { status } } }`, undefined, bearer(token));
    expect(moved.errors, step).toBeUndefined();
  }
}

async function revokeConsent(consentId: string): Promise<void> {
  const res = await gql(hub.url, `mutation { revokeConsent(input: { consentId: "${consentId}", psuId: "max.musterman" }) { consent { status } } }`);
  expect(res.errors).toBeUndefined();
}

describe("graphql-ws subscriptions", () => {
  it("refuses a connection without a token, and one with a forged token, with the reason", async () => {
    const anonymous = ws({});
    expect(await anonymous.closed).toMatchObject({ code: 4403, reason: expect.stringContaining("UNAUTHENTICATED") });
    const forged = ws({ authorization: `Bearer ${finanzblick.slice(0, -4)}AAAA` });
    expect((await forged.closed).code).toBe(4403);
  });

  it("delivers a consent's status changes with fields from other subgraphs, only to a TPP that may read it", async () => {
    const consentId = await createConsent(finanzblick);
    const query = `subscription ($id: ID!) { changed: consentStatusChanged(consentId: $id) { id status tpp { id legalName } ...Validity } }
      fragment Validity on Consent { validUntil }`;
    const own = ws({ authorization: `Bearer ${finanzblick}` }).subscribe(query, { id: consentId });
    const other = ws({ authorization: `Bearer ${paystream}` }).subscribe(query, { id: consentId });
    await new Promise((resolve) => setTimeout(resolve, 300));
    await authoriseConsent(finanzblick, consentId);
    await eventually(() => own.results, (r) => r.some((x) => x.data?.changed?.status === "VALID"));
    const valid = own.results.find((x) => x.data.changed.status === "VALID")!;
    expect(valid.data.changed).toEqual({ id: consentId, status: "VALID", tpp: { id: FINANZBLICK, legalName: expect.any(String) }, validUntil: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
    expect(valid.eventId).toMatch(/^[0-9a-f-]{36}$/);
    expect(other.results).toEqual([]);
    expect(other.endedWith).toBeUndefined();
  });

  it("ends a subscription made under a consent when the PSU revokes it, with CONSENT_REVOKED", async () => {
    const consentId = await createConsent(finanzblick);
    await authoriseConsent(finanzblick, consentId);
    const session = ws({ authorization: `Bearer ${finanzblick}`, "consent-id": consentId });
    const feed = session.subscribe(`subscription { events(types: ["payment.status_changed"]) { id type } }`);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await revokeConsent(consentId);
    await eventually(() => feed.endedWith, (e) => e !== undefined);
    expect(feed.endedWith![0]!.extensions?.code).toBe("CONSENT_REVOKED");
    // A new subscription under the revoked consent ends at once, with the same reason.
    const again = session.subscribe(`subscription { events { id } }`);
    await eventually(() => again.endedWith, (e) => e !== undefined);
    expect(again.endedWith![0]!.extensions?.code).toBe("CONSENT_REVOKED");
  });

  it("ends a TPP's subscriptions when the operator suspends it, with TPP_NOT_ACTIVE", async () => {
    const taxmate = await clientCredentialsToken(hub.issuer, "taxmate-sandbox", "taxmate-sandbox-secret", "accounts");
    const feed = ws({ authorization: `Bearer ${taxmate}` }).subscribe(`subscription { events(types: ["consent.status_changed"]) { id } }`);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const decided = await gql(hub.url, `mutation { decideTpp(input: { tppId: "${sandboxTppId("taxmate")}", status: SUSPENDED, reason: "audit" }) { status } }`);
    expect(decided.errors).toBeUndefined();
    await eventually(() => feed.endedWith, (e) => e !== undefined);
    expect(feed.endedWith![0]!.extensions?.code).toBe("TPP_NOT_ACTIVE");
  });

  it("resumes after the last event id seen: what was missed, in order, without duplicates", async () => {
    const operator = await operatorToken(hub.url);
    const query = `subscription ($after: ID) { events(types: ["consent.status_changed"], after: $after) { id type subject payload } }`;
    const session = ws({ authorization: `Bearer ${operator}` });
    const first = session.subscribe(query);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const before = [await createConsent(finanzblick), await createConsent(finanzblick)];
    await eventually(() => first.results, (r) => r.length >= 2);
    first.unsubscribe();
    const missed = [await createConsent(finanzblick), await createConsent(finanzblick), await createConsent(finanzblick)];
    const lastSeen = first.results.at(-1)!.data.events.id as string;
    expect(first.results.map((r) => r.data.events.payload.consentId)).toEqual(before);
    const resumed = session.subscribe(query, { after: lastSeen });
    await eventually(() => resumed.results, (r) => r.length >= 3);
    const later = await createConsent(finanzblick);
    await eventually(() => resumed.results, (r) => r.length >= 4);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(resumed.results.map((r) => r.data.events.payload.consentId)).toEqual([...missed, later]);
    const expired = session.subscribe(query, { after: "01890000-0000-7000-8000-000000000000" });
    await eventually(() => expired.endedWith, (e) => e !== undefined);
    expect(expired.endedWith![0]!.extensions?.code).toBe("EVENT_CURSOR_EXPIRED");
  });
});
