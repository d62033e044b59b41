/** The steps of a PSU's authorisation on a hub's pages, as the Finanzblick sandbox app performs them. */
import { createHash, randomBytes } from "node:crypto";
import { expect } from "vitest";
import { SANDBOX_PASSWORD, SANDBOX_SCA_CODE } from "../../connectors/sandbox/personas.js";
import { Browser, type Page } from "./browser.js";
import { gql, type TestHub } from "./hub.js";
import { bearer } from "./tokens.js";

export const GIRO = "DE80760700240271232400";
export const CLIENT = { id: "finanzblick-sandbox", secret: "finanzblick-sandbox-secret", redirectUri: "http://localhost:8080/callback" };
export const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${id}:${secret}`).toString("base64")}`;

export const pkce = () => {
  const verifier = randomBytes(32).toString("base64url");
  return { verifier, challenge: createHash("sha256").update(verifier).digest("base64url") };
};

export function psuFlows(hub: Pick<TestHub, "url">) {
  const flows = {
    async createConsent(tppToken: string, psuId: string, iban: string, extra = ""): Promise<string> {
      const res = await gql(
        hub.url,
        `mutation { createConsent(input: { psuId: "${psuId}", recurringIndicator: true, validUntil: "9999-12-31", frequencyPerDay: 4, ${extra}
          access: { accounts: [{ iban: "${iban}" }], balances: [{ iban: "${iban}" }] } }) { consent { id } } }`,
        undefined,
        bearer(tppToken),
      );
      expect(res.errors).toBeUndefined();
      return res.data.createConsent.consent.id as string;
    },

    async form(path: string, body: Record<string, string>, auth = basic(CLIENT.id, CLIENT.secret)) {
      const response = await fetch(`${hub.url}${path}`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", authorization: auth },
        body: new URLSearchParams(body),
      });
      return { status: response.status, body: (await response.json().catch(() => ({}))) as Record<string, string> };
    },

    /** Pushes the authorization request and opens its page in a fresh browser. */
    async authorize(binding: Record<string, string>, challenge: string) {
      const pushed = await flows.form("/oauth/par", {
        response_type: "code",
        client_id: CLIENT.id,
        redirect_uri: CLIENT.redirectUri,
        scope: "accounts",
        state: "st-1",
        code_challenge: challenge,
        code_challenge_method: "S256",
        ...binding,
      });
      expect(pushed.status, JSON.stringify(pushed.body)).toBe(201);
      const browser = new Browser(hub.url);
      const start = await browser.get(`/oauth/authorize?client_id=${CLIENT.id}&request_uri=${encodeURIComponent(pushed.body.request_uri!)}`);
      const page = await browser.follow(start);
      return { browser, page, pageUrl: start.location! };
    },

    async approveAsMax(browser: Browser, url: string, page: Page): Promise<Page> {
      expect(page.html).toContain("Finanzblick Budget GmbH");
      expect(page.html).toContain(`Balances of ${GIRO}`);
      const methods = await browser.submit(url, page, { action: "login", psuId: "max.musterman", password: SANDBOX_PASSWORD });
      expect(methods.html).toContain("Choose how to confirm");
      const confirm = await browser.submit(url, methods, { action: "select", authenticationMethodId: "sms" });
      expect(confirm.html).toContain("One-time code");
      return browser.follow(await browser.submit(url, confirm, { action: "approve", scaAuthenticationData: SANDBOX_SCA_CODE }));
    },

    /** A new consent of max.musterman for Finanzblick, approved on the pages; the tokens the code buys. */
    async consentTokens(tppToken: string): Promise<{ consentId: string; access_token: string; refresh_token: string }> {
      const consentId = await flows.createConsent(tppToken, "max.musterman", GIRO);
      const { verifier, challenge } = pkce();
      const { browser, page, pageUrl } = await flows.authorize({ consent_id: consentId }, challenge);
      const code = new URL((await flows.approveAsMax(browser, pageUrl, page)).location!).searchParams.get("code")!;
      const tokens = await flows.form("/oauth/token", { grant_type: "authorization_code", code, redirect_uri: CLIENT.redirectUri, code_verifier: verifier });
      expect(tokens.status, JSON.stringify(tokens.body)).toBe(200);
      return { consentId, access_token: tokens.body.access_token!, refresh_token: tokens.body.refresh_token! };
    },
  };
  return flows;
}

export type PsuFlows = ReturnType<typeof psuFlows>;
