/**
 * PIIS: confirmation-of-funds consents of the extension (/v2/consents/confirmation-of-funds), authorised
 * the embedded way, and the funds check under such a consent (checked against the extension's OpenAPI file).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestHub, type TestHub } from "../helpers/hub.js";
import { bearer, clientCredentialsToken } from "../helpers/tokens.js";
import { BerlinGroupClient, codeOf } from "./client.js";
import { PASSWORD, PSU_IP, TAN } from "./flows.js";

const GIRO = "DE80760700240271232400";
const BASE = "/v2/consents/confirmation-of-funds";

let hub: TestHub;
let piisp: BerlinGroupClient;
beforeAll(async () => {
  hub = await startTestHub();
  piisp = new BerlinGroupClient(hub.url, bearer(await clientCredentialsToken(hub.issuer, "checkfunds-sandbox", "checkfunds-sandbox-secret", "fundsconfirmation")));
});
afterAll(() => hub?.stop());

const psu = { headers: { "psu-id": "anton.brueckner" } };

describe("confirmation-of-funds consents (/v2)", () => {
  it("creates, authorises, reads, uses and deletes a consent", async () => {
    const created = await piisp.post(BASE, { account: { iban: "DE69760700240340283600" }, cardNumber: "1234567891234", cardExpiryDate: "2030-12-31" }, { headers: { ...PSU_IP, ...psu.headers, "tpp-redirect-preferred": "false" } });
    expect(created.status, created.text).toBe(201);
    expect(created.body.consentStatus).toBe("received");
    const id = created.body.consentId;
    expect(created.headers.get("location")).toBe(`${BASE}/${id}`);

    const started = await piisp.post(created.body._links.startAuthorisationWithPsuAuthentication.href, { psuData: { password: PASSWORD } }, psu);
    expect(started.body.scaStatus).toBe("scaMethodSelected");
    const done = await piisp.put(`${BASE}/${id}/authorisations/${started.body.authorisationId}`, { scaAuthenticationData: TAN }, psu);
    expect(done.body.scaStatus).toBe("finalised");
    expect((await piisp.get(`${BASE}/${id}/status`)).body.consentStatus).toBe("valid");
    expect((await piisp.get(`${BASE}/${id}/authorisations`)).body.authorisationIds).toEqual([started.body.authorisationId]);
    expect((await piisp.get(`${BASE}/${id}`)).body).toEqual({ account: { iban: "DE69760700240340283600" }, cardNumber: "1234567891234", cardExpiryDate: "2030-12-31", consentStatus: "valid" });

    const funds = await piisp.post("/v1/funds-confirmations", { account: { iban: "DE69760700240340283600" }, instructedAmount: { currency: "EUR", amount: "5.00" } }, { headers: { "consent-id": id } });
    expect(funds.status, funds.text).toBe(200);
    expect(funds.body.fundsAvailable).toBe(true);
    // The consent covers its own account only.
    const otherAccount = await piisp.post("/v1/funds-confirmations", { account: { iban: GIRO }, instructedAmount: { currency: "EUR", amount: "5.00" } }, { headers: { "consent-id": id } });
    expect([otherAccount.status, codeOf(otherAccount)]).toEqual([401, "CONSENT_INVALID"]);

    expect((await piisp.delete(`${BASE}/${id}`)).status).toBe(204);
    expect((await piisp.get(`${BASE}/${id}/status`)).body.consentStatus).toBe("terminatedByTpp");
    const afterDelete = await piisp.post("/v1/funds-confirmations", { account: { iban: "DE69760700240340283600" }, instructedAmount: { currency: "EUR", amount: "5.00" } }, { headers: { "consent-id": id } });
    expect([afterDelete.status, codeOf(afterDelete)]).toEqual([401, "CONSENT_INVALID"]);
  });

  it("keeps AIS and PIIS consents apart, and refuses a TPP without the PIISP role", async () => {
    const created = await piisp.post(BASE, { account: { iban: GIRO } }, { headers: { ...PSU_IP, "psu-id": "max.musterman", "tpp-redirect-preferred": "false" } });
    expect(created.status).toBe(201);
    const asAis = await piisp.get(`/v1/consents/${created.body.consentId}`);
    expect([asAis.status, codeOf(asAis)]).toEqual([401, "ROLE_INVALID"]);
    const aisp = new BerlinGroupClient(hub.url, bearer(await clientCredentialsToken(hub.issuer, "finanzblick-sandbox", "finanzblick-sandbox-secret", "accounts")));
    const refused = await aisp.post(BASE, { account: { iban: GIRO } }, { headers: { ...PSU_IP, "psu-id": "max.musterman" } });
    expect([refused.status, codeOf(refused)]).toEqual([401, "CERTIFICATE_INVALID"]);
    const bad = await piisp.post(BASE, { account: { pan: "1234" } }, { headers: { ...PSU_IP, "psu-id": "max.musterman" } });
    expect([bad.status, codeOf(bad)]).toEqual([400, "FORMAT_ERROR"]);
  });
});
