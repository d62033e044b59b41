import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SANDBOX_PASSWORD, SANDBOX_SCA_CODE, sandboxAccountRef } from "../../connectors/sandbox/personas.js";
import type { Caller } from "../shared/context.js";
import { sandboxId } from "../shared/ids.js";
import { sandboxTppId } from "../shared/sandbox.js";
import { openPaymentsUnderTest, type PaymentsUnderTest } from "./payments.testing.js";

const MAX = "DE80760700240271232400";
const ANTON = "DE69760700240340283600";
const MARION = "DE03500105172351985719";
const OUTSIDE = "DE89370400440532013000";
const TPP = sandboxTppId("paystream");

let subject: PaymentsUnderTest;
beforeAll(async () => {
  subject = await openPaymentsUnderTest();
});
afterAll(() => subject?.close());

const run: PaymentsUnderTest["run"] = (...args) => subject.run(...args);
const ctx = () => subject.ctx();
const count: PaymentsUnderTest["count"] = (...args) => subject.count(...args);
const calls: PaymentsUnderTest["calls"] = (...args) => subject.calls(...args);
const tomorrow = () => new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);

const PAYMENT_FIELDS = `id status rejectionReason endToEndId requestedExecutionDate debtorIban creditorIban idempotencyKey psuId
  instructedAmount { amount currency } bank { id } tpp { id } debtorAccount { iban } statusHistory { status reason at }`;

const INITIATE = `mutation Initiate($input: InitiatePaymentInput!) {
  initiatePayment(input: $input) { replayed payment { ${PAYMENT_FIELDS} } }
}`;
const CANCEL = `mutation Cancel($input: CancelPaymentInput!) { cancelPayment(input: $input) { payment { ${PAYMENT_FIELDS} } } }`;

function order(overrides: Record<string, unknown> = {}) {
  return {
    bankId: "musterbank",
    debtorIban: MAX,
    creditorName: "Anton Brückner",
    creditorIban: ANTON,
    instructedAmount: { amount: "10.00", currency: "EUR" },
    remittanceInformationUnstructured: "Kino",
    tppId: TPP,
    psuId: "max.musterman",
    ...overrides,
  };
}

async function initiate(overrides: Record<string, unknown> = {}, caller?: Caller) {
  return run(INITIATE, { input: order(overrides) }, caller);
}

const START = `mutation($input: StartPaymentAuthorisationInput!) { startPaymentAuthorisation(input: $input) {
  authorisation { id scaStatus scaMethods { authenticationMethodId } } payment { ${PAYMENT_FIELDS} } } }`;
const UPDATE = `mutation($input: UpdatePaymentAuthorisationInput!) { updatePaymentAuthorisation(input: $input) {
  authorisation { id scaStatus chosenScaMethod { authenticationType } finishedAt } payment { ${PAYMENT_FIELDS} } } }`;

/** The PSU's embedded SCA: password, SMS if asked to choose, then the one-time code (or `last` instead of it). */
async function authorise(paymentId: string, psuId = "max.musterman", last: Record<string, unknown> = { scaAuthenticationData: SANDBOX_SCA_CODE }) {
  const started = await run(START, { input: { paymentId, psuId, password: SANDBOX_PASSWORD } });
  expect(started.errors).toBeUndefined();
  const { authorisation } = started.data.startPaymentAuthorisation;
  if (authorisation.scaStatus === "PSU_AUTHENTICATED") await run(UPDATE, { input: { paymentId, authorisationId: authorisation.id, authenticationMethodId: "sms" } });
  return run(UPDATE, { input: { paymentId, authorisationId: authorisation.id, ...last } });
}

/** Initiates, then authorises as the order's PSU; the payment as the bank left it. */
async function initiateAuthorised(overrides: Record<string, unknown> = {}) {
  const res = await initiate(overrides);
  expect(res.errors).toBeUndefined();
  const done = await authorise(res.data.initiatePayment.payment.id, (overrides.psuId as string | undefined) ?? "max.musterman");
  expect(done.errors).toBeUndefined();
  return done.data.updatePaymentAuthorisation.payment;
}

