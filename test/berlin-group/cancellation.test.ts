/**
 * Payment cancellation through the Berlin Group facade over real HTTP: DELETE answers 204 for a payment
 * its PSU has not authorised yet, and 202 with the links to start a cancellation authorisation for an
 * authorised one; the cancellation-authorisations sub-resource then runs the PSU's SCA (embedded, or
 * redirect through the hub's pages): finalised or exempted cancels, failed leaves the payment as it was.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gql, startTestHub, type TestHub } from "../helpers/hub.js";
import { bearer, clientCredentialsToken } from "../helpers/tokens.js";
import { BerlinGroupClient, codeOf, testCertificate } from "./client.js";
import { PASSWORD, PSU_IP, TAN } from "./flows.js";
import { authoriseInBrowser } from "./psu-browser.js";

const GIRO = "DE80760700240271232400";
const MARION = "DE03500105172351985719";
const CREDITOR = "DE89370400440532013000";

let hub: TestHub;
let pisp: BerlinGroupClient;
let otherPisp: BerlinGroupClient;
beforeAll(async () => {
  hub = await startTestHub();
  pisp = new BerlinGroupClient(hub.url, bearer(await clientCredentialsToken(hub.issuer, "paystream-sandbox", "paystream-sandbox-secret", "payments accounts")));
  // Another PISP: the sandbox registers the TPP of a test certificate on its first call.
  otherPisp = new BerlinGroupClient(hub.url, { "tpp-signature-certificate": testCertificate("pisp-aisp") });
});
afterAll(() => hub?.stop());

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const psu = (psuId: string) => ({ headers: { "psu-id": psuId } });
const embedded = (psuId = "max.musterman") => ({ headers: { ...PSU_IP, "psu-id": psuId, "tpp-redirect-preferred": "false" } });
const transfer = (debtorIban = GIRO) => ({
  debtorAccount: { iban: debtorIban },
  instructedAmount: { currency: "EUR", amount: "9.00" },
  creditorAccount: { iban: CREDITOR },
  creditorName: "Hans Handbuch",
  remittanceInformationUnstructured: "Abo",
});
const standingOrder = (startOffset = 10) => ({ ...transfer(), startDate: day(startOffset), frequency: "Monthly", dayOfExecution: "28" });

/** Password, the first method when asked to choose, then `last` (the TAN by default), on …/authorisations or …/cancellation-authorisations. */
async function authorise(path: string, psuId = "max.musterman", last: Record<string, unknown> = { scaAuthenticationData: TAN }) {
  const started = await pisp.post(path, { psuData: { password: PASSWORD } }, psu(psuId));
  expect(started.status, started.text).toBe(201);
  if (started.body.scaStatus === "exempted") return started;
  const authorisationPath = started.headers.get("location")!;
  expect(authorisationPath).toBe(`${path}/${started.body.authorisationId}`);
  if (started.body._links.selectAuthenticationMethod) await pisp.put(authorisationPath, { authenticationMethodId: started.body.scaMethods[0].authenticationMethodId }, psu(psuId));
  return pisp.put(authorisationPath, last, psu(psuId));
}

/** A payment of `service` initiated and authorised the embedded way: its path. */
async function authorisedPayment(service: string, body: unknown, psuId = "max.musterman"): Promise<string> {
  const created = await pisp.post(`/v1/${service}/sepa-credit-transfers`, body, embedded(psuId));
  expect(created.status, created.text).toBe(201);
  const path = created.headers.get("location")!;
  const done = await authorise(`${path}/authorisations`, psuId);
  expect(["finalised", "exempted"]).toContain(done.body.scaStatus);
  return path;
}

const statusOf = async (path: string) => (await pisp.get(`${path}/status`)).body.transactionStatus;

