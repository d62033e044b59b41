/**
 * Standing orders and bulks in the payments subgraph: the same idempotency, SCA and visibility as
 * single payments; a standing order ACCP after SCA with each instalment executed once (also with two
 * schedulers racing); a bulk under one SCA with each entry executed once and its status from theirs.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SANDBOX_PASSWORD, SANDBOX_SCA_CODE, sandboxAccountRef } from "../../connectors/sandbox/personas.js";
import { operatorCaller, type Caller } from "../shared/context.js";
import { sandboxTppId } from "../shared/sandbox.js";
import { openPaymentsUnderTest, type PaymentsUnderTest } from "./payments.testing.js";
import { PaymentStore } from "./payment-store.js";
import { StandingOrders } from "./standing-orders.js";

const MAX = "DE80760700240271232400";
const ANTON = "DE69760700240340283600";
const OUTSIDE = "DE89370400440532013000";
const TPP = sandboxTppId("paystream");
const OTHER_TPP = sandboxTppId("finanzblick");

let subject: PaymentsUnderTest;
beforeAll(async () => {
  subject = await openPaymentsUnderTest();
});
afterAll(() => subject?.close());

const run: PaymentsUnderTest["run"] = (...args) => subject.run(...args);
const ctx = () => subject.ctx();
const count: PaymentsUnderTest["count"] = (...args) => subject.count(...args);
const calls: PaymentsUnderTest["calls"] = (...args) => subject.calls(...args);
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const tppCaller = (tppId = TPP): Caller => ({ kind: "tpp", tppId, scopes: ["payments", "accounts"] });

async function expectedBalance(iban: string): Promise<bigint> {
  const ref = sandboxAccountRef(iban);
  return (await subject.connectors.get("musterbank").balances({}, [ref])).get(ref)!.find((b) => b.type === "expected")!.amountMinor;
}

const FIELDS = `id kind status creditorName creditorIban instructedAmount { amount currency } batchBookingPreferred
  standingOrder { startDate endDate frequency executionRule dayOfExecution monthsOfExecution nextExecutionDate }
  instalments { dueDate executionDate status } bulkEntries { position creditorName creditorIban instructedAmount { amount } status rejectionReason }`;
const PERIODIC = `mutation($input: InitiatePeriodicPaymentInput!) { initiatePeriodicPayment(input: $input) { replayed payment { ${FIELDS} } } }`;
const BULK = `mutation($input: InitiateBulkPaymentInput!) { initiateBulkPayment(input: $input) { replayed payment { ${FIELDS} } } }`;
const START = `mutation($input: StartPaymentAuthorisationInput!) { startPaymentAuthorisation(input: $input) { authorisation { id scaStatus } } }`;
const UPDATE = `mutation($input: UpdatePaymentAuthorisationInput!) { updatePaymentAuthorisation(input: $input) { authorisation { scaStatus } payment { ${FIELDS} } } }`;
const GET = `query($id: ID!) { payment(id: $id) { ${FIELDS} } }`;
const CANCEL = `mutation($id: ID!) { cancelPayment(input: { paymentId: $id }) { payment { id status } } }`;

const standingOrder = (overrides: Record<string, unknown> = {}) => ({
  bankId: "musterbank", debtorIban: MAX, creditorName: "Anton Brückner", creditorIban: ANTON, instructedAmount: { amount: "7.00", currency: "EUR" },
  remittanceInformationUnstructured: "Miete", tppId: TPP, psuId: "max.musterman", startDate: day(3), frequency: "MONTHLY", ...overrides,
});
const bulk = (overrides: Record<string, unknown> = {}) => ({
  bankId: "musterbank", debtorIban: MAX, tppId: TPP, psuId: "max.musterman", batchBookingPreferred: true,
  payments: [
    { creditorName: "Anton Brückner", creditorIban: ANTON, instructedAmount: { amount: "1.10", currency: "EUR" } },
    { creditorName: "Hans Handbuch", creditorIban: OUTSIDE, instructedAmount: { amount: "2.20", currency: "EUR" }, remittanceInformationUnstructured: "Rechnung 1" },
  ],
  ...overrides,
});

/** Password, SMS, TAN: one SCA by max.musterman; the payment after it. */
async function authorise(paymentId: string) {
  const started = await run(START, { input: { paymentId, psuId: "max.musterman", password: SANDBOX_PASSWORD } });
  expect(started.errors).toBeUndefined();
  const { authorisation } = started.data.startPaymentAuthorisation;
  if (authorisation.scaStatus === "PSU_AUTHENTICATED") await run(UPDATE, { input: { paymentId, authorisationId: authorisation.id, authenticationMethodId: "sms" } });
  const done = await run(UPDATE, { input: { paymentId, authorisationId: authorisation.id, scaAuthenticationData: SANDBOX_SCA_CODE } });
  expect(done.errors).toBeUndefined();
  expect(done.data.updatePaymentAuthorisation.authorisation.scaStatus).toBe("FINALISED");
  return done.data.updatePaymentAuthorisation.payment;
}