async function expectedBalance(iban: string, bankId = "musterbank"): Promise<bigint> {
  const ref = sandboxAccountRef(iban);
  const balances = await subject.connectors.get(bankId).balances({}, [ref]);
  return balances.get(ref)!.find((b) => b.type === "expected")!.amountMinor;
}

describe("payments subgraph", () => {
  it("has the seeded payments, statuses and history on first start", async () => {
    const res = await run(`{ payments(first: 10) { edges { node { id status rejectionReason statusHistory { status reason } } } } }`);
    expect(res.errors).toBeUndefined();
    const nodes = res.data.payments.edges.map((e: any) => e.node);
    expect(nodes).toHaveLength(4);
    expect(new Set(nodes.map((n: any) => n.status))).toEqual(new Set(["ACSC", "RJCT", "CANC"]));
    const rejected = nodes.find((n: any) => n.status === "RJCT");
    expect(rejected.rejectionReason).toBe("INSUFFICIENT_FUNDS");
    const cancelled = nodes.find((n: any) => n.id === sandboxId("payment", "max-gift"));
    expect(cancelled.statusHistory.map((h: any) => h.status)).toEqual(["RCVD", "ACSP", "CANC"]);
  });

  it("keeps a payment RCVD until its PSU's SCA, then executes it through the core, with history and outbox events", async () => {
    const before = calls("executePayment");
    const res = await initiate();
    expect(res.errors).toBeUndefined();
    const { payment: received, replayed } = res.data.initiatePayment;
    expect(replayed).toBe(false);
    expect(received.status).toBe("RCVD");
    expect(calls("executePayment")).toBe(before);
    const authorised = await authorise(received.id);
    expect(authorised.errors).toBeUndefined();
    expect(authorised.data.updatePaymentAuthorisation.authorisation).toMatchObject({ scaStatus: "FINALISED", chosenScaMethod: { authenticationType: "SMS_OTP" } });
    const payment = authorised.data.updatePaymentAuthorisation.payment;
    expect(payment).toMatchObject({
      status: "ACSC",
      rejectionReason: null,
      instructedAmount: { amount: "10.00", currency: "EUR" },
      bank: { id: "musterbank" },
      tpp: { id: TPP },
      debtorAccount: { iban: MAX },
      psuId: "max.musterman",
    });
    expect(payment.endToEndId).toMatch(/^[0-9a-f]{32}$/);
    expect(payment.statusHistory.map((h: any) => h.status)).toEqual(["RCVD", "ACSC"]);
    expect(calls("executePayment") - before).toBe(1);
    expect(await count(`select count(*) as n from payments.outbox where subject = ? and type = 'payment.status_changed'`, [`Payment:${payment.id}`])).toBe(2);
  });

  it("stores the product as the connector contract spells it", async () => {
    const res = await run(`mutation($input: InitiatePaymentInput!) { initiatePayment(input: $input) { payment { id product } } }`, {
      input: order({ product: "INSTANT_SEPA_CREDIT_TRANSFERS", instructedAmount: { amount: "1.00", currency: "EUR" } }),
    });
    expect(res.errors).toBeUndefined();
    const { id, product } = res.data.initiatePayment.payment;
    expect(product).toBe("INSTANT_SEPA_CREDIT_TRANSFERS");
    expect(await count(`select count(*) as n from payments.payment where id = ? and product = 'instant-sepa-credit-transfers'`, [id])).toBe(1);
  });

  it("shows a signed-in TPP only its own payments", async () => {
    const id = sandboxId("payment", "max-rent");
    const query = `query($id: ID!) { payment(id: $id) { id } }`;
    expect((await run(query, { id }, { kind: "tpp", tppId: TPP, scopes: [] })).data.payment).toEqual({ id });
    expect((await run(query, { id }, { kind: "tpp", tppId: sandboxTppId("greenledger"), scopes: [] })).data.payment).toBeNull();
  });

  it("replays the same request under the same idempotency key: one payment, one core call", async () => {
    const before = calls("executePayment");
    const first = await initiate({ idempotencyKey: "replay-1", endToEndId: "E2E-REPLAY-1" });
    const second = await initiate({ idempotencyKey: "replay-1", endToEndId: "E2E-REPLAY-1" });
    expect(first.errors).toBeUndefined();
    expect(second.errors).toBeUndefined();
    expect(second.data.initiatePayment.payment.id).toBe(first.data.initiatePayment.payment.id);
    expect(second.data.initiatePayment).toMatchObject({ replayed: true, payment: { status: "RCVD" } });
    expect(calls("executePayment")).toBe(before);
    await authorise(first.data.initiatePayment.payment.id);
    const third = await initiate({ idempotencyKey: "replay-1", endToEndId: "E2E-REPLAY-1" });
    expect(third.data.initiatePayment).toMatchObject({ replayed: true, payment: { status: "ACSC" } });
    expect(calls("executePayment") - before).toBe(1);
    expect(await count(`select count(*) as n from payments.payment where idempotency_key = 'replay-1'`)).toBe(1);
  });

  it("refuses the same idempotency key with another request", async () => {
    await initiate({ idempotencyKey: "reused-1" });
    const before = calls("executePayment");
    const res = await initiate({ idempotencyKey: "reused-1", instructedAmount: { amount: "11.00", currency: "EUR" } });
    expect(res.errors?.[0]?.extensions.code).toBe("IDEMPOTENCY_KEY_REUSED");
    expect(calls("executePayment")).toBe(before);
    expect(await count(`select count(*) as n from payments.payment where idempotency_key = 'reused-1'`)).toBe(1);
  });

  it("lets only one of two concurrent requests with the same key insert", async () => {
    const [a, b] = await Promise.all([initiate({ idempotencyKey: "race-1" }), initiate({ idempotencyKey: "race-1" })]);
    expect(a.errors).toBeUndefined();
    expect(b.errors).toBeUndefined();
    expect(a.data.initiatePayment.payment.id).toBe(b.data.initiatePayment.payment.id);
    expect([a.data.initiatePayment.replayed, b.data.initiatePayment.replayed].sort()).toEqual([false, true]);
    expect(await count(`select count(*) as n from payments.payment where idempotency_key = 'race-1'`)).toBe(1);
  });

  it("answers insufficient funds as a rejected payment and moves no money", async () => {
    const balance = await expectedBalance(ANTON);
    const payment = await initiateAuthorised({ debtorIban: ANTON, creditorIban: MAX, creditorName: "Max Mustermann", psuId: "anton.brueckner", instructedAmount: { amount: "9999999.00", currency: "EUR" } });
    expect(payment).toMatchObject({ status: "RJCT", rejectionReason: "INSUFFICIENT_FUNDS" });
    expect(payment.statusHistory.map((h: any) => [h.status, h.reason])).toEqual([["RCVD", null], ["RJCT", "INSUFFICIENT_FUNDS"]]);
    expect(await expectedBalance(ANTON)).toBe(balance);
  });

  it("cancels a future-dated payment and refuses to cancel an executed or cancelled one", async () => {
    const { id, status } = await initiateAuthorised({ requestedExecutionDate: tomorrow(), instructedAmount: { amount: "3.00", currency: "EUR" } });
    expect(status).toBe("ACSP");
    // Authorised by its PSU: the cancellation needs the PSU's SCA too (cancellation-authorisation.test.ts).
    const asked = await run(CANCEL, { input: { paymentId: id, tppId: TPP } });
    expect(asked.errors).toBeUndefined();
    expect(asked.data.cancelPayment.payment.status).toBe("ACSP");
    const started = await run(`mutation($input: StartPaymentCancellationAuthorisationInput!) { startPaymentCancellationAuthorisation(input: $input) { authorisation { id } } }`, {
      input: { paymentId: id, psuId: "max.musterman", password: SANDBOX_PASSWORD },
    });
    const authorisationId = started.data.startPaymentCancellationAuthorisation.authorisation.id;
    const step = `mutation($input: UpdatePaymentCancellationAuthorisationInput!) { updatePaymentCancellationAuthorisation(input: $input) { payment { ${PAYMENT_FIELDS} } } }`;
    await run(step, { input: { paymentId: id, authorisationId, authenticationMethodId: "sms" } });
    const cancelled = await run(step, { input: { paymentId: id, authorisationId, scaAuthenticationData: SANDBOX_SCA_CODE } });
    expect(cancelled.errors).toBeUndefined();
    expect(cancelled.data.updatePaymentCancellationAuthorisation.payment.statusHistory.map((h: any) => h.status)).toEqual(["RCVD", "ACSP", "CANC"]);
    const again = await run(CANCEL, { input: { paymentId: id } });
    expect(again.errors?.[0]?.extensions.code).toBe("ILLEGAL_STATE_TRANSITION");

    const executed = await initiateAuthorised({ instructedAmount: { amount: "2.00", currency: "EUR" } });
    const refused = await run(CANCEL, { input: { paymentId: executed.id } });
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: "ILLEGAL_STATE_TRANSITION", from: "ACSC", to: "CANC" });
    const otherTpp = await run(CANCEL, { input: { paymentId: id, tppId: sandboxTppId("greenledger") } });
    expect(otherTpp.errors?.[0]?.extensions.code).toBe("PAYMENT_NOT_FOUND");
  });

  it("rejects the payment when the PSU denies or fails SCA, and sends nothing to the bank", async () => {
    const before = calls("executePayment");
    const denied = (await initiate()).data.initiatePayment.payment;
    const res = await authorise(denied.id, "max.musterman", { deny: true });
    expect(res.errors).toBeUndefined();
    expect(res.data.updatePaymentAuthorisation).toMatchObject({ authorisation: { scaStatus: "FAILED" }, payment: { status: "RJCT", rejectionReason: "SCA_FAILED" } });
    const wrongCode = (await initiate()).data.initiatePayment.payment;
    const refused = await authorise(wrongCode.id, "max.musterman", { scaAuthenticationData: "000000" });
    expect(refused.errors?.[0]?.extensions.code).toBe("PSU_CREDENTIALS_INVALID");
    expect((await run(`query($id: ID!) { payment(id: $id) { status authorisations { scaStatus } } }`, { id: wrongCode.id })).data.payment).toEqual({
      status: "RJCT",
      authorisations: [{ scaStatus: "FAILED" }],
    });
    expect(calls("executePayment")).toBe(before);
  });

  it("takes the SCA only from the payment's PSU, once, and only from whom may see the payment", async () => {
    const payment = (await initiate()).data.initiatePayment.payment;
    expect((await run(START, { input: { paymentId: payment.id, psuId: "anton.brueckner" } })).errors?.[0]?.extensions.code).toBe("PSU_MISMATCH");
    const stranger: Caller = { kind: "tpp", tppId: sandboxTppId("greenledger"), scopes: ["payments"] };
    expect((await run(START, { input: { paymentId: payment.id, psuId: "max.musterman" } }, stranger)).errors?.[0]?.extensions.code).toBe("PAYMENT_NOT_FOUND");
    expect((await authorise(payment.id)).errors).toBeUndefined();
    expect((await run(START, { input: { paymentId: payment.id } })).errors?.[0]?.extensions.code).toBe("PAYMENT_NOT_AWAITING_AUTHORISATION");

    // Initiated without a PSU: a holder of the debtor account authorises (and becomes its PSU); anyone else may not.
    const anonymous = (await initiate({ psuId: null, debtorIban: ANTON, creditorIban: MAX, creditorName: "Max Mustermann", instructedAmount: { amount: "1.00", currency: "EUR" } })).data.initiatePayment.payment;
    expect((await run(START, { input: { paymentId: anonymous.id, psuId: "max.musterman" } })).errors?.[0]?.extensions.code).toBe("PSU_MISMATCH");
    const done = await authorise(anonymous.id, "anton.brueckner");
    expect(done.data.updatePaymentAuthorisation.payment).toMatchObject({ status: "ACSC", psuId: "anton.brueckner" });
  });

  it.each([
    ["INVALID_IBAN", { debtorIban: "DE00760700240271232400" }],
    ["INVALID_IBAN", { creditorIban: "not an iban" }],
    ["INVALID_AMOUNT", { instructedAmount: { amount: "-1.00", currency: "EUR" } }],
    ["INVALID_AMOUNT", { instructedAmount: { amount: "0.00", currency: "EUR" } }],
    ["INVALID_AMOUNT", { instructedAmount: { amount: "1.001", currency: "EUR" } }],
    ["UNSUPPORTED_CURRENCY", { instructedAmount: { amount: "1.00", currency: "XYZ" } }],
    ["BAD_USER_INPUT", { creditorName: "  " }],
    ["BAD_USER_INPUT", { creditorName: "x".repeat(71) }],
    ["BAD_USER_INPUT", { remittanceInformationUnstructured: "x".repeat(141) }],
    ["BAD_USER_INPUT", { endToEndId: "x".repeat(36) }],
    ["BAD_USER_INPUT", { creditorIban: MAX }],
    ["BAD_USER_INPUT", { tppId: "paystream" }],
    ["BAD_USER_INPUT", { tppId: null }],
    ["INVALID_EXECUTION_DATE", { requestedExecutionDate: "2020-01-01" }],
    ["INVALID_EXECUTION_DATE", { requestedExecutionDate: "2031-02-30" }],
    ["INVALID_EXECUTION_DATE", { requestedExecutionDate: "tomorrow" }],
    ["BANK_NOT_FOUND", { bankId: "nobank" }],
    ["DEBTOR_ACCOUNT_NOT_FOUND", { debtorIban: MARION }],
    ["DEBTOR_ACCOUNT_NOT_FOUND", { debtorIban: OUTSIDE, creditorIban: ANTON }],
  ])("answers %s for bad input %j and writes nothing", async (code, overrides) => {
    const rows = await count(`select count(*) as n from payments.payment`);
    const events = await count(`select count(*) as n from payments.outbox`);
    const executions = calls("executePayment");
    const res = await initiate({ idempotencyKey: `bad-${code}`, ...overrides });
    expect(res.errors?.[0]?.extensions.code).toBe(code);
    expect(res.data).toBeNull();
    expect(await count(`select count(*) as n from payments.payment`)).toBe(rows);
    expect(await count(`select count(*) as n from payments.outbox`)).toBe(events);
    expect(calls("executePayment")).toBe(executions);
  });

  it("takes the TPP from a signed-in caller and refuses another TPP in the input", async () => {
    const caller: Caller = { kind: "tpp", tppId: TPP, scopes: ["payments"] };
    const own = await initiate({ tppId: null }, caller);
    expect(own.errors).toBeUndefined();
    expect(own.data.initiatePayment.payment.tpp.id).toBe(TPP);
    const other = await initiate({ tppId: sandboxTppId("greenledger") }, caller);
    expect(other.errors?.[0]?.extensions.code).toBe("FORBIDDEN");
    const withoutPisp = await initiate({ tppId: null }, { kind: "tpp", tppId: TPP, scopes: ["accounts"] });
    expect(withoutPisp.errors?.[0]?.message).toMatch(/PISP role/);
  });
});