describe("payment cancellation", () => {
  it("cancels a payment not yet authorised at once: 204", async () => {
    const created = await pisp.post("/v1/periodic-payments/sepa-credit-transfers", standingOrder(), embedded());
    const path = created.headers.get("location")!;
    const deleted = await pisp.delete(path);
    expect([deleted.status, deleted.text]).toEqual([204, ""]);
    expect(await statusOf(path)).toBe("CANC");
    expect((await pisp.get(`${path}/cancellation-authorisations`)).body).toEqual({ authorisationIds: [] });
  });

  it("ends an authorised standing order after the PSU's embedded cancellation authorisation: 202, then CANC, no further instalment", async () => {
    const path = await authorisedPayment("periodic-payments", standingOrder());
    expect(await statusOf(path)).toBe("ACCP");
    const deleted = await pisp.delete(path, psu("max.musterman"));
    expect(deleted.status, deleted.text).toBe(202);
    expect(deleted.headers.get("aspsp-sca-approach")).toBe("EMBEDDED");
    expect(deleted.body).toEqual({
      transactionStatus: "ACCP",
      _links: { self: { href: path }, status: { href: `${path}/status` }, startAuthorisationWithPsuAuthentication: { href: `${path}/cancellation-authorisations` } },
    });
    expect(await statusOf(path)).toBe("ACCP");

    const started = await pisp.post(`${path}/cancellation-authorisations`, { psuData: { password: PASSWORD } }, psu("max.musterman"));
    expect(started.status, started.text).toBe(201);
    expect(started.body).toMatchObject({ scaStatus: "psuAuthenticated", authorisationId: expect.any(String), _links: { selectAuthenticationMethod: {} } });
    const authorisationPath = `${path}/cancellation-authorisations/${started.body.authorisationId}`;
    expect((await pisp.get(`${path}/cancellation-authorisations`)).body).toEqual({ authorisationIds: [started.body.authorisationId] });
    // The payment's own authorisations are another list.
    expect((await pisp.get(`${path}/authorisations`)).body.authorisationIds).not.toContain(started.body.authorisationId);
    const selected = await pisp.put(authorisationPath, { authenticationMethodId: started.body.scaMethods[0].authenticationMethodId }, psu("max.musterman"));
    expect(selected.body).toMatchObject({ scaStatus: "scaMethodSelected", _links: { authoriseTransaction: { href: authorisationPath } } });
    const done = await pisp.put(authorisationPath, { scaAuthenticationData: TAN }, psu("max.musterman"));
    expect([done.status, done.body.scaStatus]).toEqual([200, "finalised"]);
    expect((await pisp.get(authorisationPath)).body).toEqual({ scaStatus: "finalised" });
    expect(await statusOf(path)).toBe("CANC");
    // Ended: no instalment is executed any more, and it can be neither cancelled nor authorised again.
    const order = await gql(hub.url, `query($id: ID!) { payment(id: $id) { status standingOrder { nextExecutionDate } } }`, { id: path.split("/").at(-1) });
    expect(order.data!.payment).toEqual({ status: "CANC", standingOrder: expect.objectContaining({ nextExecutionDate: null }) });
    const again = await pisp.delete(path);
    expect([again.status, codeOf(again)]).toEqual([409, "STATUS_INVALID"]);
    const late = await pisp.post(`${path}/cancellation-authorisations`, {}, psu("max.musterman"));
    expect([late.status, codeOf(late)]).toEqual([409, "STATUS_INVALID"]);
  });

  it("leaves the standing order ACCP when the PSU denies on the hub's pages or gives a wrong code", async () => {
    const path = await authorisedPayment("periodic-payments", standingOrder(40));
    const redirect = await pisp.delete(path, { headers: { "tpp-redirect-preferred": "true", "tpp-redirect-uri": "https://tpp.example/ok" } });
    expect(redirect.status, redirect.text).toBe(202);
    expect(redirect.headers.get("aspsp-sca-approach")).toBe("REDIRECT");
    expect(redirect.body).toMatchObject({ transactionStatus: "ACCP", scaStatus: "received" });
    expect(redirect.body._links.scaRedirect.href).toMatch(new RegExp(`/oauth/sca/payment-cancellations/${path.split("/").at(-1)}/authorisations/[0-9a-f-]{36}$`));
    const authorisationPath = redirect.body._links.scaStatus.href;
    expect(await authoriseInBrowser(redirect.body._links.scaRedirect.href, { login: "max.musterman", password: PASSWORD, code: TAN, deny: true })).toBeNull();
    expect((await pisp.get(authorisationPath)).body).toEqual({ scaStatus: "failed" });
    expect(await statusOf(path)).toBe("ACCP");

    // A new request; a wrong code fails this authorisation too.
    expect((await pisp.delete(path)).status).toBe(202);
    const wrong = await authorise(`${path}/cancellation-authorisations`, "max.musterman", { scaAuthenticationData: "000000" });
    expect([wrong.status, codeOf(wrong)]).toEqual([401, "PSU_CREDENTIALS_INVALID"]);
    expect(await statusOf(path)).toBe("ACCP");
    expect((await pisp.get(`${path}/cancellation-authorisations`)).body.authorisationIds).toHaveLength(2);

    // A third request, authorised on the hub's pages: cancelled.
    const third = await pisp.delete(path, { headers: { "tpp-redirect-preferred": "true" } });
    const back = await authoriseInBrowser(third.body._links.scaRedirect.href, { login: "max.musterman", password: PASSWORD, code: TAN });
    expect(back).toBeNull();
    expect(await statusOf(path)).toBe("CANC");
  });

  it("cancels a future-dated payment after an exempted cancellation authorisation (a PSU without SCA method)", async () => {
    const created = await pisp.post("/v1/payments/sepa-credit-transfers", { ...transfer(MARION), requestedExecutionDate: day(5) }, { headers: { ...embedded("marion.mueller").headers, "x-gtw-aspsp-id": "beispielbank" } });
    expect(created.status, created.text).toBe(201);
    const path = created.headers.get("location")!;
    const atBeispielbank = pisp.with({ "x-gtw-aspsp-id": "beispielbank" });
    const done = await atBeispielbank.post(`${path}/authorisations`, { psuData: { password: PASSWORD } }, psu("marion.mueller"));
    expect(done.body.scaStatus).toBe("exempted");
    expect((await atBeispielbank.get(`${path}/status`)).body.transactionStatus).toBe("ACSP");

    const deleted = await atBeispielbank.delete(path, { headers: { "tpp-explicit-authorisation-preferred": "true", "tpp-redirect-preferred": "true" } });
    expect(deleted.status, deleted.text).toBe(202);
    expect(deleted.body._links.startAuthorisation).toEqual({ href: `${path}/cancellation-authorisations` });
    const exempted = await atBeispielbank.post(`${path}/cancellation-authorisations`, { psuData: { password: PASSWORD } }, psu("marion.mueller"));
    expect([exempted.status, exempted.body.scaStatus]).toEqual([201, "exempted"]);
    expect((await atBeispielbank.get(`${path}/status`)).body.transactionStatus).toBe("CANC");
  });

  it("refuses another TPP, unknown ids, a payment authorisation's id, steps out of order and the wrong PSU with the spec's codes", async () => {
    const path = await authorisedPayment("periodic-payments", standingOrder(60));
    const start = `${path}/cancellation-authorisations`;
    // No cancellation asked for yet.
    const early = await pisp.post(start, {}, psu("max.musterman"));
    expect([early.status, codeOf(early)]).toEqual([409, "STATUS_INVALID"]);
    expect((await pisp.delete(path)).status).toBe(202);

    const foreign = await otherPisp.delete(path);
    expect([foreign.status, codeOf(foreign)]).toEqual([404, "RESOURCE_UNKNOWN"]);
    for (const res of [await otherPisp.post(start, {}, psu("max.musterman")), await otherPisp.get(start)]) expect([res.status, codeOf(res)]).toEqual([404, "RESOURCE_UNKNOWN"]);
    const unknownPayment = `/v1/periodic-payments/sepa-credit-transfers/${randomUUID()}/cancellation-authorisations`;
    expect(codeOf(await pisp.post(unknownPayment, {}, psu("max.musterman")))).toBe("RESOURCE_UNKNOWN");
    expect((await pisp.get(`/v1/payments/sepa-credit-transfers/${path.split("/").at(-1)}/cancellation-authorisations`)).status).toBe(404);

    const paymentAuthorisationId = (await pisp.get(`${path}/authorisations`)).body.authorisationIds[0];
    for (const id of [randomUUID(), paymentAuthorisationId, "not-an-id"]) {
      const read = await pisp.get(`${start}/${id}`);
      expect([read.status, codeOf(read)], id).toEqual([403, "RESOURCE_UNKNOWN"]);
      const put = await pisp.put(`${start}/${id}`, { psuData: { password: PASSWORD } }, psu("max.musterman"));
      expect([put.status, codeOf(put)], id).toEqual([403, "RESOURCE_UNKNOWN"]);
    }

    const wrongPsu = await pisp.post(start, { psuData: { password: PASSWORD } }, psu("anton.brueckner"));
    expect([wrongPsu.status, codeOf(wrongPsu)]).toEqual([401, "PSU_CREDENTIALS_INVALID"]);
    const started = await pisp.post(start, {}, psu("max.musterman"));
    expect(started.status, started.text).toBe(201);
    expect(started.body).toMatchObject({ scaStatus: "psuIdentified", _links: { updatePsuAuthentication: { href: `${start}/${started.body.authorisationId}` } } });
    const outOfOrder = await pisp.put(`${start}/${started.body.authorisationId}`, { scaAuthenticationData: TAN }, psu("max.musterman"));
    expect([outOfOrder.status, codeOf(outOfOrder)]).toEqual([409, "STATUS_INVALID"]);
    const foreignPut = await otherPisp.put(`${start}/${started.body.authorisationId}`, { psuData: { password: PASSWORD } }, psu("max.musterman"));
    expect([foreignPut.status, codeOf(foreignPut)]).toEqual([404, "RESOURCE_UNKNOWN"]);
    expect(await statusOf(path)).toBe("ACCP");
  });
});