describe("standing orders", () => {
  it("are RCVD until SCA, then ACCP without executing before their start date; the same key replays, another body is refused", async () => {
    const input = standingOrder({ idempotencyKey: "so-1", endDate: day(100), dayOfExecution: 31, executionRule: "PRECEDING" });
    const created = await run(PERIODIC, { input });
    expect(created.errors).toBeUndefined();
    const order = created.data.initiatePeriodicPayment.payment;
    expect(order).toMatchObject({ kind: "PERIODIC", status: "RCVD", creditorIban: ANTON, instructedAmount: { amount: "7.00" }, bulkEntries: null, instalments: [] });
    expect(order.standingOrder).toMatchObject({ startDate: day(3), endDate: day(100), frequency: "MONTHLY", executionRule: "PRECEDING", dayOfExecution: 31 });

    const replay = await run(PERIODIC, { input });
    expect(replay.data.initiatePeriodicPayment).toMatchObject({ replayed: true, payment: { id: order.id } });
    const reused = await run(PERIODIC, { input: { ...input, frequency: "WEEKLY" } });
    expect(reused.errors?.[0]?.extensions?.code).toBe("IDEMPOTENCY_KEY_REUSED");

    const before = calls("executePayment");
    const accepted = await authorise(order.id);
    expect(accepted.status).toBe("ACCP");
    expect(calls("executePayment")).toBe(before);
    expect((await ctx().standingOrders.runDue(day(0))).executed).toBe(0);
  });

  it("executes each due instalment once, even with two schedulers at once, and stops when cancelled", async () => {
    const created = await run(PERIODIC, { input: standingOrder({ startDate: day(1), frequency: "DAILY" }) });
    const id = created.data.initiatePeriodicPayment.payment.id;
    await authorise(id);
    const balance = await expectedBalance(MAX);
    const due = day(8); // at least four working days after the start
    const schedulers = [0, 1].map(() => new StandingOrders(ctx().em, subject.connectors, new PaymentStore(ctx().em)));
    const runs = await Promise.all(schedulers.map((s) => s.runDue(due, id)));
    const instalments = await count(`select count(*) as n from payments.standing_order_instalment where payment_id = ?`, [id]);
    expect(instalments).toBeGreaterThanOrEqual(4);
    expect(runs[0]!.executed + runs[1]!.executed).toBe(instalments);
    expect(await expectedBalance(MAX)).toBe(balance - 700n * BigInt(instalments));
    expect((await schedulers[0]!.runDue(due, id)).executed).toBe(0);
    expect(await count(`select count(*) as n from payments.outbox where subject = ? and type = 'payment.instalment_changed'`, [`Payment:${id}`])).toBe(2 * instalments);
    const read = (await run(GET, { id })).data.payment;
    expect(read.instalments.every((i: any) => i.status === "ACSC")).toBe(true);

    // An authorised standing order ends once its PSU authorises the cancellation (cancellation-authorisation.test.ts).
    expect((await run(CANCEL, { id })).data.cancelPayment.payment.status).toBe("ACCP");
    const started = await run(`mutation($input: StartPaymentCancellationAuthorisationInput!) { startPaymentCancellationAuthorisation(input: $input) { authorisation { id } } }`, {
      input: { paymentId: id, psuId: "max.musterman", password: SANDBOX_PASSWORD },
    });
    const authorisationId = started.data.startPaymentCancellationAuthorisation.authorisation.id;
    const step = `mutation($input: UpdatePaymentCancellationAuthorisationInput!) { updatePaymentCancellationAuthorisation(input: $input) { payment { id status } } }`;
    await run(step, { input: { paymentId: id, authorisationId, authenticationMethodId: "sms" } });
    const cancelled = await run(step, { input: { paymentId: id, authorisationId, scaAuthenticationData: SANDBOX_SCA_CODE } });
    expect(cancelled.data.updatePaymentCancellationAuthorisation.payment.status).toBe("CANC");
    expect((await schedulers[0]!.runDue(day(20), id)).executed).toBe(0);
    expect((await run(CANCEL, { id })).errors?.[0]?.extensions?.code).toBe("ILLEGAL_STATE_TRANSITION");
  });

  it("executes the first instalment right after SCA when it starts today", async () => {
    const created = await run(PERIODIC, { input: standingOrder({ startDate: day(0), frequency: "WEEKLY" }) });
    const id = created.data.initiatePeriodicPayment.payment.id;
    const weekend = [0, 6].includes(new Date().getUTCDay());
    await authorise(id);
    expect(await count(`select count(*) as n from payments.standing_order_instalment where payment_id = ?`, [id])).toBe(weekend ? 0 : 1);
  });

  it("lists an account's active standing orders: all under a covering AIS consent, else only the TPP's own", async () => {
    const created = await run(PERIODIC, { input: standingOrder({ startDate: day(5), tppId: OTHER_TPP }) });
    const id = created.data.initiatePeriodicPayment.payment.id;
    await authorise(id);
    const LIST = `query($iban: String!) { _entities(representations: [{ __typename: "Account", iban: $iban }]) { ... on Account { standingOrders { id tpp { id } } } } }`;
    const ids = async (caller: Caller) => (await run(LIST, { iban: MAX }, caller)).data._entities[0].standingOrders.map((o: any) => o.id);
    expect(await ids(operatorCaller)).toContain(id);
    expect(await ids(tppCaller())).not.toContain(id);
    const consent = { id: "c", type: "AIS" as const, status: "valid", validUntil: "9999-12-31", frequencyPerDay: 4, recurring: true, tppId: TPP, psuId: "max.musterman", accounts: [], balances: [], transactions: [MAX], all: "none" as const };
    expect(await ids({ ...tppCaller(), consent })).toContain(id);
    expect(await ids({ ...tppCaller(), consent: { ...consent, transactions: [] } })).not.toContain(id);
    expect(await ids({ ...tppCaller(), consent: { ...consent, psuId: "anton.brueckner" } })).not.toContain(id);
  });

  it("refuses bad terms", async () => {
    const code = async (overrides: Record<string, unknown>) => (await run(PERIODIC, { input: standingOrder(overrides) })).errors?.[0]?.extensions?.code;
    expect(await code({ startDate: day(-1) })).toBe("BAD_USER_INPUT");
    expect(await code({ endDate: day(1), startDate: day(2) })).toBe("BAD_USER_INPUT");
    expect(await code({ dayOfExecution: 32 })).toBe("BAD_USER_INPUT");
    expect(await code({ frequency: "MONTHLY_VARIABLE" })).toBe("BAD_USER_INPUT");
    expect(await code({ requestedExecutionDate: day(2) })).toBe("BAD_USER_INPUT");
  });
});

