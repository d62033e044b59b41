/**
 * Cancellation authorisations in the payments subgraph: a payment not yet authorised is cancelled at
 * once; an authorised one that can still be cancelled (a standing order, a future-dated payment) keeps
 * its status until its PSU authorises the cancellation (FINALISED or EXEMPTED: CANC with history and
 * event; FAILED: unchanged), with the same steps and visibility as payment authorisations.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SANDBOX_PASSWORD, SANDBOX_SCA_CODE } from "../../connectors/sandbox/personas.js";
import type { Caller } from "../shared/context.js";
import { sql } from "../shared/orm.js";
import { sandboxTppId } from "../shared/sandbox.js";
import { openPaymentsUnderTest, type PaymentsUnderTest } from "./payments.testing.js";

const MAX = "DE80760700240271232400";
const ANTON = "DE69760700240340283600";
const MARION = "DE03500105172351985719";
const OUTSIDE = "DE89370400440532013000";
const TPP = sandboxTppId("paystream");
const OTHER_TPP = sandboxTppId("finanzblick");
const tppCaller = (tppId = TPP): Caller => ({ kind: "tpp", tppId, scopes: ["payments", "accounts"] });

let subject: PaymentsUnderTest;
beforeAll(async () => {
  subject = await openPaymentsUnderTest(tppCaller());
});
afterAll(() => subject?.close());

const run: PaymentsUnderTest["run"] = (...args) => subject.run(...args);
const ctx = () => subject.ctx();
const codeOf = (res: { errors?: readonly any[] }) => res.errors?.[0]?.extensions?.code;
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

const FIELDS = `id status awaitsAuthorisation awaitsCancellationAuthorisation statusHistory { status reason }
  authorisations { id purpose scaStatus } cancellationAuthorisations { id purpose scaStatus }`;
const SINGLE = `mutation($input: InitiatePaymentInput!) { initiatePayment(input: $input) { payment { id } } }`;
const PERIODIC = `mutation($input: InitiatePeriodicPaymentInput!) { initiatePeriodicPayment(input: $input) { payment { id } } }`;
const CANCEL = `mutation($id: ID!) { cancelPayment(input: { paymentId: $id }) { authorisationRequired payment { ${FIELDS} } } }`;
const GET = `query($id: ID!) { payment(id: $id) { ${FIELDS} } }`;
const STEP = `authorisation { id purpose scaStatus scaMethods { authenticationMethodId } } payment { ${FIELDS} }`;
const START = {
  payment: `mutation($input: StartPaymentAuthorisationInput!) { moved: startPaymentAuthorisation(input: $input) { ${STEP} } }`,
  cancellation: `mutation($input: StartPaymentCancellationAuthorisationInput!) { moved: startPaymentCancellationAuthorisation(input: $input) { ${STEP} } }`,
};
const UPDATE = {
  payment: `mutation($input: UpdatePaymentAuthorisationInput!) { moved: updatePaymentAuthorisation(input: $input) { ${STEP} } }`,
  cancellation: `mutation($input: UpdatePaymentCancellationAuthorisationInput!) { moved: updatePaymentCancellationAuthorisation(input: $input) { ${STEP} } }`,
};

const transfer = { creditorName: "Anton Brückner", creditorIban: ANTON, instructedAmount: { amount: "4.00", currency: "EUR" }, tppId: TPP };
const standingOrder = (overrides: Record<string, unknown> = {}) => ({ bankId: "musterbank", debtorIban: MAX, psuId: "max.musterman", ...transfer, startDate: day(1), frequency: "DAILY", ...overrides });
const futureDated = (overrides: Record<string, unknown> = {}) => ({ bankId: "musterbank", debtorIban: MAX, psuId: "max.musterman", ...transfer, requestedExecutionDate: day(5), ...overrides });

/** Password, SMS when asked to choose, then `last` (the one-time code by default): the last step's result. */
async function authorise(kind: "payment" | "cancellation", paymentId: string, psuId = "max.musterman", last: Record<string, unknown> = { scaAuthenticationData: SANDBOX_SCA_CODE }) {
  const started = await run(START[kind], { input: { paymentId, psuId, password: SANDBOX_PASSWORD } });
  expect(started.errors).toBeUndefined();
  const { authorisation } = started.data.moved;
  if (authorisation.scaStatus === "EXEMPTED") return started;
  if (authorisation.scaStatus === "PSU_AUTHENTICATED") await run(UPDATE[kind], { input: { paymentId, authorisationId: authorisation.id, authenticationMethodId: "sms" } });
  return run(UPDATE[kind], { input: { paymentId, authorisationId: authorisation.id, ...last } });
}

