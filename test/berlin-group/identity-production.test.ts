/**
 * Outside sandbox mode a TPP-Signature-Certificate identifies no one, and the forwarded client
 * certificate of an unregistered TPP is refused rather than registered.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gql, startTestHub, type TestHub } from "../helpers/hub.js";
import { BerlinGroupClient, codeOf, testCertificate } from "./client.js";

let hub: TestHub;
beforeAll(async () => {
  process.env.BG_SANDBOX = "false";
  process.env.BG_CLIENT_CERT_HEADER = "x-forwarded-client-cert";
  hub = await startTestHub();
});
afterAll(async () => {
  delete process.env.BG_SANDBOX;
  delete process.env.BG_CLIENT_CERT_HEADER;
  await hub?.stop();
});

const statusOf = (tpp: BerlinGroupClient) => tpp.get("/v1/consents/00000000-0000-4000-8000-000000000000/status");

describe("TPP identification outside the sandbox", () => {
  it("ignores TPP-Signature-Certificate as identification", async () => {
    const res = await statusOf(new BerlinGroupClient(hub.url, { "tpp-signature-certificate": testCertificate("pisp-aisp") }));
    expect([res.status, codeOf(res)]).toEqual([401, "CERTIFICATE_MISSING"]);
  });

  it("refuses the certificate of an unregistered TPP and registers nothing", async () => {
    const pem = `-----BEGIN CERTIFICATE-----\n${testCertificate("pisp-aisp")}\n-----END CERTIFICATE-----`;
    const res = await statusOf(new BerlinGroupClient(hub.url, { "x-forwarded-client-cert": encodeURIComponent(pem) }));
    expect([res.status, codeOf(res)]).toEqual([401, "CERTIFICATE_INVALID"]);
    const registered = await gql(hub.url, `{ tppByAuthorisationNumber(authorisationNumber: "PSDDE-BAFIN-990001") { id } }`);
    expect(registered.data.tppByAuthorisationNumber).toBeNull();
  });

  it("accepts the forwarded certificate of a registered TPP", async () => {
    const pem = `-----BEGIN CERTIFICATE-----\n${testCertificate("piisp")}\n-----END CERTIFICATE-----`;
    const res = await new BerlinGroupClient(hub.url, { "x-forwarded-client-cert": encodeURIComponent(pem) }).post("/v1/funds-confirmations", {
      account: { iban: "DE80760700240271232400" },
      instructedAmount: { currency: "EUR", amount: "1.00" },
    });
    expect(res.status, res.text).toBe(200);
  });
});