describe("when the core does not answer", () => {
  /** Makes musterbank's executePayment fail in transport, after the core did (`reached`) or did not get the order. */
  async function withBrokenCore<T>(reached: boolean, body: () => Promise<T>): Promise<T> {
    const connector = subject.connectors.get("musterbank") as any;
    const original = connector.executePayment;
    connector.executePayment = async (...args: unknown[]) => {
      if (reached) await original.apply(connector, args);
      throw new Error("ECONNRESET");
    };
    try {
      return await body();
    } finally {
      delete connector.executePayment;
    }
  }

  it("records the payment as PDNG, answers CORE_UNAVAILABLE, and sends it on at the next read or repeat", async () => {
    const received = await initiate({ idempotencyKey: "broken-1", instructedAmount: { amount: "1.50", currency: "EUR" } });
    const res = await withBrokenCore(false, () => authorise(received.data.initiatePayment.payment.id));
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: "CORE_UNAVAILABLE", status: "PDNG" });
    const paymentId = res.errors![0]!.extensions.paymentId as string;
    const stored = await count(`select count(*) as n from payments.payment where id = ? and status = 'PDNG' and authorised_at is not null`, [paymentId]);
    expect(stored).toBe(1);
    const read = await run(`query($id: ID!) { payment(id: $id) { status statusHistory { status reason } } }`, { id: paymentId });
    expect(read.data.payment.statusHistory.map((h: any) => h.status)).toEqual(["RCVD", "PDNG", "ACSC"]);
    const before = calls("executePayment");
    const repeat = await initiate({ idempotencyKey: "broken-1", instructedAmount: { amount: "1.50", currency: "EUR" } });
    expect(repeat.errors).toBeUndefined();
    expect(repeat.data.initiatePayment).toMatchObject({ replayed: true, payment: { id: paymentId, status: "ACSC" } });
    expect(calls("executePayment")).toBe(before);
  });

  it("resolves a payment the core executed but whose answer was lost on the next read", async () => {
    const received = await initiate({ instructedAmount: { amount: "1.75", currency: "EUR" } });
    const res = await withBrokenCore(true, () => authorise(received.data.initiatePayment.payment.id));
    expect(res.errors?.[0]?.extensions.code).toBe("CORE_UNAVAILABLE");
    const paymentId = res.errors![0]!.extensions.paymentId as string;
    const before = calls("paymentStatus");
    const read = await run(`query($id: ID!) { payment(id: $id) { status statusHistory { status } } }`, { id: paymentId });
    expect(read.data.payment).toEqual({ status: "ACSC", statusHistory: [{ status: "RCVD" }, { status: "PDNG" }, { status: "ACSC" }] });
    expect(calls("paymentStatus") - before).toBe(1);
  });
});

