/**
 * PIS through the Berlin Group facade over real HTTP: JSON and pain.001 initiation, embedded SCA to
 * ACSC with the ledger debited once, idempotency by X-Request-ID, cancellation, and refusals.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gql, startTestHub, type TestHub } from "../helpers/hub.js";
import { bearer, clientCredentialsToken } from "../helpers/tokens.js";
import { BerlinGroupClient, codeOf } from "./client.js";
import { PASSWORD, PSU_IP, TAN } from "./flows.js";
import { pain001 } from "./pain001-document.js";

const GIRO = "DE80760700240271232400";
const ANTON = "DE69760700240340283600";
const CREDITOR = "DE89370400440532013000";

let hub: TestHub;
let pisp: BerlinGroupClient;
beforeAll(async () => {
  hub = await startTestHub();
  pisp = new BerlinGroupClient(hub.url, bearer(await clientCredentialsToken(hub.issuer, "paystream-sandbox", "paystream-sandbox-secret", "payments accounts")));
});
afterAll(() => hub?.stop());

const payment = (amount: string, overrides: Record<string, unknown> = {}) => ({
  debtorAccount: { iban: GIRO },
  instructedAmount: { currency: "EUR", amount },
  creditorAccount: { iban: CREDITOR },
  creditorName: "Hans Handbuch",
  remittanceInformationUnstructured: "Invoice 4711",
  ...overrides,
});
const embedded = (psuId = "max.musterman") => ({ headers: { ...PSU_IP, "psu-id": psuId, "tpp-redirect-preferred": "false" } });

async function interimBooked(iban: string): Promise<string> {
  const res = await gql(hub.url, `{ accountByIban(iban: "${iban}") { balances { type amount { amount } } } }`);
  return res.data.accountByIban.balances.find((b: { type: string }) => b.type === "INTERIM_BOOKED").amount.amount;
}

/** Password, the first method when asked to choose, TAN. */
async function authorise(path: string, psuId = "max.musterman") {
  const started = await pisp.post(`${path}/authorisations`, { psuData: { password: PASSWORD } }, { headers: { "psu-id": psuId } });
  expect(started.status, started.text).toBe(201);
  const authorisationPath = `${path}/authorisations/${started.body.authorisationId}`;
  let step = started.body;
  if (step._links.selectAuthenticationMethod) step = (await pisp.put(authorisationPath, { authenticationMethodId: step.scaMethods[0].authenticationMethodId }, { headers: { "psu-id": psuId } })).body;
  return pisp.put(authorisationPath, { scaAuthenticationData: TAN }, { headers: { "psu-id": psuId } });
}

describe("single payment with embedded SCA", () => {
  it("initiates in RCVD, executes to ACSC after the TAN, and debits the ledger once", async () => {
    const before = await interimBooked(GIRO);
    const requestId = randomUUID();
    const created = await pisp.post("/v1/payments/sepa-credit-transfers", payment("12.34"), { headers: { ...embedded().headers, "x-request-id": requestId } });
    expect(created.status, created.text).toBe(201);
    expect(created.body.transactionStatus).toBe("RCVD");
    expect(created.headers.get("aspsp-sca-approach")).toBe("EMBEDDED");
    const path = created.headers.get("location")!;
    expect(created.body._links.startAuthorisationWithPsuAuthentication.href).toBe(`${path}/authorisations`);

    const done = await authorise(path);
    expect(done.body.scaStatus).toBe("finalised");
    expect((await pisp.get(`${path}/status`)).body.transactionStatus).toBe("ACSC");
    const info = await pisp.get(path);
    expect(info.body).toMatchObject({ debtorAccount: { iban: GIRO }, creditorAccount: { iban: CREDITOR }, instructedAmount: { amount: "12.34", currency: "EUR" }, transactionStatus: "ACSC" });
    const after = await interimBooked(GIRO);
    expect(Math.round((Number(before) - Number(after)) * 100)).toBe(1234);

    // The same X-Request-ID and body: the same payment, not a second debit.
    const again = await pisp.post("/v1/payments/sepa-credit-transfers", payment("12.34"), { headers: { ...embedded().headers, "x-request-id": requestId } });
    expect(again.status).toBe(201);
    expect(again.body.paymentId).toBe(created.body.paymentId);
    expect(await interimBooked(GIRO)).toBe(after);
    // The same X-Request-ID with another body: refused.
    const other = await pisp.post("/v1/payments/sepa-credit-transfers", payment("99.99"), { headers: { ...embedded().headers, "x-request-id": requestId } });
    expect(other.status).toBe(400);
    expect(codeOf(other)).toBe("FORMAT_ERROR");
  });

  it("makes exactly one payment from concurrent duplicates", async () => {
    const requestId = randomUUID();
    const responses = await Promise.all(
      Array.from({ length: 6 }, () => pisp.post("/v1/payments/instant-sepa-credit-transfers", payment("1.00"), { headers: { ...embedded().headers, "x-request-id": requestId } })),
    );
    for (const r of responses) expect(r.status, r.text).toBe(201);
    expect(new Set(responses.map((r) => r.body.paymentId)).size).toBe(1);
  });

  it("lists the payment's authorisations and their scaStatus", async () => {
    const created = await pisp.post("/v1/payments/sepa-credit-transfers", payment("2.00", { debtorAccount: { iban: ANTON } }), embedded("anton.brueckner"));
    const path = created.headers.get("location")!;
    const started = await pisp.post(`${path}/authorisations`, { psuData: { password: PASSWORD } }, { headers: { "psu-id": "anton.brueckner" } });
    expect(started.body.scaStatus).toBe("scaMethodSelected");
    const list = await pisp.get(`${path}/authorisations`);
    expect(list.body.authorisationIds).toEqual([started.body.authorisationId]);
    expect((await pisp.get(`${path}/authorisations/${started.body.authorisationId}`)).body.scaStatus).toBe("scaMethodSelected");
  });

  it("cancels a payment not yet executed, and not an executed one", async () => {
    const created = await pisp.post("/v1/payments/sepa-credit-transfers", payment("3.00"), embedded());
    const path = created.headers.get("location")!;
    expect((await pisp.delete(path)).status).toBe(204);
    expect((await pisp.get(`${path}/status`)).body.transactionStatus).toBe("CANC");
    const executed = await pisp.post("/v1/payments/sepa-credit-transfers", payment("0.50"), embedded());
    await authorise(executed.headers.get("location")!);
    const refused = await pisp.delete(executed.headers.get("location")!);
    expect([refused.status, codeOf(refused)]).toEqual([409, "STATUS_INVALID"]);
  });
});