describe("bulk payments", () => {
  it("executes every entry once under one SCA, and a replay executes nothing again", async () => {
    const balance = await expectedBalance(MAX);
    const created = await run(BULK, { input: bulk({ idempotencyKey: "bulk-1" }) });
    expect(created.errors).toBeUndefined();
    const payment = created.data.initiateBulkPayment.payment;
    expect(payment).toMatchObject({ kind: "BULK", status: "RCVD", creditorName: null, instructedAmount: { amount: "3.30", currency: "EUR" }, batchBookingPreferred: true, standingOrder: null });
    expect(payment.bulkEntries.map((e: any) => [e.position, e.creditorIban, e.status])).toEqual([[0, ANTON, "RCVD"], [1, OUTSIDE, "RCVD"]]);

    const before = calls("executePayment");
    const done = await authorise(payment.id);
    expect(done.status).toBe("ACSC");
    expect(done.bulkEntries.map((e: any) => e.status)).toEqual(["ACSC", "ACSC"]);
    expect(calls("executePayment") - before).toBe(2);
    expect(await expectedBalance(MAX)).toBe(balance - 330n);

    const replay = await run(BULK, { input: bulk({ idempotencyKey: "bulk-1" }) });
    expect(replay.data.initiateBulkPayment).toMatchObject({ replayed: true, payment: { id: payment.id, status: "ACSC" } });
    expect(calls("executePayment") - before).toBe(2);
    expect((await run(BULK, { input: bulk({ idempotencyKey: "bulk-1", batchBookingPreferred: false }) })).errors?.[0]?.extensions?.code).toBe("IDEMPOTENCY_KEY_REUSED");
    expect((await run(CANCEL, { id: payment.id })).errors?.[0]?.extensions?.code).toBe("ILLEGAL_STATE_TRANSITION");
  });

  it("is PART when the bank rejects some entries", async () => {
    const created = await run(BULK, {
      input: bulk({ payments: [{ creditorName: "Anton", creditorIban: ANTON, instructedAmount: { amount: "0.50", currency: "EUR" } }, { creditorName: "Anton", creditorIban: ANTON, instructedAmount: { amount: "9999999.00", currency: "EUR" } }] }),
    });
    const done = await authorise(created.data.initiateBulkPayment.payment.id);
    expect(done.status).toBe("PART");
    expect(done.bulkEntries.map((e: any) => [e.status, e.rejectionReason])).toEqual([["ACSC", null], ["RJCT", "INSUFFICIENT_FUNDS"]]);
  });

  it("refuses mixed currencies, an empty bulk and a bad entry; cancels one not yet authorised; hides it from other TPPs", async () => {
    const mixed = bulk({ payments: [...bulk().payments, { creditorName: "X", creditorIban: ANTON, instructedAmount: { amount: "1.00", currency: "USD" } }] });
    expect((await run(BULK, { input: mixed })).errors?.[0]?.extensions?.code).toBe("UNSUPPORTED_CURRENCY");
    expect((await run(BULK, { input: bulk({ payments: [] }) })).errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    const bad = await run(BULK, { input: bulk({ payments: [{ creditorName: "X", creditorIban: "DE00", instructedAmount: { amount: "1.00", currency: "EUR" } }] }) });
    expect(bad.errors?.[0]?.extensions?.code).toBe("INVALID_IBAN");
    expect(bad.errors?.[0]?.message).toMatch(/^payments\[0\]/);
    const created = await run(BULK, { input: bulk() }, tppCaller());
    const id = created.data.initiateBulkPayment.payment.id;
    expect((await run(GET, { id }, tppCaller(OTHER_TPP))).data.payment).toBeNull();
    expect((await run(CANCEL, { id }, tppCaller())).data.cancelPayment.payment.status).toBe("CANC");
  });
});
