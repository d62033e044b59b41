/**
 * TPP identification by eIDAS certificate (sandbox TPP-Signature-Certificate, and a TLS-terminating
 * proxy's forwarded header when configured), the registry lookup and sandbox auto-registration, and
 * role enforcement; each refusal with its CERTIFICATE_* / ROLE_INVALID code.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gql, startTestHub, type TestHub } from "../helpers/hub.js";
import { BerlinGroupClient, codeOf, testCertificate } from "./client.js";
import { consentBody, PSU_IP } from "./flows.js";

const GIRO = "DE80760700240271232400";

let hub: TestHub;
beforeAll(async () => {
  process.env.BG_CLIENT_CERT_HEADER = "x-forwarded-client-cert";
  hub = await startTestHub();
});
afterAll(async () => {
  delete process.env.BG_CLIENT_CERT_HEADER;
  await hub?.stop();
});

const withCertificate = (name: Parameters<typeof testCertificate>[0]) => new BerlinGroupClient(hub.url, { "tpp-signature-certificate": testCertificate(name) });
const createConsent = (tpp: BerlinGroupClient) =>
  tpp.post("/v1/consents", consentBody({ accounts: [{ iban: GIRO }] }), { headers: { ...PSU_IP, "psu-id": "max.musterman", "tpp-redirect-preferred": "false" } });

describe("TPP identification by certificate", () => {
  it("registers an unknown sandbox test certificate's TPP as active with the certificate's roles", async () => {
    const created = await createConsent(withCertificate("pisp-aisp"));
    expect(created.status, created.text).toBe(201);
    const registered = await gql(hub.url, `{ tppByAuthorisationNumber(authorisationNumber: "PSDDE-BAFIN-990001") { legalName status roles } }`);
    expect(registered.data.tppByAuthorisationNumber).toEqual({ legalName: "Sandbox TPP pisp-aisp", status: "ACTIVE", roles: ["PISP", "AISP"] });
    const again = await createConsent(withCertificate("pisp-aisp"));
    expect(again.status).toBe(201);
  });

  it("maps a certificate to an already registered TPP, whose registry roles also count", async () => {
    // PSDIE-CBI-C300112 is the seeded CheckFunds Ltd (PIISP only): funds confirmation yes, AIS no.
    const checkFunds = withCertificate("piisp");
    const funds = await checkFunds.post("/v1/funds-confirmations", { account: { iban: GIRO }, instructedAmount: { currency: "EUR", amount: "10.00" } });
    expect(funds.status, funds.text).toBe(200);
    expect(funds.body.fundsAvailable).toBe(true);
    const consent = await createConsent(checkFunds);
    expect([consent.status, codeOf(consent)]).toEqual([401, "ROLE_INVALID"]);
  });

  it("enforces the certificate's roles: no PIS without PSP_PI", async () => {
    const aisOnly = withCertificate("aisp-only");
    expect((await createConsent(aisOnly)).status).toBe(201);
    const res = await aisOnly.post(
      "/v1/payments/sepa-credit-transfers",
      { debtorAccount: { iban: GIRO }, instructedAmount: { currency: "EUR", amount: "1.00" }, creditorAccount: { iban: "DE89370400440532013000" }, creditorName: "X" },
      { headers: PSU_IP },
    );
    expect([res.status, codeOf(res)]).toEqual([401, "ROLE_INVALID"]);
  });

  it("refuses expired, role-less, malformed and missing certificates", async () => {
    expect(codeOf(await createConsent(withCertificate("expired")))).toBe("CERTIFICATE_EXPIRED");
    expect(codeOf(await createConsent(withCertificate("no-roles")))).toBe("CERTIFICATE_INVALID");
    const garbage = await createConsent(new BerlinGroupClient(hub.url, { "tpp-signature-certificate": "bm90IGEgY2VydGlmaWNhdGU=" }));
    expect([garbage.status, codeOf(garbage)]).toEqual([401, "CERTIFICATE_INVALID"]);
    const none = await createConsent(new BerlinGroupClient(hub.url));
    expect([none.status, codeOf(none)]).toEqual([401, "CERTIFICATE_MISSING"]);
  });

  it("refuses the certificate of a suspended TPP", async () => {
    const tpp = withCertificate("aisp-only");
    const found = await gql(hub.url, `{ tppByAuthorisationNumber(authorisationNumber: "PSDDE-BAFIN-990002") { id } }`);
    const id = found.data.tppByAuthorisationNumber.id;
    const decided = await gql(hub.url, `mutation { decideTpp(input: { tppId: "${id}", status: SUSPENDED, reason: "test" }) { status } }`);
    expect(decided.data.decideTpp.status).toBe("SUSPENDED");
    expect(codeOf(await createConsent(tpp))).toBe("CERTIFICATE_BLOCKED");
  });

  it("accepts the certificate a TLS-terminating proxy forwards in the configured header", async () => {
    const pem = `-----BEGIN CERTIFICATE-----\n${testCertificate("pisp-aisp")}\n-----END CERTIFICATE-----`;
    const proxied = new BerlinGroupClient(hub.url, { "x-forwarded-client-cert": encodeURIComponent(pem) });
    expect((await createConsent(proxied)).status).toBe(201);
  });
});