describe("pain.001 bodies", () => {
  it("initiates a payment from a pain.001 document", async () => {
    const created = await pisp.request("POST", "/v1/payments/pain.001-sepa-credit-transfers", {
      ...embedded(),
      xml: pain001({ debtorIban: GIRO, creditorIban: CREDITOR, creditorName: "Hans Handbuch", amount: "100" }),
    });
    expect(created.status, created.text).toBe(201);
    const info = await pisp.get(created.headers.get("location")!);
    expect(info.body).toMatchObject({ instructedAmount: { amount: "100.00", currency: "EUR" }, creditorName: "Hans Handbuch", endToEndIdentification: "E2E-PAIN-1" });
  });

  it("refuses a DOCTYPE (entity expansion, external entities), malformed XML and oversized documents", async () => {
    const bomb = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]><Document><CstmrCdtTrfInitn>&lol2;</CstmrCdtTrfInitn></Document>`;
    const external = `<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]><Document>&x;</Document>`;
    for (const xml of [bomb, external, "<Document><CstmrCdtTrfInitn>", "x".repeat(70_000)]) {
      const res = await pisp.request("POST", "/v1/payments/pain.001-sepa-credit-transfers", { ...embedded(), xml });
      expect(res.status, res.text).toBe(400);
      expect(codeOf(res)).toBe("FORMAT_ERROR");
    }
  });
});

describe("refusals", () => {
  it("answers unknown products, services not offered, bad bodies and missing headers with their codes", async () => {
    const unknown = await pisp.post("/v1/payments/swift-payments", payment("1.00"), embedded());
    expect([unknown.status, codeOf(unknown)]).toEqual([404, "PRODUCT_UNKNOWN"]);
    const recurring = await pisp.post("/v1/recurring-payments/sepa-credit-transfers", payment("1.00"), embedded());
    expect([recurring.status, codeOf(recurring)]).toEqual([400, "SERVICE_INVALID"]);
    const periodicFields = await pisp.post("/v1/payments/sepa-credit-transfers", payment("1.00", { startDate: "2030-01-01", frequency: "Monthly" }), embedded());
    expect([periodicFields.status, codeOf(periodicFields)]).toEqual([400, "FORMAT_ERROR"]);
    const bad = await pisp.post("/v1/payments/sepa-credit-transfers", payment("1.00", { creditorAccount: "DE89" }), embedded());
    expect([bad.status, codeOf(bad)]).toEqual([400, "FORMAT_ERROR"]);
    const badIban = await pisp.post("/v1/payments/sepa-credit-transfers", payment("1.00", { creditorAccount: { iban: "DE00123" } }), embedded());
    expect([badIban.status, codeOf(badIban)]).toEqual([400, "FORMAT_ERROR"]);
    const text = await pisp.post("/v1/payments/sepa-credit-transfers", JSON.stringify(payment("1.00")), { headers: { ...embedded().headers, "content-type": "text/plain" } });
    expect([text.status, text.text]).toEqual([415, ""]);
    const noIp = await pisp.post("/v1/payments/sepa-credit-transfers", payment("1.00"), { headers: { "psu-id": "max.musterman" } });
    expect([noIp.status, codeOf(noIp)]).toEqual([400, "FORMAT_ERROR"]);
    const missing = await pisp.get(`/v1/payments/sepa-credit-transfers/${randomUUID()}`);
    expect([missing.status, codeOf(missing)]).toEqual([404, "RESOURCE_UNKNOWN"]);
  });

  it("refuses a TPP without the PISP role", async () => {
    const aisp = new BerlinGroupClient(hub.url, bearer(await clientCredentialsToken(hub.issuer, "finanzblick-sandbox", "finanzblick-sandbox-secret", "accounts")));
    const res = await aisp.post("/v1/payments/sepa-credit-transfers", payment("1.00"), embedded());
    expect([res.status, codeOf(res)]).toEqual([401, "ROLE_INVALID"]);
  });
});
