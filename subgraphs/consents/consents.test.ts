import { graphql, type ExecutionResult } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConnectorRegistry } from "../../connectors/registry.js";
import { SANDBOX_BANKS } from "../../connectors/sandbox/banks.js";
import { SANDBOX_PASSWORD, SANDBOX_SCA_CODE } from "../../connectors/sandbox/personas.js";
import { openTestDatabase, type TestDatabase } from "../../test/helpers/database.js";
import { operatorCaller, type Caller } from "../shared/context.js";
import { sandboxId } from "../shared/ids.js";
import { sql } from "../shared/orm.js";
import { sandboxTppId } from "../shared/sandbox.js";
import type { RunningSubgraph } from "../shared/subgraph.js";
import { addDays, dayOf } from "./consent-validation.js";
import type { ConsentsContext } from "./context.js";
import { consents } from "./index.js";

const FINANZBLICK = sandboxTppId("finanzblick");
const PAYSTREAM = sandboxTppId("paystream");
const MAX_FINANZBLICK = sandboxId("consent", "finanzblick:max.musterman");
const MARION_RECEIVED = sandboxId("consent", "paystream:marion.mueller");
const TODAY = dayOf(new Date());

let tdb: TestDatabase;
let connectors: ConnectorRegistry;
let running: RunningSubgraph;

async function run(source: string, variableValues?: Record<string, unknown>, caller: Caller = operatorCaller): Promise<ExecutionResult<any>> {
  return graphql({ schema: consents.schema, source, variableValues, contextValue: running.createContext(caller) });
}
async function ok(source: string, variables?: Record<string, unknown>, caller?: Caller): Promise<any> {
  const result = await run(source, variables, caller);
  expect(result.errors).toBeUndefined();
  return result.data;
}
async function fails(source: string, variables?: Record<string, unknown>, caller?: Caller) {
  const result = await run(source, variables, caller);
  expect(result.errors, "expected an error").toBeDefined();
  return result.errors![0]!.extensions as Record<string, unknown>;
}
const outbox = () => sql<{ type: string; subject: string; tpp_id: string; psu_id: string; payload: any }>(
  (running.createContext(operatorCaller) as ConsentsContext).em,
  "select type, subject, tpp_id, psu_id, payload from consents.outbox order by id",
);

const CREATE = `mutation ($input: CreateConsentInput!) { createConsent(input: $input) {
  consent { id status type validUntil lastActionDate psu { id } tpp { id } accounts { iban } access { accounts { iban currency } allPsd2 }
            statusHistory { fromStatus toStatus } } } }`;
const START = `mutation ($input: StartConsentAuthorisationInput!) { startConsentAuthorisation(input: $input) {
  consent { status } authorisation { id scaStatus psu { id } scaMethods { authenticationMethodId } } } }`;
const UPDATE = `mutation ($input: UpdateConsentAuthorisationInput!) { updateConsentAuthorisation(input: $input) {
  consent { id status lastActionDate statusHistory { fromStatus toStatus reason } } authorisation { scaStatus chosenScaMethod { authenticationType } finishedAt } } }`;

const aisInput = (over: Record<string, unknown> = {}) => ({
  tppId: PAYSTREAM,
  psuId: "anton.brueckner",
  access: { accounts: [{ iban: "de69 7607 0024 0340 2836 00", currency: "EUR" }], balances: [{ iban: "DE69760700240340283600" }] },
  recurringIndicator: true,
  validUntil: addDays(TODAY, 30),
  frequencyPerDay: 4,
  ...over,
});
async function createConsent(over: Record<string, unknown> = {}): Promise<string> {
  return (await ok(CREATE, { input: aisInput(over) })).createConsent.consent.id;
}
/** Embedded SCA: password, the first method if the PSU must choose, then the one-time code (or a denial); exempted PSUs stop early. */
async function authorise(consentId: string, psuId = "anton.brueckner", outcome: "FINALISED" | "FAILED" = "FINALISED") {
  const started = (await ok(START, { input: { consentId, psuId, password: SANDBOX_PASSWORD } })).startConsentAuthorisation;
  if (started.authorisation.scaStatus === "EXEMPTED") return started;
  const authorisationId = started.authorisation.id;
  if (started.authorisation.scaStatus === "PSU_AUTHENTICATED") {
    await ok(UPDATE, { input: { consentId, authorisationId, authenticationMethodId: started.authorisation.scaMethods[0].authenticationMethodId } });
  }
  const step = outcome === "FINALISED" ? { scaAuthenticationData: SANDBOX_SCA_CODE } : { deny: true };
  return (await ok(UPDATE, { input: { consentId, authorisationId, ...step } })).updateConsentAuthorisation;
}

