/**
 * The PSU authorises on the hub's own pages: OAuth authorization code with PKCE (pushed), consent-bound
 * tokens, refresh and revocation; and Berlin Group redirect SCA for a consent and a payment. Real HTTP,
 * real pages, real ledger.
 */
import { decodeJwt } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SANDBOX_PASSWORD, SANDBOX_SCA_CODE } from "../../connectors/sandbox/personas.js";
import { Browser, type Page } from "../helpers/browser.js";
import { basic, CLIENT, GIRO, pkce, psuFlows, type PsuFlows } from "../helpers/psu-flows.js";
import { gql, startTestHub, type TestHub } from "../helpers/hub.js";
import { bearer, clientCredentialsToken } from "../helpers/tokens.js";

const ANTON_GIRO = "DE69760700240340283600";

let hub: TestHub;
let tppToken: string;
let flows: PsuFlows;

beforeAll(async () => {
  hub = await startTestHub();
  flows = psuFlows(hub);
  tppToken = await clientCredentialsToken(hub.issuer, CLIENT.id, CLIENT.secret, "accounts");
});
afterAll(async () => hub?.stop());

const createConsent = (psuId: string, iban: string, extra = "") => flows.createConsent(tppToken, psuId, iban, extra);
const form = (path: string, body: Record<string, string>) => flows.form(path, body);
const authorize = (binding: Record<string, string>, challenge: string) => flows.authorize(binding, challenge);
const approveAsMax = (browser: Browser, url: string, page: Page) => flows.approveAsMax(browser, url, page);

