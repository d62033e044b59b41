/**
 * The consent clock: `consent.expiring` once per consent within the notice period, and the move to
 * expired once validUntil has passed, each exactly once while two hub instances tick at the same time
 * (two connection pools on PostgreSQL; on PGlite the one connection serialises them).
 */
import { graphql } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConnectorRegistry } from "../../connectors/registry.js";
import { SANDBOX_BANKS } from "../../connectors/sandbox/banks.js";
import { createLogger } from "../../gateway/logger.js";
import { openTestDatabase, type TestDatabase } from "../../test/helpers/database.js";
import { operatorCaller } from "../shared/context.js";
import { Database, sql } from "../shared/orm.js";
import type { RunningSubgraph } from "../shared/subgraph.js";
import { sandboxTppId } from "../shared/sandbox.js";
import { CONSENT_EXPIRING, startConsentClock, type ConsentClock } from "./consent-expiry.js";
import { addDays, dayOf } from "./consent-validation.js";
import type { ConsentsContext } from "./context.js";
import { consents } from "./index.js";

const TODAY = dayOf(new Date());
const HOUR = 3_600_000;

let tdb: TestDatabase;
let second: Database | undefined;
let instances: RunningSubgraph[];
let clocks: ConsentClock[];
let now = new Date();

const em = () => (instances[0]!.createContext(operatorCaller) as ConsentsContext).em;

async function validConsent(validUntil: string): Promise<string> {
  const created = await graphql({
    schema: consents.schema,
    source: `mutation ($input: CreateConsentInput!) { createConsent(input: $input) { consent { id } } }`,
    variableValues: {
      input: { tppId: sandboxTppId("finanzblick"), psuId: "anton.brueckner", access: { balances: [{ iban: "DE69760700240340283600" }] }, recurringIndicator: true, validUntil: addDays(TODAY, 30), frequencyPerDay: 4 },
    },
    contextValue: instances[0]!.createContext(operatorCaller),
  });
  expect(created.errors).toBeUndefined();
  const id = (created.data as { createConsent: { consent: { id: string } } }).createConsent.consent.id;
  await sql(em(), `update consents.consent set status = 'valid', valid_until = ? where id = ?`, [validUntil, id]);
  return id;
}

const events = (type: string, consentId: string) =>
  sql<{ payload: { to?: string } }>(em(), `select payload from consents.outbox where type = ? and subject = ? order by id`, [type, `Consent:${consentId}`]);

beforeAll(async () => {
  tdb = await openTestDatabase();
  const connectors = await ConnectorRegistry.create(SANDBOX_BANKS, { db: tdb.db, seed: false });
  instances = [await consents.open({ db: tdb.db, connectors, seed: false })];
  if (tdb.url) {
    second = await Database.open({ url: tdb.url, dataDir: "memory://", poolSize: 4 });
    instances.push(await consents.open({ db: second, connectors, seed: false }));
  } else {
    instances.push(instances[0]!);
  }
  const options = { noticeMs: 72 * HOUR, intervalMs: 3_600_000, logger: createLogger("silent"), clock: () => now };
  clocks = instances.map((instance) => startConsentClock(instance, options));
});

afterAll(async () => {
  await Promise.all(clocks.map((c) => c.stop()));
  await second?.close();
  await tdb.drop();
});

describe("consent clock", () => {
  it("emits consent.expiring once, within the notice period only, however many instances tick", async () => {
    const soon = await validConsent(addDays(TODAY, 2));
    const later = await validConsent(addDays(TODAY, 30));
    now = new Date();
    const results = await Promise.all([...clocks, ...clocks].map((c) => c.tick()));
    expect(results.flatMap((r) => r.noticed).filter((id) => id === soon)).toEqual([soon]);
    expect(await events(CONSENT_EXPIRING, soon)).toHaveLength(1);
    expect(await events(CONSENT_EXPIRING, later)).toHaveLength(0);
    await Promise.all(clocks.map((c) => c.tick()));
    expect(await events(CONSENT_EXPIRING, soon)).toHaveLength(1);
    // The notice is recorded on the consent: once the outbox row is pruned, the clock still does not send it again.
    await sql(em(), `delete from consents.outbox where type = ? and subject = ?`, [CONSENT_EXPIRING, `Consent:${soon}`]);
    const again = await Promise.all(clocks.map((c) => c.tick()));
    expect(again.flatMap((r) => r.noticed)).not.toContain(soon);
    expect(await events(CONSENT_EXPIRING, soon)).toHaveLength(0);
  });

  it("moves a consent to expired once validUntil has passed, with one status event", async () => {
    const ending = await validConsent(addDays(TODAY, 1));
    now = new Date(Date.parse(`${addDays(TODAY, 1)}T23:59:00Z`));
    await Promise.all(clocks.map((c) => c.tick()));
    expect((await sql<{ status: string }>(em(), `select status from consents.consent where id = ?`, [ending]))[0]!.status).toBe("valid");
    now = new Date(Date.parse(`${addDays(TODAY, 2)}T00:00:01Z`));
    const results = await Promise.all([...clocks, ...clocks].map((c) => c.tick()));
    expect(results.flatMap((r) => r.expired).filter((id) => id === ending)).toEqual([ending]);
    expect((await sql<{ status: string }>(em(), `select status from consents.consent where id = ?`, [ending]))[0]!.status).toBe("expired");
    const changes = await events("consent.status_changed", ending);
    expect(changes.filter((e) => e.payload.to === "expired")).toHaveLength(1);
  });
});