beforeAll(async () => {
  tdb = await openTestDatabase();
  connectors = await ConnectorRegistry.create(SANDBOX_BANKS, { db: tdb.db, seed: true });
  running = await consents.open({ db: tdb.db, connectors, seed: true });
});
afterAll(async () => {
  await connectors?.close();
  await tdb?.drop();
});

describe("consents subgraph", () => {
  it("seeds the sandbox consents", async () => {
    const data = await ok(`{ consent(id: "${MAX_FINANZBLICK}") { status type recurringIndicator validUntil frequencyPerDay psu { id } tpp { id }
      accounts { iban } access { balances { iban currency } transactions { iban } }
      authorisations { scaStatus psu { id } finishedAt } statusHistory { fromStatus toStatus } } }`);
    expect(data.consent).toMatchObject({ status: "VALID", type: "AIS", recurringIndicator: true, psu: { id: "max.musterman" }, tpp: { id: FINANZBLICK } });
    expect(data.consent.accounts.map((a: any) => a.iban)).toEqual(["DE80760700240271232400", "DE15500105172295759744"]);
    expect(data.consent.access.balances).toHaveLength(2);
    expect(data.consent.validUntil > TODAY).toBe(true);
    expect(data.consent.authorisations).toMatchObject([{ scaStatus: "FINALISED", psu: { id: "max.musterman" } }]);
    expect(data.consent.statusHistory).toEqual([{ fromStatus: null, toStatus: "RECEIVED" }, { fromStatus: "RECEIVED", toStatus: "VALID" }]);

    const all = await ok(`{ consents(first: 50) { edges { node { status psu { id } tpp { id } access { allPsd2 } } } } }`);
    const seen = all.consents.edges.map((e: any) => `${e.node.psu.id}/${e.node.tpp.id}/${e.node.status}`);
    expect(seen).toEqual(expect.arrayContaining([
      `anton.brueckner/${sandboxTppId("taxmate")}/VALID`,
      `marion.mueller/${PAYSTREAM}/RECEIVED`,
      `max.musterman/${PAYSTREAM}/REVOKED_BY_PSU`,
      `anton.brueckner/${FINANZBLICK}/EXPIRED`,
    ]));
    expect(all.consents.edges.some((e: any) => e.node.access.allPsd2 === "ALL_ACCOUNTS")).toBe(true);
  });

  it("creates a RECEIVED consent with normalised IBANs, history and an outbox event", async () => {
    const before = (await outbox()).length;
    const consent = (await ok(CREATE, { input: aisInput() })).createConsent.consent;
    expect(consent).toMatchObject({ status: "RECEIVED", type: "AIS", lastActionDate: TODAY, psu: { id: "anton.brueckner" }, tpp: { id: PAYSTREAM } });
    expect(consent.accounts).toEqual([{ iban: "DE69760700240340283600" }]);
    expect(consent.access.accounts).toEqual([{ iban: "DE69760700240340283600", currency: "EUR" }]);
    expect(consent.statusHistory).toEqual([{ fromStatus: null, toStatus: "RECEIVED" }]);
    const events = (await outbox()).slice(before);
    expect(events).toMatchObject([{ type: "consent.status_changed", subject: `Consent:${consent.id}`, tpp_id: PAYSTREAM, psu_id: "anton.brueckner" }]);
    expect(events[0]!.payload).toMatchObject({ from: null, to: "received" });
  });

  it("refuses bad input with codes and writes nothing", async () => {
    const before = (await outbox()).length;
    const cases: [Record<string, unknown>, string][] = [
      [{ access: { accounts: [{ iban: "DE69760700240340283601" }] } }, "INVALID_IBAN"],
      [{ access: { accounts: [{ iban: "DE69760700240340283600", currency: "XXX" }] } }, "UNSUPPORTED_CURRENCY"],
      [{ validUntil: addDays(TODAY, -1) }, "INVALID_VALID_UNTIL"],
      [{ validUntil: addDays(TODAY, 181) }, "INVALID_VALID_UNTIL"],
      [{ validUntil: "31.12.2026" }, "INVALID_VALID_UNTIL"],
      [{ recurringIndicator: false, frequencyPerDay: 4 }, "INVALID_FREQUENCY_PER_DAY"],
      [{ frequencyPerDay: 0 }, "INVALID_FREQUENCY_PER_DAY"],
      [{ access: { accounts: [{ iban: "DE69760700240340283600" }], allPsd2: "ALL_ACCOUNTS" } }, "INVALID_ACCESS"],
      [{ tppId: null }, "BAD_USER_INPUT"],
      [{ tppId: "finanzblick" }, "BAD_USER_INPUT"],
      [{ psuId: "no spaces allowed" }, "BAD_USER_INPUT"],
    ];
    for (const [over, code] of cases) expect((await fails(CREATE, { input: aisInput(over) })).code, JSON.stringify(over)).toBe(code);
    expect((await outbox()).length).toBe(before);
    const longest = (await ok(CREATE, { input: aisInput({ validUntil: "9999-12-31" }) })).createConsent.consent;
    expect(longest.validUntil).toBe(addDays(TODAY, 180));
  });

  it("walks the embedded SCA flow to a VALID consent, the bank checking password and code", async () => {
    const consentId = await createConsent({ psuId: "max.musterman", tppId: FINANZBLICK, access: { accounts: [{ iban: "DE80760700240271232400" }] } });
    const started = (await ok(START, { input: { consentId, psuId: "max.musterman" } })).startConsentAuthorisation;
    expect(started.authorisation).toMatchObject({ scaStatus: "PSU_IDENTIFIED", psu: { id: "max.musterman" } });
    const authorisationId = started.authorisation.id;
    const step = (input: Record<string, unknown>) => ({ input: { consentId, authorisationId, ...input } });
    expect((await fails(UPDATE, step({ scaAuthenticationData: SANDBOX_SCA_CODE }))).code).toBe("SCA_STEP_OUT_OF_ORDER");
    expect((await fails(UPDATE, step({ password: SANDBOX_PASSWORD, scaAuthenticationData: SANDBOX_SCA_CODE }))).code).toBe("BAD_USER_INPUT");
    // max.musterman has two SCA methods: the PSU must choose.
    const authenticated = (await ok(UPDATE, step({ password: SANDBOX_PASSWORD }))).updateConsentAuthorisation;
    expect(authenticated.authorisation).toMatchObject({ scaStatus: "PSU_AUTHENTICATED", chosenScaMethod: null });
    expect((await fails(UPDATE, step({ authenticationMethodId: "carrier-pigeon" }))).code).toBe("BAD_USER_INPUT");
    const selected = (await ok(UPDATE, step({ authenticationMethodId: "push" }))).updateConsentAuthorisation;
    expect(selected.authorisation).toMatchObject({ scaStatus: "SCA_METHOD_SELECTED", chosenScaMethod: { authenticationType: "PUSH_OTP" } });
    const done = (await ok(UPDATE, step({ scaAuthenticationData: SANDBOX_SCA_CODE }))).updateConsentAuthorisation;
    expect(done.authorisation).toMatchObject({ scaStatus: "FINALISED", chosenScaMethod: { authenticationType: "PUSH_OTP" } });
    expect(done.authorisation.finishedAt).toBeTruthy();
    expect(done.consent).toMatchObject({ status: "VALID", lastActionDate: TODAY });
    expect(done.consent.statusHistory.at(-1)).toMatchObject({ fromStatus: "RECEIVED", toStatus: "VALID" });
    const events = (await outbox()).filter((e) => e.subject === `Consent:${consentId}`).map((e) => e.payload.to);
    expect(events).toEqual(["received", "valid"]);

    expect((await fails(UPDATE, step({ deny: true }))).code).toBe("CONSENT_NOT_AWAITING_AUTHORISATION");
    expect((await fails(START, { input: { consentId } })).code).toBe("CONSENT_NOT_AWAITING_AUTHORISATION");
  });

  it("selects the only SCA method by itself, and exempts a PSU without one", async () => {
    const consentId = await createConsent();
    const started = (await ok(START, { input: { consentId, psuId: "anton.brueckner", password: SANDBOX_PASSWORD } })).startConsentAuthorisation;
    expect(started.authorisation).toMatchObject({ scaStatus: "SCA_METHOD_SELECTED", scaMethods: [{ authenticationMethodId: "sms" }] });

    const marion = await createConsent({ psuId: "marion.mueller", bankId: "beispielbank", access: { accounts: [{ iban: "DE03500105172351985719" }] } });
    const exempted = (await ok(START, { input: { consentId: marion, psuId: "marion.mueller", password: SANDBOX_PASSWORD } })).startConsentAuthorisation;
    expect(exempted).toMatchObject({ authorisation: { scaStatus: "EXEMPTED", scaMethods: [] }, consent: { status: "VALID" } });
  });

  it("fails the authorisation and rejects the consent on a wrong password or code", async () => {
    const wrongPassword = await createConsent();
    const refused = await run(START, { input: { consentId: wrongPassword, psuId: "anton.brueckner", password: "guess" } });
    expect(refused.errors?.[0]?.extensions?.code).toBe("PSU_CREDENTIALS_INVALID");
    const after = await ok(`{ consent(id: "${wrongPassword}") { status authorisations { scaStatus } } }`);
    expect(after.consent).toEqual({ status: "REJECTED", authorisations: [{ scaStatus: "FAILED" }] });

    const wrongCode = await createConsent();
    const authorisationId = (await ok(START, { input: { consentId: wrongCode, psuId: "anton.brueckner", password: SANDBOX_PASSWORD } })).startConsentAuthorisation.authorisation.id;
    expect((await fails(UPDATE, { input: { consentId: wrongCode, authorisationId, scaAuthenticationData: "000000" } })).code).toBe("PSU_CREDENTIALS_INVALID");
    expect((await ok(`{ consent(id: "${wrongCode}") { status } }`)).consent.status).toBe("REJECTED");
  });

  it("lets only one of two concurrent finalisations through", async () => {
    const consentId = await createConsent();
    const authorisationId = (await ok(START, { input: { consentId, psuId: "anton.brueckner", password: SANDBOX_PASSWORD } })).startConsentAuthorisation.authorisation.id;
    const results = await Promise.all([1, 2].map(() => run(UPDATE, { input: { consentId, authorisationId, scaAuthenticationData: SANDBOX_SCA_CODE } })));
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    expect(["AUTHORISATION_CHANGED", "CONSENT_NOT_AWAITING_AUTHORISATION"]).toContain(results.find((r) => r.errors)!.errors![0]!.extensions!.code);
    const events = (await outbox()).filter((e) => e.subject === `Consent:${consentId}`);
    expect(events.map((e) => e.payload.to)).toEqual(["received", "valid"]);
  });

  it("refuses steps out of order, strangers and unknown ids", async () => {
    const consentId = await createConsent();
    const authorisationId = (await ok(START, { input: { consentId } })).startConsentAuthorisation.authorisation.id;
    expect((await fails(UPDATE, { input: { consentId, authorisationId, password: SANDBOX_PASSWORD } })).code).toBe("PSU_ID_REQUIRED");
    expect((await fails(UPDATE, { input: { consentId, authorisationId } })).code).toBe("BAD_USER_INPUT");
    expect((await fails(START, { input: { consentId, psuId: "max.musterman" } })).code).toBe("PSU_MISMATCH");
    expect((await fails(UPDATE, { input: { consentId: MARION_RECEIVED, authorisationId, deny: true } })).code).toBe("CONSENT_AUTHORISATION_NOT_FOUND");
    expect((await fails(START, { input: { consentId: sandboxId("consent", "nobody") } })).code).toBe("CONSENT_NOT_FOUND");
    expect((await fails(START, { input: { consentId: "42" } })).code).toBe("BAD_USER_INPUT");
    expect((await fails(CREATE, { input: aisInput({ bankId: "atlantis" }) })).code).toBe("BANK_NOT_FOUND");
    expect((await fails(CREATE, { input: aisInput({ tppRedirectUri: "http://tpp.example/cb" }) })).code).toBe("BAD_USER_INPUT");
  });

  it("takes a consent without a PSU and gives it to the first PSU who authorises it", async () => {
    const consent = (await ok(CREATE, { input: aisInput({ psuId: null }) })).createConsent.consent;
    expect(consent.psu).toBeNull();
    await authorise(consent.id, "anton.brueckner");
    const read = await ok(`query ($id: ID!) { consent(id: $id) { status psu { id } } }`, { id: consent.id });
    expect(read.consent).toEqual({ status: "VALID", psu: { id: "anton.brueckner" } });
    const anton: Caller = { kind: "psu", psuId: "anton.brueckner", scopes: [] };
    expect((await ok(`{ consents(first: 100) { edges { node { id } } } }`, {}, anton)).consents.edges.map((e: any) => e.node.id)).toContain(consent.id);
    const other = (await ok(CREATE, { input: aisInput({ psuId: null }) })).createConsent.consent.id;
    const started = (await ok(START, { input: { consentId: other } })).startConsentAuthorisation.authorisation;
    expect([started.scaStatus, started.psu]).toEqual(["RECEIVED", null]);
  });

  it("returns the same consent for a repeated idempotency key, refuses the key for another request, and creates one of concurrent duplicates", async () => {
    const first = (await ok(`mutation ($input: CreateConsentInput!) { createConsent(input: $input) { consent { id } replayed } }`, { input: aisInput({ idempotencyKey: "consent-key-1" }) })).createConsent;
    const again = (await ok(`mutation ($input: CreateConsentInput!) { createConsent(input: $input) { consent { id } replayed } }`, { input: aisInput({ idempotencyKey: "consent-key-1" }) })).createConsent;
    expect(first.replayed).toBe(false);
    expect(again).toEqual({ consent: { id: first.consent.id }, replayed: true });
    const reused = await fails(CREATE, { input: aisInput({ idempotencyKey: "consent-key-1", frequencyPerDay: 2 }) });
    expect([reused.code, reused.consentId]).toEqual(["IDEMPOTENCY_KEY_REUSED", first.consent.id]);
    expect((await fails(CREATE, { input: aisInput({ idempotencyKey: " padded" }) })).code).toBe("BAD_USER_INPUT");
    // Another TPP's key is its own.
    const other = (await ok(CREATE, { input: aisInput({ idempotencyKey: "consent-key-1", tppId: FINANZBLICK }) })).createConsent.consent.id;
    expect(other).not.toBe(first.consent.id);

    const racing = await Promise.all([1, 2, 3, 4].map(() => ok(CREATE, { input: aisInput({ idempotencyKey: "consent-key-race" }) })));
    expect(new Set(racing.map((r) => r.createConsent.consent.id)).size).toBe(1);
    const created = (await outbox()).filter((e) => e.subject === `Consent:${racing[0].createConsent.consent.id}`);
    expect(created).toHaveLength(1);
  });

  it("rejects the consent when SCA fails, and needs every authorisation of a multilevel consent", async () => {
    const failed = await authorise(await createConsent(), "anton.brueckner", "FAILED");
    expect(failed.consent.status).toBe("REJECTED");

    const consentId = await createConsent({ requiredAuthorisations: 2, tppId: FINANZBLICK, psuId: "max.musterman", bankId: "beispielbank", access: { accounts: [{ iban: "DE15500105172295759744" }] } });
    const first = await authorise(consentId, "max.musterman");
    expect(first.consent.status).toBe("PARTIALLY_AUTHORISED");
    await authorise(consentId, "marion.mueller");
    const after = await ok(`{ consent(id: "${consentId}") { status statusHistory { toStatus } authorisations { scaStatus } } }`);
    expect(after.consent.status).toBe("VALID");
    expect(after.consent.statusHistory.map((s: any) => s.toStatus)).toEqual(["RECEIVED", "PARTIALLY_AUTHORISED", "VALID"]);
    expect(after.consent.authorisations.map((a: any) => a.scaStatus).sort()).toEqual(["EXEMPTED", "FINALISED"]);
  });

  it("lets the PSU revoke and the TPP delete, each only their own", async () => {
    const REVOKE = `mutation ($input: RevokeConsentInput!) { revokeConsent(input: $input) { consent { status } } }`;
    const DELETE = `mutation ($input: DeleteConsentInput!) { deleteConsent(input: $input) { consent { status statusHistory { reason } } } }`;
    const consentId = await createConsent();
    expect(await fails(REVOKE, { input: { consentId, psuId: "anton.brueckner" } })).toMatchObject({ code: "ILLEGAL_STATE_TRANSITION", from: "RECEIVED", to: "REVOKED_BY_PSU" });
    await authorise(consentId);
    expect((await fails(REVOKE, { input: { consentId, psuId: "max.musterman" } })).code).toBe("PSU_MISMATCH");
    expect((await fails(REVOKE, { input: { consentId } })).code).toBe("BAD_USER_INPUT");
    const psu: Caller = { kind: "psu", psuId: "anton.brueckner", scopes: [] };
    expect((await ok(REVOKE, { input: { consentId } }, psu)).revokeConsent.consent.status).toBe("REVOKED_BY_PSU");
    expect((await fails(REVOKE, { input: { consentId } }, psu)).code).toBe("ILLEGAL_STATE_TRANSITION");

    const other = await createConsent();
    expect((await fails(DELETE, { input: { consentId: other, tppId: FINANZBLICK } })).code).toBe("TPP_MISMATCH");
    const tpp: Caller = { kind: "tpp", tppId: PAYSTREAM, scopes: [] };
    const deleted = (await ok(DELETE, { input: { consentId: other } }, tpp)).deleteConsent.consent;
    expect(deleted).toMatchObject({ status: "TERMINATED_BY_TPP", statusHistory: [{}, { reason: "deleted by TPP" }] });
    const events = (await outbox()).filter((e) => e.subject === `Consent:${other}`).map((e) => [e.payload.from, e.payload.to]);
    expect(events).toEqual([[null, "received"], ["received", "terminatedByTpp"]]);
  });

  it("shows a TPP caller only its own consents", async () => {
    const tpp: Caller = { kind: "tpp", tppId: FINANZBLICK, scopes: [] };
    const list = await ok(`{ consents(first: 100) { edges { node { tpp { id } } } } }`, undefined, tpp);
    expect(list.consents.edges.length).toBeGreaterThan(0);
    expect(list.consents.edges.every((e: any) => e.node.tpp.id === FINANZBLICK)).toBe(true);
    expect((await ok(`{ consent(id: "${MARION_RECEIVED}") { id } }`, undefined, tpp)).consent).toBeNull();
    expect((await fails(`{ consents(tppId: "${PAYSTREAM}") { edges { cursor } } }`, undefined, tpp)).code).toBe("TPP_MISMATCH");
  });

  it("pages consents by cursor", async () => {
    const page = `query ($after: String, $psuId: String) { consents(first: 2, after: $after, psuId: $psuId) { edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }`;
    const ids: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 20; i++) {
      const data: any = await ok(page, { after, psuId: "anton.brueckner" });
      ids.push(...data.consents.edges.map((e: any) => e.node.id));
      if (!data.consents.pageInfo.hasNextPage) break;
      after = data.consents.pageInfo.endCursor;
    }
    const all = await ok(`{ consents(first: 100, psuId: "anton.brueckner") { edges { node { id } } } }`);
    expect(ids).toEqual(all.consents.edges.map((e: any) => e.node.id));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBeGreaterThan(4);
    expect((await fails(page, { after: "bm9wZQ" })).code).toBe("INVALID_CURSOR");
    expect((await fails(`{ consents(first: 0) { edges { cursor } } }`)).code).toBe("BAD_USER_INPUT");
  });

  it("resolves Consent, Psu and Tpp references; PSU and TPP lists cost one statement per field", async () => {
    const entities = `query ($r: [_Any!]!) { _entities(representations: $r) {
      ... on Consent { id status }
      ... on Psu { id consents(status: VALID) { id tpp { id } authorisations { scaStatus } statusHistory { toStatus } } }
      ... on Tpp { id consents { id } } } }`;
    const one = await ok(entities, { r: [{ __typename: "Consent", id: MAX_FINANZBLICK }, { __typename: "Consent", id: sandboxId("consent", "x") }] });
    expect(one._entities).toEqual([{ id: MAX_FINANZBLICK, status: "VALID" }, null]);

    const statements = async (r: unknown[]) => {
      const counter = tdb.db.statements;
      const start = counter.count;
      const data = await ok(entities, { r });
      return { data, used: counter.count - start };
    };
    const single = await statements([{ __typename: "Psu", id: "max.musterman" }]);
    const psus = ["max.musterman", "anton.brueckner", "marion.mueller"].map((id) => ({ __typename: "Psu", id }));
    const many = await statements([...psus, { __typename: "Tpp", id: FINANZBLICK }, { __typename: "Tpp", id: PAYSTREAM }]);
    expect([...new Set(single.data._entities[0].consents.map((c: any) => c.tpp.id))].sort()).toEqual([sandboxTppId("checkfunds"), FINANZBLICK].sort());
    // marion.mueller's only valid consents are the ones this file authorised for paystream.
    expect(new Set(many.data._entities[2].consents.map((c: any) => c.tpp.id))).toEqual(new Set([PAYSTREAM]));
    expect(many.data._entities[3].consents.length).toBeGreaterThanOrEqual(2);
    expect(single.used).toBe(3);
    expect(many.used).toBe(4);
    expect((await fails(entities, { r: [{ __typename: "Tpp", id: "paystream" }] })).code).toBe("BAD_USER_INPUT");
  });

  it("expires valid consents past validUntil, once, with history and events", async () => {
    const ctx = running.createContext(operatorCaller) as ConsentsContext;
    const later = new Date(Date.parse(`${addDays(TODAY, 95)}T12:00:00Z`));
    const expired = await ctx.consents.expireConsents(later);
    expect(expired).toContain(MAX_FINANZBLICK);
    expect(expired).not.toContain(sandboxId("consent", "taxmate:anton.brueckner"));
    expect(await ctx.consents.expireConsents(later)).toEqual([]);
    const data = await ok(`{ consent(id: "${MAX_FINANZBLICK}") { status lastActionDate statusHistory { fromStatus toStatus changedBy } } }`);
    expect(data.consent).toMatchObject({ status: "EXPIRED", lastActionDate: addDays(TODAY, 95) });
    expect(data.consent.statusHistory.at(-1)).toEqual({ fromStatus: "VALID", toStatus: "EXPIRED", changedBy: "system" });
    const events = (await outbox()).filter((e) => e.subject === `Consent:${MAX_FINANZBLICK}`);
    expect(events.map((e) => e.payload)).toMatchObject([{ from: "valid", to: "expired" }]);
  });
});