describe("PSU authorisation with authorization code, PKCE and pushed requests", () => {
  it("binds the token to the consent the PSU approved, refreshes it, and revoking the refresh token stops it at once", async () => {
    const consentId = await createConsent("max.musterman", GIRO);
    const { verifier, challenge } = pkce();
    const { browser, page, pageUrl } = await authorize({ consent_id: consentId }, challenge);
    const back = await approveAsMax(browser, pageUrl, page);
    const callback = new URL(back.location!);
    expect(`${callback.origin}${callback.pathname}`).toBe(CLIENT.redirectUri);
    expect(callback.searchParams.get("state")).toBe("st-1");
    const code = callback.searchParams.get("code")!;

    const wrongVerifier = await form("/oauth/token", { grant_type: "authorization_code", code, redirect_uri: CLIENT.redirectUri, code_verifier: pkce().verifier });
    expect(wrongVerifier.body.error).toBe("invalid_grant");
    // A code is single-use: the failed attempt above consumed it, so start again.
    const again = await authorize({ consent_id: consentId }, challenge);
    expect(new URL(again.page.location!).searchParams.get("error_description")).toMatch(/no authorisation any more/); // the consent is valid now

    const second = await createConsent("max.musterman", GIRO);
    const flow = await authorize({ consent_id: second }, challenge);
    const code2 = new URL((await approveAsMax(flow.browser, flow.pageUrl, flow.page)).location!).searchParams.get("code")!;
    const tokens = await form("/oauth/token", { grant_type: "authorization_code", code: code2, redirect_uri: CLIENT.redirectUri, code_verifier: verifier });
    expect(tokens.status, JSON.stringify(tokens.body)).toBe(200);
    expect(tokens.body.refresh_token).toBeTruthy();
    const claims = decodeJwt(tokens.body.access_token!);
    expect(claims).toMatchObject({ psu_id: "max.musterman", consent_id: second, client_id: CLIENT.id, scope: "accounts" });
    expect(typeof claims.gid).toBe("string");

    // No Consent-ID header needed: the token carries its consent; another PSU's account stays closed.
    const read = await gql(hub.url, `{ accountByIban(iban: "${GIRO}") { iban balances { type } } }`, undefined, { ...bearer(tokens.body.access_token!), "psu-ip-address": "192.0.2.10" });
    expect(read.errors).toBeUndefined();
    expect(read.data.accountByIban.balances.length).toBeGreaterThan(0);
    const other = await gql(hub.url, `{ accountByIban(iban: "${ANTON_GIRO}") { iban } }`, undefined, bearer(tokens.body.access_token!));
    expect(other.errors?.[0]?.extensions?.code).toBe("CONSENT_INVALID");
    const status = await gql(hub.url, `{ consent(id: "${second}") { status authorisations { scaStatus psu { id } } } }`, undefined, bearer(tppToken));
    expect(status.data.consent).toEqual({ status: "VALID", authorisations: [{ scaStatus: "FINALISED", psu: { id: "max.musterman" } }] });

    const refreshed = await form("/oauth/token", { grant_type: "refresh_token", refresh_token: tokens.body.refresh_token! });
    expect(refreshed.status, JSON.stringify(refreshed.body)).toBe(200);
    expect(decodeJwt(refreshed.body.access_token!)).toMatchObject({ consent_id: second, psu_id: "max.musterman" });

    const revoked = await fetch(`${hub.url}/oauth/revoke`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", authorization: basic(CLIENT.id, CLIENT.secret) },
      body: new URLSearchParams({ token: refreshed.body.refresh_token ?? tokens.body.refresh_token!, token_type_hint: "refresh_token" }),
    });
    expect(revoked.status).toBe(200);
    const afterRevocation = await gql(hub.url, `{ accountByIban(iban: "${GIRO}") { iban } }`, undefined, bearer(refreshed.body.access_token!));
    expect(afterRevocation.status).toBe(401);
    expect(afterRevocation.errors?.[0]?.extensions).toMatchObject({ code: "UNAUTHENTICATED", reason: "its grant was revoked" });
    expect((await form("/oauth/token", { grant_type: "refresh_token", refresh_token: refreshed.body.refresh_token! })).body.error).toBe("invalid_grant");
  });

  it("sends the PSU back with access_denied and rejects the consent when the PSU denies", async () => {
    const consentId = await createConsent("max.musterman", GIRO);
    const { browser, page, pageUrl } = await authorize({ consent_id: consentId }, pkce().challenge);
    const back = await browser.follow(await browser.submit(pageUrl, page, { action: "deny" }));
    const callback = new URL(back.location!);
    expect(callback.searchParams.get("error")).toBe("access_denied");
    const consent = await gql(hub.url, `{ consent(id: "${consentId}") { status authorisations { scaStatus } } }`, undefined, bearer(tppToken));
    expect(consent.data.consent).toEqual({ status: "REJECTED", authorisations: [{ scaStatus: "FAILED" }] });
  });

  it("fails the authorisation on a wrong password, and refuses requests without PKCE or for another TPP's consent", async () => {
    const consentId = await createConsent("max.musterman", GIRO);
    const { browser, page, pageUrl } = await authorize({ consent_id: consentId }, pkce().challenge);
    const back = await browser.follow(await browser.submit(pageUrl, page, { action: "login", psuId: "max.musterman", password: "guess" }));
    expect(new URL(back.location!).searchParams.get("error")).toBe("access_denied");
    expect((await gql(hub.url, `{ consent(id: "${consentId}") { status } }`, undefined, bearer(tppToken))).data.consent.status).toBe("REJECTED");

    const noPkce = await form("/oauth/par", { response_type: "code", client_id: CLIENT.id, redirect_uri: CLIENT.redirectUri, scope: "accounts", consent_id: consentId });
    expect(noPkce.body.error).toBe("invalid_request");

    const paystream = await clientCredentialsToken(hub.issuer, "paystream-sandbox", "paystream-sandbox-secret", "accounts");
    const foreign = await gql(
      hub.url,
      `mutation { createConsent(input: { psuId: "max.musterman", recurringIndicator: false, validUntil: "9999-12-31", frequencyPerDay: 1,
        access: { accounts: [{ iban: "${GIRO}" }] } }) { consent { id } } }`,
      undefined,
      bearer(paystream),
    );
    const other = await authorize({ consent_id: foreign.data.createConsent.consent.id }, pkce().challenge);
    expect(new URL(other.page.location!).searchParams.get("error")).toBe("invalid_request");
  });
});

