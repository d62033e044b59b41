/**
 * Periodic and bulk payments through the Berlin Group facade over real HTTP: JSON and pain.001
 * (multipart for periodic) initiation, embedded SCA, status ACCP for a standing order and ACSC for a
 * bulk with the ledger debited once per entry, GET bodies, cancellation, idempotency, and the
 * account's standing orders as bookingStatus=information.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gql, startTestHub, type TestHub } from "../helpers/hub.js";
import { bearer, clientCredentialsToken } from "../helpers/tokens.js";
import { BerlinGroupClient, codeOf } from "./client.js";
import { PASSWORD, PSU_IP, TAN, validConsent } from "./flows.js";
import { pain001, pain001Bulk } from "./pain001-document.js";

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

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const embedded = (extra: Record<string, string> = {}) => ({ headers: { ...PSU_IP, "psu-id": "max.musterman", "tpp-redirect-preferred": "false", ...extra } });
const standingOrder = (overrides: Record<string, unknown> = {}) => ({
  debtorAccount: { iban: GIRO, currency: "EUR" },
  instructedAmount: { currency: "EUR", amount: "25.00" },
  creditorAccount: { iban: CREDITOR },
  creditorName: "Hausverwaltung Muster",
  remittanceInformationUnstructured: "Miete",
  startDate: day(10),
  endDate: day(400),
  executionRule: "following",
  frequency: "Monthly",
  dayOfExecution: "28",
  ...overrides,
});
const bulk = (overrides: Record<string, unknown> = {}) => ({
  batchBookingPreferred: true,
  debtorAccount: { iban: GIRO },
  payments: [
    { instructedAmount: { currency: "EUR", amount: "3.00" }, creditorAccount: { iban: CREDITOR }, creditorName: "Hans Handbuch", remittanceInformationUnstructured: "Rechnung 1" },
    { instructedAmount: { currency: "EUR", amount: "4.50" }, creditorAccount: { iban: ANTON }, creditorName: "Anton Brückner", endToEndIdentification: "E2E-2" },
  ],
  ...overrides,
});

async function interimBooked(iban: string): Promise<number> {
  const res = await gql(hub.url, `{ accountByIban(iban: "${iban}") { balances { type amount { amount } } } }`);
  return Math.round(Number(res.data.accountByIban.balances.find((b: { type: string }) => b.type === "INTERIM_BOOKED").amount.amount) * 100);
}

/** Password, the first method when asked to choose, TAN (of the payment, or of its cancellation): the last step's body. */
async function authorise(path: string, resource: "authorisations" | "cancellation-authorisations" = "authorisations") {
  const psu = { headers: { "psu-id": "max.musterman" } };
  const started = await pisp.post(`${path}/${resource}`, { psuData: { password: PASSWORD } }, psu);
  expect(started.status, started.text).toBe(201);
  const authorisationPath = `${path}/${resource}/${started.body.authorisationId}`;
  let step = started.body;
  if (step._links.selectAuthenticationMethod) step = (await pisp.put(authorisationPath, { authenticationMethodId: step.scaMethods[0].authenticationMethodId }, psu)).body;
  const done = await pisp.put(authorisationPath, { scaAuthenticationData: TAN }, psu);
  expect(done.status, done.text).toBe(200);
  return done.body;
}

/** The account's standing orders as bookingStatus=information, under a fresh AIS consent. */
async function information(): Promise<any[]> {
  const consentId = await validConsent(pisp, "max.musterman", { transactions: [{ iban: GIRO }] });
  const withConsent = { headers: { "consent-id": consentId, ...PSU_IP } };
  const accounts = await pisp.get("/v1/accounts", withConsent);
  const giro = accounts.body.accounts.find((a: { iban: string }) => a.iban === GIRO).resourceId;
  const res = await pisp.get(`/v1/accounts/${giro}/transactions?bookingStatus=information`, withConsent);
  expect(res.status, res.text).toBe(200);
  expect(res.body.transactions.booked).toBeUndefined();
  return res.body.transactions.information;
}

