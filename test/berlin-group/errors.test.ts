/**
 * Every documented refusal of the facade, each as Berlin Group tppMessages with the spec's code and
 * HTTP status (and each response checked against the OpenAPI file); headers as the spec says.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sandboxId } from "../../subgraphs/shared/ids.js";
import { startTestHub, type TestHub } from "../helpers/hub.js";
import { bearer, clientCredentialsToken } from "../helpers/tokens.js";
import { BerlinGroupClient, codeOf } from "./client.js";
import { consentBody, PSU_IP, validConsent } from "./flows.js";

const GIRO = "DE80760700240271232400";

let hub: TestHub;
let tpp: BerlinGroupClient;
let consentId: string;
beforeAll(async () => {
  hub = await startTestHub();
  tpp = new BerlinGroupClient(hub.url, bearer(await clientCredentialsToken(hub.issuer, "finanzblick-sandbox", "finanzblick-sandbox-secret", "accounts")));
  consentId = await validConsent(tpp, "max.musterman", { accounts: [{ iban: GIRO }] }, { frequencyPerDay: 1 });
});
afterAll(() => hub?.stop());

const expectCode = (res: { status: number; body: unknown }, status: number, code: string) => expect([res.status, codeOf(res as never)]).toEqual([status, code]);

describe("headers", () => {
  it("requires X-Request-ID as a UUID and echoes it", async () => {
    const missing = await tpp.get(`/v1/consents/${consentId}/status`, { headers: { "x-request-id": undefined } });
    expectCode(missing, 400, "FORMAT_ERROR");
    expect(missing.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    expectCode(await tpp.get(`/v1/consents/${consentId}/status`, { headers: { "x-request-id": "not-a-uuid" } }), 400, "FORMAT_ERROR");
    const id = randomUUID();
    expect((await tpp.get(`/v1/consents/${consentId}/status`, { headers: { "x-request-id": id } })).headers.get("x-request-id")).toBe(id);
  });

  it("ignores unknown and empty optional headers", async () => {
    const created = await tpp.post("/v1/consents", consentBody({ accounts: [{ iban: GIRO }] }), {
      headers: { ...PSU_IP, "psu-id": "max.musterman", "tpp-redirect-preferred": "false", "tpp-nok-redirect-uri": "", "psu-user-agent": "", "x-something-else": "1" },
    });
    expect(created.status, created.text).toBe(201);
  });

  it("refuses an unknown bank and a malformed boolean header", async () => {
    expectCode(await tpp.get(`/v1/consents/${consentId}/status`, { headers: { "x-gtw-aspsp-id": "nobank" } }), 400, "FORMAT_ERROR");
    expectCode(await tpp.post("/v1/consents", consentBody({ accounts: [{ iban: GIRO }] }), { headers: { ...PSU_IP, "psu-id": "max.musterman", "tpp-redirect-preferred": "maybe" } }), 400, "FORMAT_ERROR");
  });
});

describe("consents", () => {
  it("answers CONSENT_UNKNOWN 403 for an unknown, foreign or malformed consent in the path or Consent-ID", async () => {
    expectCode(await tpp.get(`/v1/consents/${randomUUID()}`), 403, "CONSENT_UNKNOWN");
    expectCode(await tpp.get("/v1/consents/not-an-id/status"), 403, "CONSENT_UNKNOWN");
    expectCode(await tpp.get(`/v1/consents/${sandboxId("consent", "paystream:max.musterman:revoked")}`), 403, "CONSENT_UNKNOWN");
    expectCode(await tpp.get("/v1/accounts", { headers: { "consent-id": randomUUID(), ...PSU_IP } }), 403, "CONSENT_UNKNOWN");
  });

  it("answers CONSENT_EXPIRED 401 and CONSENT_INVALID 401", async () => {
    expectCode(await tpp.get("/v1/accounts", { headers: { "consent-id": sandboxId("consent", "finanzblick:anton.brueckner:expired"), ...PSU_IP } }), 401, "CONSENT_EXPIRED");
    const created = await tpp.post("/v1/consents", consentBody({ accounts: [{ iban: GIRO }] }), { headers: { ...PSU_IP, "psu-id": "max.musterman", "tpp-redirect-preferred": "false" } });
    expectCode(await tpp.get("/v1/accounts", { headers: { "consent-id": created.body.consentId, ...PSU_IP } }), 401, "CONSENT_INVALID");
  });

  it("refuses malformed consent requests with FORMAT_ERROR", async () => {
    const headers = { headers: { ...PSU_IP, "psu-id": "max.musterman" } };
    expectCode(await tpp.post("/v1/consents", "{not json", headers), 400, "FORMAT_ERROR");
    expectCode(await tpp.post("/v1/consents", consentBody({ accounts: [{ iban: GIRO }] }, { frequencyPerDay: 4.5 }), headers), 400, "FORMAT_ERROR");
    expectCode(await tpp.post("/v1/consents", consentBody({ accounts: [{ iban: "DE00" }] }), headers), 400, "FORMAT_ERROR");
    expectCode(await tpp.post("/v1/consents", consentBody({ accounts: [{ iban: GIRO }] }, { validUntil: "2001-01-01" }), headers), 400, "FORMAT_ERROR");
    expectCode(await tpp.post("/v1/consents", consentBody({ accounts: [{ bban: "0271232400" } as never] }), headers), 400, "FORMAT_ERROR");
    expectCode(await tpp.post("/v1/consents", consentBody({ accounts: [{ iban: GIRO }] }), { headers: { "psu-id": "max.musterman" } }), 400, "FORMAT_ERROR");
    // Without PSU-ID the consent waits for the PSU to identify in the authorisation.
    const noPsu = await tpp.post("/v1/consents", consentBody({ accounts: [{ iban: GIRO }] }), { headers: { ...PSU_IP, "tpp-redirect-preferred": "false" } });
    expect(noPsu.status, noPsu.text).toBe(201);
    expect(Object.keys(noPsu.body._links)).toContain("startAuthorisationWithPsuIdentification");
  });
});

describe("account data", () => {
  it("requires Consent-ID, bookingStatus and dateFrom, and refuses pages beyond the last", async () => {
    expectCode(await tpp.get("/v1/accounts"), 400, "FORMAT_ERROR");
    const list = await tpp.get("/v1/accounts", { headers: { "consent-id": consentId, ...PSU_IP } });
    const id = list.body.accounts[0].resourceId;
    expectCode(await tpp.get(`/v1/accounts/${id}/transactions?dateFrom=2000-01-01`, { headers: { "consent-id": consentId, ...PSU_IP } }), 400, "FORMAT_ERROR");
    expectCode(await tpp.get(`/v1/accounts/${id}/transactions?bookingStatus=all`, { headers: { "consent-id": consentId, ...PSU_IP } }), 400, "PARAMETER_NOT_SUPPORTED");
    const camt = await tpp.get(`/v1/accounts/${id}/transactions?bookingStatus=booked&dateFrom=2000-01-01`, { headers: { "consent-id": consentId, ...PSU_IP, accept: "application/xml" } });
    expectCode(camt, 406, "REQUESTED_FORMATS_INVALID");
    expectCode(await tpp.get(`/v1/accounts/${randomUUID()}`, { headers: { "consent-id": consentId, ...PSU_IP } }), 404, "RESOURCE_UNKNOWN");
  });

  it("counts reads without the PSU against frequencyPerDay: ACCESS_EXCEEDED 429", async () => {
    const list = await tpp.get("/v1/accounts", { headers: { "consent-id": consentId, ...PSU_IP } });
    const id = list.body.accounts[0].resourceId;
    expect((await tpp.get(`/v1/accounts/${id}`, { headers: { "consent-id": consentId } })).status).toBe(200);
    expectCode(await tpp.get(`/v1/accounts/${id}`, { headers: { "consent-id": consentId } }), 429, "ACCESS_EXCEEDED");
    expect((await tpp.get(`/v1/accounts/${id}`, { headers: { "consent-id": consentId, ...PSU_IP } })).status).toBe(200);
  });

  it("lists only the addressed bank's accounts", async () => {
    const both = await validConsent(tpp, "max.musterman", { allPsd2: "allAccounts" });
    const muster = await tpp.get("/v1/accounts", { headers: { "consent-id": both, ...PSU_IP } });
    const beispiel = await tpp.get("/v1/accounts", { headers: { "consent-id": both, ...PSU_IP, "x-gtw-aspsp-id": "beispielbank" } });
    expect(muster.body.accounts.map((a: { iban: string }) => a.iban)).toContain(GIRO);
    expect(beispiel.body.accounts.map((a: { iban: string }) => a.iban)).toEqual(["DE15500105172295759744"]);
    expectCode(await tpp.get(`/v1/accounts/${muster.body.accounts[0].resourceId}`, { headers: { "consent-id": both, ...PSU_IP, "x-gtw-aspsp-id": "beispielbank" } }), 404, "RESOURCE_UNKNOWN");
  });
});

describe("services", () => {
  it("answers services this ASPSP does not offer with SERVICE_INVALID, and unknown paths with RESOURCE_UNKNOWN", async () => {
    expectCode(await tpp.get("/v1/card-accounts"), 400, "SERVICE_INVALID");
    expectCode(await tpp.post("/v1/signing-baskets", { paymentIds: ["x"] }), 400, "SERVICE_INVALID");
    const unknown = await tpp.get("/v1/nothing-here", { unchecked: true });
    expectCode(unknown, 404, "RESOURCE_UNKNOWN");
    expect(unknown.text).not.toMatch(/errors|stack|at /);
  });
});

describe("funds confirmation", () => {
  it("answers fundsAvailable for a PIISP, and refuses others and unknown accounts", async () => {
    const piisp = new BerlinGroupClient(hub.url, bearer(await clientCredentialsToken(hub.issuer, "checkfunds-sandbox", "checkfunds-sandbox-secret", "fundsconfirmation")));
    const ask = (amount: string, iban = GIRO) => piisp.post("/v1/funds-confirmations", { account: { iban }, instructedAmount: { currency: "EUR", amount } });
    expect((await ask("1.00")).body).toEqual({ fundsAvailable: true });
    expect((await ask("99999999.00")).body).toEqual({ fundsAvailable: false });
    // Without Consent-ID the TPP's valid confirmation-of-funds consent for the account applies; none, none.
    expectCode(await ask("1.00", "DE89370400440532013000"), 400, "CONSENT_UNKNOWN");
    expectCode(await ask("1.00", "DE69760700240340283600"), 400, "CONSENT_UNKNOWN");
    expectCode(await ask("1.001"), 400, "FORMAT_ERROR");
    expectCode(await tpp.post("/v1/funds-confirmations", { account: { iban: GIRO }, instructedAmount: { currency: "EUR", amount: "1.00" } }), 401, "ROLE_INVALID");
  });
});