describe("the fraud-check extension point", () => {
  let fintech: Server;
  let url: string;
  let answer: (body: any) => { status: number; body?: string; delayMs?: number };
  const seen: any[] = [];

  beforeAll(async () => {
    fintech = createServer(async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const body = JSON.parse(Buffer.concat(chunks).toString());
      seen.push(body);
      const reply = answer(body);
      if (reply.delayMs) await new Promise((resolve) => setTimeout(resolve, reply.delayMs));
      if (!res.destroyed) res.writeHead(reply.status, { "content-type": "application/json" }).end(reply.body ?? "");
    });
    await new Promise<void>((resolve) => fintech.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(fintech.address() as AddressInfo).port}/fraud-check`;
  });
  afterAll(() => fintech?.close());

  const REGISTER = `mutation($input: RegisterSpiEndpointInput!) { registerSpiEndpoint(input: $input) { id enabled } }`;
  const register = (onFailure: string, timeoutMs = 300) =>
    run(REGISTER, { input: { bankId: "musterbank", extensionPoint: "PAYMENT_FRAUD_CHECK", tppId: sandboxTppId("checkfunds"), url, timeoutMs, onFailure } });
  const FIELDS = `status rejectionReason fraudCheck { outcome reason endpointId }`;
  const pay = async (amount: string) => {
    const initiated = await initiate({ instructedAmount: { amount, currency: "EUR" } });
    const done = await authorise(initiated.data.initiatePayment.payment.id);
    const id = initiated.data.initiatePayment.payment.id;
    return { done, payment: (await run(`query($id: ID!) { payment(id: $id) { ${FIELDS} } }`, { id })).data.payment };
  };

  it("asks the fintech before the bank executes, and its answer decides", async () => {
    const registered = await register("REJECT");
    expect(registered.errors).toBeUndefined();
    answer = (body) => (body.payment.instructedAmount.amount === "66.60" ? { status: 200, body: JSON.stringify({ decision: "reject", reason: "mule account" }) } : { status: 200, body: '{"decision":"approve"}' });
    const executions = calls("executePayment");
    const approved = await pay("1.11");
    expect(approved.payment).toMatchObject({ status: "ACSC", fraudCheck: { outcome: "APPROVED", endpointId: registered.data.registerSpiEndpoint.id } });
    expect(seen.at(-1)).toMatchObject({ type: "payment.fraud_check", payment: { debtorIban: MAX, creditorIban: ANTON, instructedAmount: { amount: "1.11", currency: "EUR" }, psuId: "max.musterman" } });
    const rejected = await pay("66.60");
    expect(rejected.payment).toMatchObject({ status: "RJCT", rejectionReason: "FRAUD_CHECK_REJECTED", fraudCheck: { outcome: "REJECTED", reason: "mule account" } });
    expect(calls("executePayment") - executions).toBe(1);
  });

  it("lets the bank's policy decide on a timeout, an error or a nonsense answer, and records it", async () => {
    await register("REJECT", 150);
    answer = () => ({ status: 200, body: "{}", delayMs: 400 });
    expect((await pay("1.12")).payment).toMatchObject({ status: "RJCT", rejectionReason: "FRAUD_CHECK_UNAVAILABLE", fraudCheck: { outcome: "FAILED_CLOSED", reason: "no answer within 150 ms" } });
    await register("APPROVE");
    answer = () => ({ status: 500 });
    expect((await pay("1.13")).payment).toMatchObject({ status: "ACSC", fraudCheck: { outcome: "FAILED_OPEN", reason: "HTTP 500" } });
    answer = () => ({ status: 200, body: '{"decision":"maybe"}' });
    expect((await pay("1.14")).payment).toMatchObject({ status: "ACSC", fraudCheck: { outcome: "FAILED_OPEN" } });
  });

  it("keeps SPI endpoints to operators and to allowed URLs, and takes one out of the process", async () => {
    const tpp: Caller = { kind: "tpp", tppId: TPP, scopes: ["payments"] };
    expect((await run(REGISTER, { input: { bankId: "musterbank", extensionPoint: "PAYMENT_FRAUD_CHECK", tppId: TPP, url, onFailure: "APPROVE" } }, tpp)).errors?.[0]?.extensions.code).toBe("FORBIDDEN");
    for (const bad of ["http://10.0.0.8/check", "ftp://example.org/x", "https://user:pw@example.org/x"]) {
      const res = await run(REGISTER, { input: { bankId: "musterbank", extensionPoint: "PAYMENT_FRAUD_CHECK", tppId: TPP, url: bad, onFailure: "APPROVE" } });
      expect(res.errors?.[0]?.extensions.code, bad).toBe("BAD_USER_INPUT");
    }
    const listed = (await run(`{ spiEndpoints(bankId: "musterbank") { id enabled } }`)).data.spiEndpoints;
    expect(listed.filter((e: any) => e.enabled)).toHaveLength(1);
    await run(`mutation($id: ID!) { disableSpiEndpoint(id: $id) { enabled } }`, { id: listed[0].id });
    const before = seen.length;
    expect((await pay("1.15")).payment).toMatchObject({ status: "ACSC", fraudCheck: null });
    expect(seen.length).toBe(before);
  });
});

describe("federation", () => {
  const ACCOUNT_PAYMENTS = `query($reps: [_Any!]!, $first: Int, $after: String, $status: PaymentStatus) {
    _entities(representations: $reps) { ... on Account { iban payments(first: $first, after: $after, status: $status) {
      edges { cursor node { id status debtorIban } } pageInfo { hasNextPage hasPreviousPage endCursor } } } }
  }`;

  it("resolves Account.payments by IBAN for many accounts in one statement", async () => {
    const reps = [MAX, ANTON, MARION].map((iban) => ({ __typename: "Account", iban }));
    const db = subject.testDb.db.statements;
    const statements = db.count;
    const res = await run(ACCOUNT_PAYMENTS, { reps, first: 50 });
    expect(res.errors).toBeUndefined();
    expect(db.count - statements).toBe(1);
    const [max, anton, marion] = res.data._entities;
    expect(max.payments.edges.length).toBeGreaterThan(5);
    expect(max.payments.edges.every((e: any) => e.node.debtorIban === MAX)).toBe(true);
    expect(anton.payments.edges.map((e: any) => e.node.status)).toContain("RJCT");
    expect(marion.payments.edges.map((e: any) => e.node.id)).toEqual([sandboxId("payment", "marion-laptop")]);
  });

  it("pages Account.payments and filters by status", async () => {
    const reps = [{ __typename: "Account", iban: MAX }];
    const all = (await run(ACCOUNT_PAYMENTS, { reps, first: 100 })).data._entities[0].payments.edges.map((e: any) => e.node.id);
    const page1 = (await run(ACCOUNT_PAYMENTS, { reps, first: 2 })).data._entities[0].payments;
    const page2 = (await run(ACCOUNT_PAYMENTS, { reps, first: 2, after: page1.pageInfo.endCursor })).data._entities[0].payments;
    expect(page1.pageInfo.hasNextPage).toBe(true);
    expect(page2.pageInfo.hasPreviousPage).toBe(true);
    expect([...page1.edges, ...page2.edges].map((e: any) => e.node.id)).toEqual(all.slice(0, 4));
    const cancelled = (await run(ACCOUNT_PAYMENTS, { reps, first: 100, status: "CANC" })).data._entities[0].payments.edges;
    expect(cancelled.length).toBeGreaterThan(0);
    expect(cancelled.every((e: any) => e.node.status === "CANC")).toBe(true);
    const bad = await run(ACCOUNT_PAYMENTS, { reps, after: "bm9wZQ" });
    expect(bad.errors?.[0]?.extensions.code).toBe("INVALID_CURSOR");
  });

  it("shows a TPP only its own payments of an account, a PSU only theirs, by id, list and reference", async () => {
    const reps = [{ __typename: "Account", iban: MAX }];
    const all = (await run(ACCOUNT_PAYMENTS, { reps, first: 100 })).data._entities[0].payments.edges;
    const paystream: Caller = { kind: "tpp", tppId: TPP, scopes: ["accounts"] };
    const ofPaystream = (await run(ACCOUNT_PAYMENTS, { reps, first: 100 }, paystream)).data._entities[0].payments.edges;
    expect(ofPaystream.length).toBe(all.length); // every payment from Max's account here was PayStream's
    const other: Caller = { kind: "tpp", tppId: sandboxTppId("finanzblick"), scopes: ["accounts"] };
    expect((await run(ACCOUNT_PAYMENTS, { reps, first: 100 }, other)).data._entities[0].payments.edges).toEqual([]);
    const foreign = all[0].node.id;
    expect((await run(`query($id: ID!) { payment(id: $id) { id } }`, { id: foreign }, other)).data.payment).toBeNull();
    const asRef = await run(`query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Payment { id } } }`, { reps: [{ __typename: "Payment", id: foreign }] }, other);
    expect(asRef.data._entities).toEqual([null]);

    const anton: Caller = { kind: "psu", psuId: "anton.brueckner", scopes: [] };
    const listed = (await run(`{ payments(first: 100) { edges { node { psuId } } } }`, {}, anton)).data.payments.edges;
    expect(listed.length).toBeGreaterThan(0);
    expect(listed.every((e: any) => e.node.psuId === "anton.brueckner")).toBe(true);
    expect((await run(`query($id: ID!) { payment(id: $id) { id } }`, { id: sandboxId("payment", "max-rent") }, anton)).data.payment).toBeNull();
  });

  it("resolves Payment references by id, null for unknown ones", async () => {
    const id = sandboxId("payment", "max-rent");
    const res = await run(`query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Payment { id status creditorName } } }`, {
      reps: [{ __typename: "Payment", id }, { __typename: "Payment", id: sandboxId("payment", "none") }, { __typename: "Payment", id: "nope" }],
    });
    expect(res.errors).toBeUndefined();
    expect(res.data._entities).toEqual([{ id, status: "ACSC", creditorName: "Anton Brückner" }, null, null]);
  });

  it("lists payments by TPP, bank and status, newest first, page by page", async () => {
    const q = `query($first: Int, $after: String, $tppId: ID, $bankId: ID, $status: PaymentStatus) {
      payments(first: $first, after: $after, tppId: $tppId, bankId: $bankId, status: $status) { edges { node { id status bank { id } tpp { id } createdAt } } pageInfo { hasNextPage endCursor } } }`;
    const rejected = await run(q, { status: "RJCT", bankId: "beispielbank", first: 10 });
    expect(rejected.data.payments.edges.map((e: any) => e.node.id)).toEqual([sandboxId("payment", "marion-laptop")]);
    const mine = (await run(q, { tppId: TPP, first: 100 })).data.payments.edges.map((e: any) => e.node);
    expect(mine.every((n: any) => n.tpp.id === TPP)).toBe(true);
    const times = mine.map((n: any) => Date.parse(n.createdAt));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    const first = (await run(q, { tppId: TPP, first: 3 })).data.payments;
    const next = (await run(q, { tppId: TPP, first: 3, after: first.pageInfo.endCursor })).data.payments;
    expect([...first.edges, ...next.edges].map((e: any) => e.node.id)).toEqual(mine.slice(0, 6).map((n: any) => n.id));
    expect((await run(q, { tppId: "nope" })).errors?.[0]?.extensions.code).toBe("BAD_USER_INPUT");
  });
});