function multipart(parts: Record<string, string>): { body: string; contentType: string } {
  const boundary = `----hub${randomUUID().replaceAll("-", "")}`;
  const body = Object.entries(parts).map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`).join("") + `--${boundary}--\r\n`;
  return { body, contentType: `multipart/form-data; boundary=${boundary}` };
}

describe("periodic payments", () => {
  it("initiates RCVD, is ACCP after SCA without a debit before its start date, shows as information, and ends when deleted", async () => {
    const before = await interimBooked(GIRO);
    const requestId = randomUUID();
    const created = await pisp.post("/v1/periodic-payments/sepa-credit-transfers", standingOrder(), embedded({ "x-request-id": requestId }));
    expect(created.status, created.text).toBe(201);
    expect(created.body.transactionStatus).toBe("RCVD");
    const path = created.headers.get("location")!;
    expect(path).toBe(`/v1/periodic-payments/sepa-credit-transfers/${created.body.paymentId}`);
    expect(created.body._links.startAuthorisationWithPsuAuthentication.href).toBe(`${path}/authorisations`);

    const again = await pisp.post("/v1/periodic-payments/sepa-credit-transfers", standingOrder(), embedded({ "x-request-id": requestId }));
    expect(again.body.paymentId).toBe(created.body.paymentId);
    const changed = await pisp.post("/v1/periodic-payments/sepa-credit-transfers", standingOrder({ frequency: "Weekly" }), embedded({ "x-request-id": requestId }));
    expect(changed.status).toBe(400);

    expect((await authorise(path)).scaStatus).toBe("finalised");
    expect((await pisp.get(`${path}/status`)).body.transactionStatus).toBe("ACCP");
    expect(await interimBooked(GIRO)).toBe(before);
    const info = await pisp.get(path);
    expect(info.body).toMatchObject({
      debtorAccount: { iban: GIRO }, creditorAccount: { iban: CREDITOR }, instructedAmount: { amount: "25.00", currency: "EUR" },
      startDate: day(10), endDate: day(400), frequency: "Monthly", executionRule: "following", dayOfExecution: "28", transactionStatus: "ACCP",
    });
    expect((await pisp.get(`/v1/payments/sepa-credit-transfers/${created.body.paymentId}`)).status).toBe(404);
    expect((await pisp.get(`/v1/periodic-payments/instant-sepa-credit-transfers/${created.body.paymentId}`)).status).toBe(404);

    const listed = (await information()).find((t) => t.remittanceInformationUnstructured === "Miete");
    expect(listed).toMatchObject({
      transactionAmount: { currency: "EUR", amount: "25.00" },
      creditorAccount: { iban: CREDITOR },
      additionalInformationStructured: { standingOrderDetails: { startDate: day(10), endDate: day(400), frequency: "Monthly", executionRule: "following", dayOfExecution: "28" } },
    });

    // Authorised: the PSU authorises its cancellation too (cancellation.test.ts).
    const deleted = await pisp.delete(path);
    expect(deleted.status, deleted.text).toBe(202);
    expect((await pisp.get(`${path}/status`)).body.transactionStatus).toBe("ACCP");
    expect((await authorise(path, "cancellation-authorisations")).scaStatus).toBe("finalised");
    expect((await pisp.get(`${path}/status`)).body.transactionStatus).toBe("CANC");
    expect((await information()).some((t) => t.remittanceInformationUnstructured === "Miete")).toBe(false);
    expect(codeOf(await pisp.delete(path))).toBe("STATUS_INVALID");
  });

  it("takes a pain.001 with its terms as multipart parts, and refuses what a standing order cannot be", async () => {
    const form = multipart({
      xml_sct: pain001({ debtorIban: GIRO, creditorIban: ANTON, creditorName: "Anton Brückner", amount: "5.00", remittance: "Taschengeld" }),
      json_standingorderType: JSON.stringify({ startDate: day(3), frequency: "Weekly", executionRule: "preceding" }),
    });
    const created = await pisp.post("/v1/periodic-payments/pain.001-sepa-credit-transfers", form.body, embedded({ "content-type": form.contentType }));
    expect(created.status, created.text).toBe(201);
    const path = created.headers.get("location")!;
    const info = await pisp.get(path);
    expect(info.body).toMatchObject({ startDate: day(3), frequency: "Weekly", executionRule: "preceding", instructedAmount: { amount: "5.00" }, transactionStatus: "RCVD" });

    const missing = multipart({ xml_sct: pain001({ debtorIban: GIRO, creditorIban: ANTON, creditorName: "Anton", amount: "5.00" }) });
    expect(codeOf(await pisp.post("/v1/periodic-payments/pain.001-sepa-credit-transfers", missing.body, embedded({ "content-type": missing.contentType })))).toBe("FORMAT_ERROR");
    for (const bad of [{ frequency: "Fortnightly" }, { startDate: day(-2) }, { dayOfExecution: "07" }, { requestedExecutionDate: day(2) }]) {
      const res = await pisp.post("/v1/periodic-payments/sepa-credit-transfers", standingOrder(bad), embedded());
      expect([res.status, codeOf(res)], JSON.stringify(bad)).toEqual([400, "FORMAT_ERROR"]);
    }
  });

  it("answers a redirect initiation with the hub's SCA page", async () => {
    const created = await pisp.post("/v1/periodic-payments/target-2-payments", standingOrder(), { headers: { ...PSU_IP, "psu-id": "max.musterman", "tpp-redirect-uri": "https://tpp.example/ok" } });
    expect(created.status, created.text).toBe(201);
    expect(created.headers.get("aspsp-sca-approach")).toBe("REDIRECT");
    expect(created.body._links.scaRedirect.href).toMatch(/\/oauth\/sca\/payments\/.+\/authorisations\//);
  });
});

describe("bulk payments", () => {
  it("executes every transfer once under one SCA: ACSC, the ledger debited by the sum, replays answer the same bulk", async () => {
    const before = await interimBooked(GIRO);
    const requestId = randomUUID();
    const created = await pisp.post("/v1/bulk-payments/sepa-credit-transfers", bulk(), embedded({ "x-request-id": requestId }));
    expect(created.status, created.text).toBe(201);
    expect(created.body.transactionStatus).toBe("RCVD");
    const path = created.headers.get("location")!;
    expect((await authorise(path)).scaStatus).toBe("finalised");
    expect((await pisp.get(`${path}/status`)).body.transactionStatus).toBe("ACSC");
    expect(before - (await interimBooked(GIRO))).toBe(750);

    const info = await pisp.get(path);
    expect(info.body).toMatchObject({
      batchBookingPreferred: true,
      debtorAccount: { iban: GIRO },
      transactionStatus: "ACSC",
      payments: [
        { instructedAmount: { amount: "3.00", currency: "EUR" }, creditorAccount: { iban: CREDITOR }, creditorName: "Hans Handbuch", remittanceInformationUnstructured: "Rechnung 1" },
        { instructedAmount: { amount: "4.50", currency: "EUR" }, creditorAccount: { iban: ANTON }, endToEndIdentification: "E2E-2" },
      ],
    });
    const again = await pisp.post("/v1/bulk-payments/sepa-credit-transfers", bulk(), embedded({ "x-request-id": requestId }));
    expect([again.status, again.body.paymentId, again.body.transactionStatus]).toEqual([201, created.body.paymentId, "ACSC"]);
    expect(before - (await interimBooked(GIRO))).toBe(750);
    expect(codeOf(await pisp.delete(path))).toBe("STATUS_INVALID");
    expect((await pisp.get(`${path}/authorisations`)).body.authorisationIds).toHaveLength(1);
  });

  it("is PART when the bank rejects a transfer", async () => {
    const body = bulk({ payments: [bulk().payments[0], { instructedAmount: { currency: "EUR", amount: "9999999.00" }, creditorAccount: { iban: ANTON }, creditorName: "Anton" }] });
    const created = await pisp.post("/v1/bulk-payments/instant-sepa-credit-transfers", body, embedded());
    const path = created.headers.get("location")!;
    await authorise(path);
    expect((await pisp.get(`${path}/status`)).body.transactionStatus).toBe("PART");
  });

  it("takes a pain.001 with several transfers, and cancels a bulk not yet authorised", async () => {
    const xml = pain001Bulk(GIRO, [{ creditorIban: CREDITOR, creditorName: "Hans Handbuch", amount: "1.00" }, { creditorIban: ANTON, creditorName: "Anton", amount: "2.00" }, { creditorIban: ANTON, creditorName: "Anton", amount: "3.00" }], false);
    const created = await pisp.request("POST", "/v1/bulk-payments/pain.001-sepa-credit-transfers", { ...embedded(), xml });
    expect(created.status, created.text).toBe(201);
    const path = created.headers.get("location")!;
    const info = await pisp.get(path);
    expect(info.body.batchBookingPreferred).toBe(false);
    expect(info.body.payments.map((p: any) => p.instructedAmount.amount)).toEqual(["1.00", "2.00", "3.00"]);
    expect((await pisp.delete(path)).status).toBe(204);
    expect((await pisp.get(`${path}/status`)).body.transactionStatus).toBe("CANC");
  });

  it("refuses entries with their own debtor account, mixed currencies and an empty list", async () => {
    const own = bulk({ payments: [{ ...bulk().payments[0], debtorAccount: { iban: GIRO } }] });
    const mixed = bulk({ payments: [bulk().payments[0], { ...bulk().payments[1], instructedAmount: { currency: "USD", amount: "1.00" } }] });
    for (const body of [own, mixed, bulk({ payments: [] })]) {
      const res = await pisp.post("/v1/bulk-payments/sepa-credit-transfers", body, embedded());
      expect(res.status, res.text).toBe(400);
    }
  });
});
