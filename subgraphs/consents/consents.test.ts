import { graphql, type ExecutionResult } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
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
  consent { status } authorisation { id scaStatus psu { id } } } }`;
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
async function authorise(consentId: string, psuId = "anton.brueckner", to = "FINALISED") {
  const started = await ok(START, { input: { consentId, psuId } });
  const authorisationId = started.startConsentAuthorisation.authorisation.id;
  await ok(UPDATE, { input: { consentId, authorisationId, scaStatus: "STARTED" } });
  return (await ok(UPDATE, { input: { consentId, authorisationId, scaStatus: to } })).updateConsentAuthorisation;
}

beforeAll(async () => {
  tdb = await openTestDatabase();
  running = await consents.open({ db: tdb.db, connectors: undefined as never, seed: true });
});
afterAll(async () => tdb?.drop());

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

  it("walks the embedded SCA flow to a VALID consent", async () => {
    const consentId = await createConsent();
    const started = (await ok(START, { input: { consentId, psuId: "anton.brueckner" } })).startConsentAuthorisation;
    expect(started.authorisation).toMatchObject({ scaStatus: "PSU_IDENTIFIED", psu: { id: "anton.brueckner" } });
    const authorisationId = started.authorisation.id;
    const move = (scaStatus: string, extra: Record<string, unknown> = {}) => ({ input: { consentId, authorisationId, scaStatus, ...extra } });
    await ok(UPDATE, move("PSU_AUTHENTICATED"));
    expect((await fails(UPDATE, move("SCA_METHOD_SELECTED"))).code).toBe("BAD_USER_INPUT");
    await ok(UPDATE, move("SCA_METHOD_SELECTED", { scaMethod: { authenticationType: "SMS_OTP", authenticationMethodId: "sms-1" } }));
    const done = (await ok(UPDATE, move("FINALISED"))).updateConsentAuthorisation;
    expect(done.authorisation).toMatchObject({ scaStatus: "FINALISED", chosenScaMethod: { authenticationType: "SMS_OTP" } });
    expect(done.authorisation.finishedAt).toBeTruthy();
    expect(done.consent).toMatchObject({ status: "VALID", lastActionDate: TODAY });
    expect(done.consent.statusHistory.at(-1)).toMatchObject({ fromStatus: "RECEIVED", toStatus: "VALID" });
    const events = (await outbox()).filter((e) => e.subject === `Consent:${consentId}`).map((e) => e.payload.to);
    expect(events).toEqual(["received", "valid"]);

    const again = await fails(UPDATE, move("FAILED"));
    expect(again).toMatchObject({ code: "ILLEGAL_STATE_TRANSITION", from: "FINALISED", to: "FAILED" });
    expect((await fails(START, { input: { consentId } })).code).toBe("CONSENT_NOT_AWAITING_AUTHORISATION");
  });

  it("lets only one of two concurrent finalisations through", async () => {
    const consentId = await createConsent();
    const authorisationId = (await ok(START, { input: { consentId, psuId: "anton.brueckner" } })).startConsentAuthorisation.authorisation.id;
    await ok(UPDATE, { input: { consentId, authorisationId, scaStatus: "STARTED" } });
    const results = await Promise.all([1, 2].map(() => run(UPDATE, { input: { consentId, authorisationId, scaStatus: "FINALISED" } })));
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    expect(results.find((r) => r.errors)!.errors![0]!.extensions!.code).toBe("ILLEGAL_STATE_TRANSITION");
    const events = (await outbox()).filter((e) => e.subject === `Consent:${consentId}`);
    expect(events.map((e) => e.payload.to)).toEqual(["received", "valid"]);
  });

  it("refuses illegal SCA moves, strangers and unknown ids", async () => {
    const consentId = await createConsent();
    const authorisationId = (await ok(START, { input: { consentId } })).startConsentAuthorisation.authorisation.id;
    const skip = await fails(UPDATE, { input: { consentId, authorisationId, scaStatus: "FINALISED" } });
    expect(skip).toMatchObject({ code: "ILLEGAL_STATE_TRANSITION", from: "RECEIVED", to: "FINALISED" });
    expect((await fails(UPDATE, { input: { consentId, authorisationId, scaStatus: "PSU_IDENTIFIED" } })).code).toBe("BAD_USER_INPUT");
    expect((await fails(START, { input: { consentId, psuId: "max.musterman" } })).code).toBe("PSU_MISMATCH");
    expect((await fails(UPDATE, { input: { consentId: MARION_RECEIVED, authorisationId, scaStatus: "STARTED" } })).code).toBe("CONSENT_AUTHORISATION_NOT_FOUND");
    expect((await fails(START, { input: { consentId: sandboxId("consent", "nobody") } })).code).toBe("CONSENT_NOT_FOUND");
    expect((await fails(START, { input: { consentId: "42" } })).code).toBe("BAD_USER_INPUT");
  });

  it("rejects the consent when SCA fails, and needs every authorisation of a multilevel consent", async () => {
    const failed = await authorise(await createConsent(), "anton.brueckner", "FAILED");
    expect(failed.consent.status).toBe("REJECTED");

    const consentId = await createConsent({ requiredAuthorisations: 2 });
    const first = await authorise(consentId, "anton.brueckner");
    expect(first.consent.status).toBe("PARTIALLY_AUTHORISED");
    const second = await authorise(consentId, "marion.mueller");
    expect(second.consent.status).toBe("VALID");
    expect(second.consent.statusHistory.map((s: any) => s.toStatus)).toEqual(["RECEIVED", "PARTIALLY_AUTHORISED", "VALID"]);
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
    expect(single.data._entities[0].consents.map((c: any) => c.tpp.id).sort()).toEqual([sandboxTppId("checkfunds"), FINANZBLICK].sort());
    expect(many.data._entities[2].consents).toEqual([]);
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
