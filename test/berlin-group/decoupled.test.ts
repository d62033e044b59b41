/**
 * Decoupled SCA through the facade: with TPP-Decoupled-Preferred the TPP starts the authorisation and
 * only polls its scaStatus, while the PSU confirms on another channel, the bank's app; in the sandbox
 * that app is the hub's PSU page whose address the psuMessage gives. An HTTP client plays the PSU there.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestHub, type TestHub } from "../helpers/hub.js";
import { bearer, clientCredentialsToken } from "../helpers/tokens.js";
import { BerlinGroupClient } from "./client.js";
import { consentBody, PASSWORD, PSU_IP, TAN } from "./flows.js";
import { authoriseInBrowser } from "./psu-browser.js";

const GIRO = "DE80760700240271232400";
const DECOUPLED = { "tpp-decoupled-preferred": "true" };

let hub: TestHub;
let tpp: BerlinGroupClient;
beforeAll(async () => {
  hub = await startTestHub();
  tpp = new BerlinGroupClient(hub.url, bearer(await clientCredentialsToken(hub.issuer, "paystream-sandbox", "paystream-sandbox-secret", "accounts payments")));
});
afterAll(() => hub?.stop());

/** The app's page, as the psuMessage names it. */
const appPageOf = (psuMessage: string) => psuMessage.match(/https?:\/\/\S+/)![0];

describe("decoupled SCA", () => {
  it("authorises a consent the PSU confirms in the bank's app while the TPP polls scaStatus", async () => {
    const created = await tpp.post("/v1/consents", consentBody({ accounts: [{ iban: GIRO }] }), { headers: { ...PSU_IP, ...DECOUPLED, "psu-id": "max.musterman" } });
    expect(created.status, created.text).toBe(201);
    expect(created.headers.get("aspsp-sca-approach")).toBe("DECOUPLED");
    expect(Object.keys(created.body._links)).toContain("startAuthorisation");

    const started = await tpp.post(created.body._links.startAuthorisation.href, undefined, { headers: { ...DECOUPLED, "psu-id": "max.musterman" } });
    expect(started.status, started.text).toBe(201);
    expect(started.headers.get("aspsp-sca-approach")).toBe("DECOUPLED");
    expect(Object.keys(started.body._links)).toEqual(["scaStatus"]);
    expect(started.body.psuMessage).toMatch(/app/);
    const poll = () => tpp.get(started.body._links.scaStatus.href);
    expect((await poll()).body.scaStatus).toBe("psuIdentified");

    // On the other channel: no redirect back to the TPP, the page itself tells the PSU it is done.
    expect(await authoriseInBrowser(appPageOf(started.body.psuMessage), { login: "max.musterman", password: PASSWORD, code: TAN, method: "push" })).toBeNull();
    expect((await poll()).body.scaStatus).toBe("finalised");
    expect((await tpp.get(`/v1/consents/${created.body.consentId}/status`)).body.consentStatus).toBe("valid");
  });

  it("executes a payment the PSU confirms in the app, and leaves a denied one rejected", async () => {
    const body = (amount: string) => ({ debtorAccount: { iban: GIRO }, instructedAmount: { currency: "EUR", amount }, creditorAccount: { iban: "DE89370400440532013000" }, creditorName: "Hans Handbuch" });
    const headers = { ...PSU_IP, ...DECOUPLED, "psu-id": "max.musterman" };
    for (const [amount, deny, status] of [["4.00", false, "ACSC"], ["5.00", true, "RJCT"]] as const) {
      const created = await tpp.post("/v1/payments/sepa-credit-transfers", body(amount), { headers });
      expect(created.status, created.text).toBe(201);
      const started = await tpp.post(created.body._links.startAuthorisation.href, undefined, { headers });
      expect(started.status, started.text).toBe(201);
      await authoriseInBrowser(appPageOf(started.body.psuMessage), { login: "max.musterman", password: PASSWORD, code: TAN, deny });
      expect((await tpp.get(`${created.headers.get("location")}/status`)).body.transactionStatus).toBe(status);
    }
  });

  it("asks for the PSU's identification when the request names none", async () => {
    const created = await tpp.post("/v1/consents", consentBody({ accounts: [{ iban: GIRO }] }), { headers: { ...PSU_IP, ...DECOUPLED } });
    expect(Object.keys(created.body._links)).toContain("startAuthorisationWithPsuIdentification");
  });
});
