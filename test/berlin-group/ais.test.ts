/**
 * AIS through the Berlin Group facade over real HTTP: consent creation and embedded SCA with the
 * sandbox personas, account list, details, balances, transactions across pages and transaction
 * details; each response checked against the OpenAPI file.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestHub, type TestHub } from "../helpers/hub.js";
import { bearer, clientCredentialsToken } from "../helpers/tokens.js";
import { BerlinGroupClient, codeOf } from "./client.js";
import { consentBody, PASSWORD, PSU_IP, TAN, validConsent } from "./flows.js";

const GIRO = "DE80760700240271232400";
const SAVINGS = "DE38760700240320465700";

let hub: TestHub;
let tpp: BerlinGroupClient;
beforeAll(async () => {
  hub = await startTestHub();
  tpp = new BerlinGroupClient(hub.url, bearer(await clientCredentialsToken(hub.issuer, "finanzblick-sandbox", "finanzblick-sandbox-secret", "accounts")));
});
afterAll(() => hub?.stop());

describe("AIS consent with embedded SCA", () => {
  it("walks max.musterman through password, method choice and TAN to a valid consent", async () => {
    const created = await tpp.post("/v1/consents", consentBody({ accounts: [{ iban: GIRO }] }), { headers: { ...PSU_IP, "psu-id": "max.musterman", "tpp-redirect-preferred": "false" } });
    expect(created.status).toBe(201);
    expect(created.headers.get("aspsp-sca-approach")).toBe("EMBEDDED");
    expect(created.headers.get("location")).toBe(`/v1/consents/${created.body.consentId}`);
    expect(created.body.consentStatus).toBe("received");
    const consentId = created.body.consentId;

    const started = await tpp.post(`/v1/consents/${consentId}/authorisations`, { psuData: { password: PASSWORD } }, { headers: { "psu-id": "max.musterman" } });
    expect(started.status).toBe(201);
    expect(started.body.scaStatus).toBe("psuAuthenticated");
    expect(started.body.scaMethods.map((m: { authenticationMethodId: string }) => m.authenticationMethodId)).toEqual(["sms", "push"]);
    const path = `/v1/consents/${consentId}/authorisations/${started.body.authorisationId}`;
    expect(started.body._links.selectAuthenticationMethod.href).toBe(path);

    const selected = await tpp.put(path, { authenticationMethodId: "push" }, { headers: { "psu-id": "max.musterman" } });
    expect(selected.body.scaStatus).toBe("scaMethodSelected");
    expect(selected.body.chosenScaMethod.authenticationMethodId).toBe("push");

    const wrong = await tpp.put(path, { scaAuthenticationData: "000000" }, { headers: { "psu-id": "max.musterman" } });
    expect(wrong.status).toBe(401);
    expect(codeOf(wrong)).toBe("PSU_CREDENTIALS_INVALID");
    expect((await tpp.get(`/v1/consents/${consentId}/status`)).body.consentStatus).not.toBe("valid");
  });

  it("finalises with the right TAN, lists the authorisation and reads the consent", async () => {
    const consentId = await validConsent(tpp, "max.musterman", { balances: [{ iban: GIRO }], transactions: [{ iban: GIRO }] });
    expect((await tpp.get(`/v1/consents/${consentId}/status`)).body).toEqual({ consentStatus: "valid" });
    const info = await tpp.get(`/v1/consents/${consentId}`);
    expect(info.body).toMatchObject({ consentStatus: "valid", recurringIndicator: true, frequencyPerDay: 4, access: { balances: [{ iban: GIRO }], transactions: [{ iban: GIRO }] } });
    const list = await tpp.get(`/v1/consents/${consentId}/authorisations`);
    expect(list.body.authorisationIds).toHaveLength(1);
    const status = await tpp.get(`/v1/consents/${consentId}/authorisations/${list.body.authorisationIds[0]}`);
    expect(status.body.scaStatus).toBe("finalised");
  });

  it("selects the only method of anton.brueckner by itself, and exempts marion.mueller who has none", async () => {
    const anton = await tpp.post("/v1/consents", consentBody({ accounts: [{ iban: "DE69760700240340283600" }] }), { headers: { ...PSU_IP, "psu-id": "anton.brueckner", "tpp-redirect-preferred": "false" } });
    const started = await tpp.post(`/v1/consents/${anton.body.consentId}/authorisations`, { psuData: { password: PASSWORD } }, { headers: { "psu-id": "anton.brueckner" } });
    expect(started.body.scaStatus).toBe("scaMethodSelected");
    expect(started.body._links.authoriseTransaction).toBeDefined();
    const done = await tpp.put(`/v1/consents/${anton.body.consentId}/authorisations/${started.body.authorisationId}`, { scaAuthenticationData: TAN }, { headers: { "psu-id": "anton.brueckner" } });
    expect(done.body.scaStatus).toBe("finalised");

    const beispiel = tpp.with({ "x-gtw-aspsp-id": "beispielbank" });
    const marion = await beispiel.post("/v1/consents", consentBody({ accounts: [{ iban: "DE03500105172351985719" }] }), { headers: { ...PSU_IP, "psu-id": "marion.mueller", "tpp-redirect-preferred": "false" } });
    const exempted = await beispiel.post(`/v1/consents/${marion.body.consentId}/authorisations`, { psuData: { password: PASSWORD } }, { headers: { "psu-id": "marion.mueller" } });
    expect(exempted.body.scaStatus).toBe("exempted");
    expect((await beispiel.get(`/v1/consents/${marion.body.consentId}/status`)).body.consentStatus).toBe("valid");
  });

  it("refuses a wrong password, another PSU and a step out of order", async () => {
    const created = await tpp.post("/v1/consents", consentBody({ accounts: [{ iban: GIRO }] }), { headers: { ...PSU_IP, "psu-id": "max.musterman", "tpp-redirect-preferred": "false" } });
    const started = await tpp.post(`/v1/consents/${created.body.consentId}/authorisations`, { psuData: { password: "wrong" } }, { headers: { "psu-id": "max.musterman" } });
    expect([started.status, codeOf(started)]).toEqual([401, "PSU_CREDENTIALS_INVALID"]);

    const again = await tpp.post("/v1/consents", consentBody({ accounts: [{ iban: GIRO }] }), { headers: { ...PSU_IP, "psu-id": "max.musterman", "tpp-redirect-preferred": "false" } });
    const other = await tpp.post(`/v1/consents/${again.body.consentId}/authorisations`, { psuData: { password: PASSWORD } }, { headers: { "psu-id": "anton.brueckner" } });
    expect([other.status, codeOf(other)]).toEqual([401, "PSU_CREDENTIALS_INVALID"]);
    const identified = await tpp.post(`/v1/consents/${again.body.consentId}/authorisations`, {}, { headers: { "psu-id": "max.musterman", "tpp-redirect-preferred": "false" } });
    expect(identified.status, identified.text).toBe(201);
    expect(identified.body._links.updatePsuAuthentication.href).toBe(`/v1/consents/${again.body.consentId}/authorisations/${identified.body.authorisationId}`);
    const early = await tpp.put(identified.body._links.updatePsuAuthentication.href, { scaAuthenticationData: TAN }, { headers: { "psu-id": "max.musterman" } });
    expect([early.status, codeOf(early)]).toEqual([409, "STATUS_INVALID"]);
  });

  it("deletes a consent: terminatedByTpp", async () => {
    const consentId = await validConsent(tpp, "max.musterman", { accounts: [{ iban: GIRO }] });
    expect((await tpp.delete(`/v1/consents/${consentId}`)).status).toBe(204);
    expect((await tpp.get(`/v1/consents/${consentId}/status`)).body.consentStatus).toBe("terminatedByTpp");
    const read = await tpp.get("/v1/accounts", { headers: { "consent-id": consentId, ...PSU_IP } });
    expect(read.status).toBe(401);
    expect(codeOf(read)).toBe("CONSENT_INVALID");
  });
});

describe("account data under a consent", () => {
  let consentId: string;
  beforeAll(async () => {
    consentId = await validConsent(tpp, "max.musterman", { accounts: [{ iban: SAVINGS }], balances: [{ iban: GIRO }], transactions: [{ iban: GIRO }] });
  });
  const withConsent = () => ({ headers: { "consent-id": consentId, ...PSU_IP } });

  it("lists the covered accounts of the addressed bank, with balances when asked", async () => {
    const list = await tpp.get("/v1/accounts?withBalance=true", withConsent());
    expect(list.status, list.text).toBe(200);
    const ibans = list.body.accounts.map((a: { iban: string }) => a.iban).sort();
    expect(ibans).toEqual([GIRO, SAVINGS].sort());
    const giro = list.body.accounts.find((a: { iban: string }) => a.iban === GIRO);
    expect(giro).toMatchObject({ currency: "EUR", cashAccountType: "CACC", status: "enabled" });
    expect(giro.balances.length).toBeGreaterThan(0);
    const details = await tpp.get(`/v1/accounts/${giro.resourceId}`, withConsent());
    expect(details.body.account.iban).toBe(GIRO);
    const balances = await tpp.get(`/v1/accounts/${giro.resourceId}/balances`, withConsent());
    expect(balances.body.account.iban).toBe(GIRO);
    expect(balances.body.balances.map((b: { balanceType: string }) => b.balanceType)).toContain("closingBooked");
  });

  it("pages booked transactions with first, next, previous and last links that cover the list once", async () => {
    const list = await tpp.get("/v1/accounts", withConsent());
    const giro = list.body.accounts.find((a: { iban: string }) => a.iban === GIRO).resourceId;
    let href: string | undefined = `/v1/accounts/${giro}/transactions?bookingStatus=booked&dateFrom=2000-01-01&itemsPerPage=25`;
    const seen: string[] = [];
    let pages = 0;
    let lastHref = "";
    while (href) {
      const page: { status: number; text: string; body: any } = await tpp.get(href, withConsent());
      expect(page.status, page.text).toBe(200);
      const links: Record<string, { href: string }> = page.body.transactions._links;
      expect(links.first.href).toContain("pageIndex=0");
      if (pages > 0) expect(links.previous.href).toContain(`pageIndex=${pages - 1}`);
      lastHref = links.last.href;
      seen.push(...page.body.transactions.booked.map((t: { transactionId: string }) => t.transactionId));
      href = links.next?.href;
      pages += 1;
    }
    expect(pages).toBeGreaterThan(1);
    expect(new Set(seen).size).toBe(seen.length);
    expect(lastHref).toContain(`pageIndex=${pages - 1}`);
    const all = await tpp.get(`/v1/accounts/${giro}/transactions?bookingStatus=booked&dateFrom=2000-01-01&itemsPerPage=100`, withConsent());
    if (!all.body.transactions._links.next) expect(all.body.transactions.booked.length).toBe(seen.length);

    const detail = await tpp.get(`/v1/accounts/${giro}/transactions/${seen[0]}`, withConsent());
    expect(detail.status).toBe(200);
    expect(detail.body.transactionsDetails.transactionId).toBe(seen[0]);
  });

  it("answers pending and both, and refuses what the consent does not cover", async () => {
    const list = await tpp.get("/v1/accounts", withConsent());
    const savings = list.body.accounts.find((a: { iban: string }) => a.iban === SAVINGS).resourceId;
    const giro = list.body.accounts.find((a: { iban: string }) => a.iban === GIRO).resourceId;
    const both = await tpp.get(`/v1/accounts/${giro}/transactions?bookingStatus=both&dateFrom=2000-01-01`, withConsent());
    expect(both.body.transactions.booked).toBeDefined();
    expect(both.body.transactions.pending).toBeDefined();
    const refused = await tpp.get(`/v1/accounts/${savings}/balances`, withConsent());
    expect(refused.status).toBe(401);
    expect(codeOf(refused)).toBe("CONSENT_INVALID");
  });
});