async function authorised(mutation: string, input: Record<string, unknown>, psuId = "max.musterman") {
  const created = await run(mutation, { input });
  expect(created.errors).toBeUndefined();
  const id = (Object.values(created.data)[0] as any).payment.id as string;
  const done = await authorise("payment", id, psuId);
  expect(done.errors).toBeUndefined();
  return id;
}

const events = (id: string) =>
  sql<{ payload: any }>(ctx().em, `select payload from payments.outbox where subject = ? and type = 'payment.status_changed' order by created_at`, [`Payment:${id}`]);

describe("cancellation authorisations", () => {
  it("cancels a payment its PSU has not authorised yet at once", async () => {
    const id = (await run(SINGLE, { input: futureDated() })).data.initiatePayment.payment.id;
    const cancelled = await run(CANCEL, { id });
    expect(cancelled.errors).toBeUndefined();
    expect(cancelled.data.cancelPayment).toMatchObject({ authorisationRequired: false, payment: { status: "CANC", awaitsCancellationAuthorisation: false, cancellationAuthorisations: [] } });
  });

  it("ends an authorised standing order only after its PSU authorises the cancellation: CANC with history and event, no instalment after", async () => {
    const id = await authorised(PERIODIC, standingOrder());
    const asked = await run(CANCEL, { id });
    expect(asked.errors).toBeUndefined();
    expect(asked.data.cancelPayment).toMatchObject({ authorisationRequired: true, payment: { status: "ACCP", awaitsCancellationAuthorisation: true } });
    // Asking again changes nothing; the payment's own authorisation is done and takes no other.
    expect((await run(CANCEL, { id })).data.cancelPayment.authorisationRequired).toBe(true);
    expect(codeOf(await run(START.payment, { input: { paymentId: id } }))).toBe("PAYMENT_NOT_AWAITING_AUTHORISATION");

    const done = await authorise("cancellation", id);
    expect(done.errors).toBeUndefined();
    expect(done.data.moved.authorisation).toMatchObject({ purpose: "CANCELLATION", scaStatus: "FINALISED" });
    const payment = done.data.moved.payment;
    expect(payment).toMatchObject({ status: "CANC", awaitsCancellationAuthorisation: false });
    expect(payment.statusHistory.map((h: any) => [h.status, h.reason])).toEqual([["RCVD", null], ["ACCP", null], ["CANC", "CANCELLED_BY_TPP"]]);
    expect(payment.authorisations.map((a: any) => [a.purpose, a.scaStatus])).toEqual([["PAYMENT", "FINALISED"]]);
    expect(payment.cancellationAuthorisations.map((a: any) => [a.purpose, a.scaStatus])).toEqual([["CANCELLATION", "FINALISED"]]);
    expect((await events(id)).at(-1)!.payload).toMatchObject({ status: "CANC", previousStatus: "ACCP" });
    expect((await ctx().standingOrders.runDue(day(10), id)).executed).toBe(0);
    expect(codeOf(await run(CANCEL, { id }))).toBe("ILLEGAL_STATE_TRANSITION");
    expect(codeOf(await run(START.cancellation, { input: { paymentId: id } }))).toBe("PAYMENT_NOT_AWAITING_CANCELLATION_AUTHORISATION");
  });

  it("leaves the standing order ACCP when the PSU denies or the code is wrong; a new request can then be authorised", async () => {
    const id = await authorised(PERIODIC, standingOrder({ startDate: day(30), frequency: "MONTHLY" }));
    await run(CANCEL, { id });
    const denied = await authorise("cancellation", id, "max.musterman", { deny: true });
    expect(denied.errors).toBeUndefined();
    expect(denied.data.moved).toMatchObject({ authorisation: { scaStatus: "FAILED" }, payment: { status: "ACCP", awaitsCancellationAuthorisation: false } });
    // The request ended with the failed SCA: a new cancellation authorisation needs a new request.
    expect(codeOf(await run(START.cancellation, { input: { paymentId: id } }))).toBe("PAYMENT_NOT_AWAITING_CANCELLATION_AUTHORISATION");

    await run(CANCEL, { id });
    const wrong = await authorise("cancellation", id, "max.musterman", { scaAuthenticationData: "000000" });
    expect(codeOf(wrong)).toBe("PSU_CREDENTIALS_INVALID");
    const after = (await run(GET, { id })).data.payment;
    expect(after).toMatchObject({ status: "ACCP", awaitsCancellationAuthorisation: false });
    expect(after.cancellationAuthorisations.map((a: any) => a.scaStatus)).toEqual(["FAILED", "FAILED"]);

    await run(CANCEL, { id });
    expect((await authorise("cancellation", id)).data.moved.payment.status).toBe("CANC");
  });

  it("cancels a future-dated payment at the bank after an exempted SCA (a PSU without SCA method)", async () => {
    const id = await authorised(SINGLE, futureDated({ bankId: "beispielbank", debtorIban: MARION, psuId: "marion.mueller", creditorIban: OUTSIDE }), "marion.mueller");
    const before = subject.calls("cancelPayment", "beispielbank");
    const asked = await run(CANCEL, { id });
    expect(asked.data.cancelPayment).toMatchObject({ authorisationRequired: true, payment: { status: "ACSP" } });
    expect(subject.calls("cancelPayment", "beispielbank")).toBe(before);
    const exempted = await authorise("cancellation", id, "marion.mueller");
    expect(exempted.errors).toBeUndefined();
    expect(exempted.data.moved).toMatchObject({ authorisation: { scaStatus: "EXEMPTED" }, payment: { status: "CANC" } });
    expect(subject.calls("cancelPayment", "beispielbank")).toBe(before + 1);
  });

  it("finishes an authorised cancellation that did not reach the payment (a crash in between) on a repeated cancel", async () => {
    const id = await authorised(PERIODIC, standingOrder({ startDate: day(15) }));
    await run(CANCEL, { id });
    await sql(ctx().em, `update payments.payment set cancellation_authorised_at = now() where id = ?`, [id]);
    expect((await run(GET, { id })).data.payment).toMatchObject({ status: "ACCP", awaitsCancellationAuthorisation: false });
    expect((await run(CANCEL, { id })).data.cancelPayment).toMatchObject({ authorisationRequired: false, payment: { status: "CANC" } });
  });

  it("shows a TPP only its own payments, takes no payment authorisation id, and only the payment's PSU", async () => {
    const id = await authorised(PERIODIC, standingOrder({ startDate: day(20) }));
    const paymentAuthorisationId = (await run(GET, { id })).data.payment.authorisations[0].id;
    expect(codeOf(await run(CANCEL, { id }, tppCaller(OTHER_TPP)))).toBe("PAYMENT_NOT_FOUND");
    expect(codeOf(await run(START.cancellation, { input: { paymentId: id } }))).toBe("PAYMENT_NOT_AWAITING_CANCELLATION_AUTHORISATION");
    await run(CANCEL, { id });
    expect(codeOf(await run(START.cancellation, { input: { paymentId: id, psuId: "max.musterman" } }, tppCaller(OTHER_TPP)))).toBe("PAYMENT_NOT_FOUND");
    expect(codeOf(await run(UPDATE.cancellation, { input: { paymentId: id, authorisationId: paymentAuthorisationId, password: SANDBOX_PASSWORD } }))).toBe("PAYMENT_CANCELLATION_AUTHORISATION_NOT_FOUND");
    expect(codeOf(await run(START.cancellation, { input: { paymentId: id, psuId: "anton.brueckner", password: SANDBOX_PASSWORD } }))).toBe("PSU_MISMATCH");
    const started = await run(START.cancellation, { input: { paymentId: id, psuId: "max.musterman" } });
    const authorisationId = started.data.moved.authorisation.id;
    expect(codeOf(await run(UPDATE.cancellation, { input: { paymentId: id, authorisationId, password: SANDBOX_PASSWORD } }, tppCaller(OTHER_TPP)))).toBe("PAYMENT_NOT_FOUND");
    expect(codeOf(await run(UPDATE.payment, { input: { paymentId: id, authorisationId, password: SANDBOX_PASSWORD } }))).toBe("PAYMENT_AUTHORISATION_NOT_FOUND");
    expect((await run(GET, { id })).data.payment).toMatchObject({ status: "ACCP", awaitsCancellationAuthorisation: true });
  });
});
