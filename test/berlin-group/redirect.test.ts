/**
 * Redirect SCA through the facade: the initiation answers a scaRedirect link into the hub's PSU pages,
 * an HTTP client plays the PSU's browser there, and the PSU comes back to TPP-Redirect-URI (or
 * TPP-Nok-Redirect-URI); the TPP then sees the consent valid, or the payment executed.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestHub, type TestHub } from "../helpers/hub.js";
import { bearer, clientCredentialsToken } from "../helpers/tokens.js";
import { BerlinGroupClient } from "./client.js";
import { consentBody, PASSWORD, PSU_IP, TAN } from "./flows.js";
import { authoriseInBrowser } from "./psu-browser.js";

const GIRO = "DE80760700240271232400";
const REDIRECT = { "tpp-redirect-uri": "https://tpp.example/done", "tpp-nok-redirect-uri": "https://tpp.example/failed" };

let hub: TestHub;
let tpp: BerlinGroupClient;
beforeAll(async () => {
  hub = await startTestHub();
  tpp = new BerlinGroupClient(hub.url, bearer(await clientCredentialsToken(hub.issuer, "paystream-sandbox", "paystream-sandbox-secret", "accounts payments")));
});
afterAll(() => hub?.stop());

describe("redirect SCA", () => {
  it("authorises a consent on the hub's pages and returns the PSU to TPP-Redirect-URI", async () => {
    const created = await tpp.post("/v1/consents", consentBody({ accounts: [{ iban: GIRO }] }), { headers: { ...PSU_IP, ...REDIRECT, "psu-id": "max.musterman" } });
    expect(created.status, created.text).toBe(201);
    expect(created.headers.get("aspsp-sca-approach")).toBe("REDIRECT");
    const { scaRedirect, scaStatus } = created.body._links;
    expect(scaRedirect.href).toMatch(new RegExp(`^${hub.url}/oauth/sca/consents/${created.body.consentId}/authorisations/`));
    expect(await authoriseInBrowser(scaRedirect.href, { login: "max.musterman", password: PASSWORD, code: TAN, method: "push" })).toBe("https://tpp.example/done");
    expect((await tpp.get(scaStatus.href)).body.scaStatus).toBe("finalised");
    expect((await tpp.get(`/v1/consents/${created.body.consentId}/status`)).body.consentStatus).toBe("valid");
    const accounts = await tpp.get("/v1/accounts", { headers: { "consent-id": created.body.consentId, ...PSU_IP } });
    expect(accounts.body.accounts.map((a: { iban: string }) => a.iban)).toEqual([GIRO]);
  });

  it("executes a payment authorised on the hub's pages, and sends a denying PSU to TPP-Nok-Redirect-URI", async () => {
    const body = { debtorAccount: { iban: GIRO }, instructedAmount: { currency: "EUR", amount: "5.00" }, creditorAccount: { iban: "DE89370400440532013000" }, creditorName: "Hans Handbuch" };
    const created = await tpp.post("/v1/payments/sepa-credit-transfers", body, { headers: { ...PSU_IP, ...REDIRECT, "psu-id": "max.musterman", "tpp-redirect-preferred": "true" } });
    expect(created.status, created.text).toBe(201);
    expect(created.body._links.scaRedirect.href).toContain(`/oauth/sca/payments/${created.body.paymentId}/authorisations/`);
    expect(await authoriseInBrowser(created.body._links.scaRedirect.href, { login: "max.musterman", password: PASSWORD, code: TAN })).toBe("https://tpp.example/done");
    expect((await tpp.get(`${created.headers.get("location")}/status`)).body.transactionStatus).toBe("ACSC");

    const denied = await tpp.post("/v1/payments/sepa-credit-transfers", { ...body, instructedAmount: { currency: "EUR", amount: "6.00" } }, { headers: { ...PSU_IP, ...REDIRECT, "psu-id": "max.musterman" } });
    expect(await authoriseInBrowser(denied.body._links.scaRedirect.href, { login: "max.musterman", password: PASSWORD, code: TAN, deny: true })).toBe("https://tpp.example/failed");
    expect((await tpp.get(`${denied.headers.get("location")}/status`)).body.transactionStatus).toBe("RJCT");
    expect((await tpp.get(denied.body._links.scaStatus.href)).body.scaStatus).toBe("failed");
  });

  it("takes a consent without PSU-ID: the PSU who signs in on the hub's pages becomes its PSU", async () => {
    const headers = { ...PSU_IP, ...REDIRECT, "x-request-id": randomUUID() };
    const created = await tpp.post("/v1/consents", consentBody({ accounts: [{ iban: GIRO }] }), { headers });
    expect(created.status, created.text).toBe(201);
    // The same X-Request-ID and body: the same consent and the same authorisation link.
    const again = await tpp.post("/v1/consents", consentBody({ accounts: [{ iban: GIRO }] }), { headers });
    expect(again.status, again.text).toBe(201);
    expect([again.body.consentId, again.body._links.scaRedirect.href]).toEqual([created.body.consentId, created.body._links.scaRedirect.href]);
    expect(await authoriseInBrowser(created.body._links.scaRedirect.href, { login: "max.musterman", password: PASSWORD, code: TAN, method: "push" })).toBe("https://tpp.example/done");
    const accounts = await tpp.get("/v1/accounts", { headers: { "consent-id": created.body.consentId, ...PSU_IP } });
    expect(accounts.body.accounts.map((a: { iban: string }) => a.iban)).toEqual([GIRO]);

    // A PSU who does not hold the account may sign the consent, but it grants nothing.
    const foreign = await tpp.post("/v1/consents", consentBody({ accounts: [{ iban: GIRO }] }), { headers: { ...PSU_IP, ...REDIRECT } });
    expect(await authoriseInBrowser(foreign.body._links.scaRedirect.href, { login: "anton.brueckner", password: PASSWORD, code: TAN })).toBe("https://tpp.example/done");
    const refused = await tpp.get(`/v1/accounts/${accounts.body.accounts[0].resourceId}`, { headers: { "consent-id": foreign.body.consentId, ...PSU_IP } });
    expect([refused.status, refused.body.tppMessages?.[0]?.code]).toEqual([401, "CONSENT_INVALID"]);
  });

  it("refuses a repeated X-Request-ID with another consent request", async () => {
    const headers = { ...PSU_IP, ...REDIRECT, "psu-id": "max.musterman", "x-request-id": randomUUID() };
    expect((await tpp.post("/v1/consents", consentBody({ accounts: [{ iban: GIRO }] }), { headers })).status).toBe(201);
    const other = await tpp.post("/v1/consents", consentBody({ balances: [{ iban: GIRO }] }), { headers });
    expect([other.status, other.body.tppMessages?.[0]?.code]).toEqual([400, "FORMAT_ERROR"]);
  });

  it("offers startAuthorisation instead when the TPP prefers to start the authorisation explicitly", async () => {
    const created = await tpp.post("/v1/consents", consentBody({ accounts: [{ iban: GIRO }] }), {
      headers: { ...PSU_IP, ...REDIRECT, "psu-id": "max.musterman", "tpp-explicit-authorisation-preferred": "true" },
    });
    expect(created.body._links.startAuthorisation.href).toBe(`/v1/consents/${created.body.consentId}/authorisations`);
    const started = await tpp.post(created.body._links.startAuthorisation.href, undefined, { headers: { ...REDIRECT, "psu-id": "max.musterman" } });
    expect(started.status, started.text).toBe(201);
    expect(started.body._links.scaRedirect.href).toContain(`/authorisations/${started.body.authorisationId}`);
  });
});