describe("Berlin Group redirect SCA on the hub's pages", () => {
  it("authorises a consent of an exempted PSU and returns to the TPP-Redirect-URI", async () => {
    const consentId = await createConsent("marion.mueller", "DE03500105172351985719", `bankId: "beispielbank", tppRedirectUri: "https://finanzblick.example/ok", tppNokRedirectUri: "https://finanzblick.example/nok",`);
    const started = await gql(hub.url, `mutation { startConsentAuthorisation(input: { consentId: "${consentId}" }) { authorisation { id scaStatus } } }`, undefined, bearer(tppToken));
    const url = `/oauth/sca/consents/${consentId}/authorisations/${started.data.startConsentAuthorisation.authorisation.id}`;
    const browser = new Browser(hub.url);
    const page = await browser.get(url);
    expect(page.html).toContain("Log in to your bank");
    const done = await browser.submit(url, page, { action: "login", psuId: "marion.mueller", password: SANDBOX_PASSWORD });
    expect(done).toMatchObject({ status: 303, location: "https://finanzblick.example/ok" });
    const consent = await gql(hub.url, `{ consent(id: "${consentId}") { status authorisations { scaStatus } } }`, undefined, bearer(tppToken));
    expect(consent.data.consent).toEqual({ status: "VALID", authorisations: [{ scaStatus: "EXEMPTED" }] });
    expect((await browser.submit(url, page, { action: "deny" })).status).toBe(400); // the flow is over
  });

  it("executes a payment after the PSU's code on the hub's pages, and sends a denial to the TPP-Nok-Redirect-URI", async () => {
    const paystream = await clientCredentialsToken(hub.issuer, "paystream-sandbox", "paystream-sandbox-secret", "payments");
    const initiate = (key: string) =>
      gql(
        hub.url,
        `mutation { initiatePayment(input: { bankId: "musterbank", psuId: "anton.brueckner", debtorIban: "${ANTON_GIRO}", creditorIban: "${GIRO}",
          creditorName: "Max Mustermann", instructedAmount: { amount: "7.50", currency: "EUR" }, idempotencyKey: "${key}",
          tppRedirectUri: "https://paystream.example/ok", tppNokRedirectUri: "https://paystream.example/nok" }) { payment { id status } } }`,
        undefined,
        bearer(paystream),
      );
    const payFlow = async (key: string) => {
      const paymentId = (await initiate(key)).data.initiatePayment.payment.id as string;
      const started = await gql(hub.url, `mutation { startPaymentAuthorisation(input: { paymentId: "${paymentId}" }) { authorisation { id } } }`, undefined, bearer(paystream));
      const url = `/oauth/sca/payments/${paymentId}/authorisations/${started.data.startPaymentAuthorisation.authorisation.id}`;
      const browser = new Browser(hub.url);
      return { paymentId, url, browser, page: await browser.get(url) };
    };

    const paid = await payFlow("redirect-pay-1");
    expect(paid.page.html).toContain("Pay 7.50 EUR from " + ANTON_GIRO);
    const confirm = await paid.browser.submit(paid.url, paid.page, { action: "login", psuId: "anton.brueckner", password: SANDBOX_PASSWORD });
    expect(confirm.html).toContain("One-time code"); // anton has one method: selected without asking
    const done = await paid.browser.submit(paid.url, confirm, { action: "approve", scaAuthenticationData: SANDBOX_SCA_CODE });
    expect(done).toMatchObject({ status: 303, location: "https://paystream.example/ok" });
    const payment = await gql(hub.url, `{ payment(id: "${paid.paymentId}") { status authorisations { scaStatus } } }`, undefined, bearer(paystream));
    expect(payment.data.payment).toEqual({ status: "ACSC", authorisations: [{ scaStatus: "FINALISED" }] });

    const refused = await payFlow("redirect-pay-2");
    const denied = await refused.browser.submit(refused.url, refused.page, { action: "deny" });
    expect(denied).toMatchObject({ status: 303, location: "https://paystream.example/nok" });
    const rejected = await gql(hub.url, `{ payment(id: "${refused.paymentId}") { status rejectionReason } }`, undefined, bearer(paystream));
    expect(rejected.data.payment).toEqual({ status: "RJCT", rejectionReason: "SCA_FAILED" });
  });

  it("answers unknown or malformed authorisation links with a page, not an error dump", async () => {
    const browser = new Browser(hub.url);
    expect((await browser.get(`/oauth/sca/consents/not-a-uuid/authorisations/x`)).status).toBe(404);
    const stale = await browser.get(`/oauth/interaction/unknown-uid`);
    expect(stale.status).toBe(400);
    expect(stale.html).toContain("expired");
  });
});
