/**
 * Faults of one core among five: down, slow past the deadline, garbage, a TCP connection dropped
 * mid-message. The hub keeps answering for the other banks (partial data, a CORE_UNAVAILABLE error
 * at the failing bank's path), the bank's circuit opens and closes again by itself once its core is
 * back, and a payment through a failing core is neither lost nor booked twice.
 */
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { ResilienceConfig } from "../../connectors/resilience.js";
import { sandboxTppId } from "../../subgraphs/shared/sandbox.js";
import { SEED_ACCOUNTS } from "../simulators/iso20022/index.js";
import { SIM_ACCOUNTS } from "../simulators/iso8583/index.js";
import { gql, startTestHub, type GraphQLResponse, type TestHub } from "../helpers/hub.js";
import { BANK_IDS, startCores, type Cores } from "../helpers/multi-core.js";
import { authoriseAsMax } from "../helpers/payments.js";

/** Short deadlines and a quick half-open delay, so that faults show (and heal) within a test. */
const RESILIENCE: ResilienceConfig = {
  timeoutMs: 600,
  paymentTimeoutMs: 1_500,
  retry: { retries: 1, initialDelayMs: 10, maxDelayMs: 50 },
  breaker: { consecutiveFailures: 3, halfOpenAfterMs: 500 },
  healthCacheMs: 0,
};
/** The connectors' own deadlines sit under the policy's; REST keeps its default (5 s), so the policy's deadline cuts it. */
const CONNECTOR_TIMEOUTS = { iso20022: 400, iso8583: 400, soap: 400 };

let cores: Cores;
let hub: TestHub;
/** Max's IBANs per bank, from a query while every core was well. */
let baseline: Record<string, string[]>;

const ACCOUNTS = `query Accounts { psu(id: "max.musterman") { accounts { iban bank { id } balances { type } } } }`;
const HEALTH = `query Health($id: ID!) { bank(id: $id) { health { status circuit latencyMs detail } } }`;
const PAYMENT = `query Payment($id: ID!) { payment(id: $id) { status statusHistory { status } } }`;
const INITIATE = `mutation Initiate($input: InitiatePaymentInput!) { initiatePayment(input: $input) { replayed payment { id status } } }`;

/** Initiates, then max.musterman's SCA (password, SMS, code): the core is called at the last step. */
async function pay(order: Record<string, unknown>): Promise<{ errors?: GraphQLResponse["errors"]; payment?: { id: string; status: string } }> {
  const initiated = await gql(hub.url, INITIATE, { input: order });
  expect(initiated.errors).toBeUndefined();
  const paymentId = initiated.data.initiatePayment.payment.id as string;
  const done = await authoriseAsMax(hub.url, paymentId);
  return { errors: done.errors, payment: done.data?.updatePaymentAuthorisation.payment };
}

type Account = { iban: string; bank: { id: string } } | null;

function ibansByBank(accounts: Account[]): Record<string, string[]> {
  const byBank: Record<string, string[]> = {};
  for (const a of accounts) if (a) (byBank[a.bank.id] ??= []).push(a.iban);
  for (const list of Object.values(byBank)) list.sort();
  return byBank;
}

/** Asserts partial data: every other bank complete, `failing` only as null items, each with its CORE_UNAVAILABLE error. */
function expectPartial(res: GraphQLResponse, failing: string): Record<string, unknown>[] {
  expect(res.status).toBe(200);
  const accounts = res.data.psu.accounts as Account[];
  const { [failing]: _gone, ...others } = baseline;
  expect(ibansByBank(accounts)).toEqual(others);
  expect(res.errors?.length).toBeGreaterThan(0);
  for (const error of res.errors!) {
    expect(error.extensions).toMatchObject({ code: "CORE_UNAVAILABLE", bankId: failing });
    expect(error.path!.slice(0, 2)).toEqual(["psu", "accounts"]);
    expect(accounts[error.path![2] as number]).toBeNull();
  }
  expect(accounts.filter((a) => a === null)).toHaveLength(res.errors!.length);
  return res.errors!.map((e) => e.extensions!);
}

const health = async (bankId: string) => (await gql(hub.url, HEALTH, { id: bankId })).data.bank.health;

async function until(check: () => Promise<boolean>, what: string, ms = 8_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Still waiting after ${ms} ms for ${what}.`);
    await sleep(50);
  }
}

async function readyz(): Promise<{ status: number; checks: Record<string, { ok: boolean; detail?: string }> }> {
  const res = await fetch(`${hub.url}/readyz`);
  return { status: res.status, checks: ((await res.json()) as { checks: Record<string, { ok: boolean; detail?: string }> }).checks };
}

beforeAll(async () => {
  cores = await startCores();
  hub = await startTestHub({ banks: cores.banks(RESILIENCE, CONNECTOR_TIMEOUTS) });
  const res = await gql(hub.url, ACCOUNTS);
  expect(res.errors).toBeUndefined();
  baseline = ibansByBank(res.data.psu.accounts);
  expect(Object.keys(baseline).sort()).toEqual(Object.values(BANK_IDS).sort());
});
afterAll(async () => {
  await hub?.stop();
  await cores?.close();
});
/** Every core well again and every circuit closed, so that the next test starts clean. */
afterEach(async () => {
  await cores.heal();
  for (const bank of Object.values(BANK_IDS)) await until(async () => (await health(bank)).status === "UP", `bank ${bank} to be UP`);
});

describe("reads while one core is sick", () => {
  it("a core that is down: partial data, the circuit opens, readiness says which bank, and it all heals by itself", async () => {
    await cores.iso20022.down();
    const first = expectPartial(await gql(hub.url, ACCOUNTS), BANK_IDS.iso20022);
    expect(first).toEqual([expect.objectContaining({ reason: "CORE_ERROR", operation: "accountsOfPsu" })]);
    let reasons: unknown[] = [];
    for (let i = 0; i < 5 && !reasons.includes("CIRCUIT_OPEN"); i++) reasons = expectPartial(await gql(hub.url, ACCOUNTS), BANK_IDS.iso20022).map((e) => e.reason);
    expect(reasons).toEqual(["CIRCUIT_OPEN"]);

    expect(await health(BANK_IDS.iso20022)).toMatchObject({ status: "DOWN", circuit: "OPEN", latencyMs: null, detail: expect.stringMatching(/^circuit open after/) });
    expect(await health(BANK_IDS.rest)).toMatchObject({ status: "UP", circuit: "CLOSED" });
    const notReady = await readyz();
    expect(notReady.status).toBe(503);
    expect(notReady.checks[`bank:${BANK_IDS.iso20022}`]).toMatchObject({ ok: false, detail: expect.stringMatching(/^circuit open/) });
    for (const bank of Object.values(BANK_IDS).filter((b) => b !== BANK_IDS.iso20022)) expect(notReady.checks[`bank:${bank}`]).toEqual({ ok: true });

    await cores.iso20022.up();
    await sleep(RESILIENCE.breaker!.halfOpenAfterMs! + 50);
    const healed = await gql(hub.url, ACCOUNTS); // this query's call is the circuit's trial call
    expect(healed.errors).toBeUndefined();
    expect(ibansByBank(healed.data.psu.accounts)).toEqual(baseline);
    expect(await health(BANK_IDS.iso20022)).toMatchObject({ status: "UP", circuit: "CLOSED" });
    expect((await readyz()).status).toBe(200);
  });

  it("a core slower than the deadline: the query answers in time, with the other banks' data", async () => {
    cores.rest.faults.slowMs = 3_000;
    const started = performance.now();
    const reasons = expectPartial(await gql(hub.url, ACCOUNTS), BANK_IDS.rest);
    expect(performance.now() - started).toBeLessThan(2_500); // two attempts of 600 ms, not the core's 3 s
    expect(reasons).toEqual([expect.objectContaining({ reason: "TIMEOUT", operation: "accountsOfPsu" })]);
  });

  it("a core answering garbage: partial data, and the circuit opens on it", async () => {
    cores.soap.faults.garbage = true;
    expect(expectPartial(await gql(hub.url, ACCOUNTS), BANK_IDS.soap)).toEqual([expect.objectContaining({ reason: "CORE_ERROR", coreError: "CORE_UNAVAILABLE" })]);
    await gql(hub.url, ACCOUNTS);
    expect(await health(BANK_IDS.soap)).toMatchObject({ status: "DOWN", circuit: "OPEN" });
  });

  it("a switch that drops the TCP connection mid-message: that bank's accounts fail at their balances, path by path", async () => {
    cores.iso8583.faults.drop = true;
    const errors = expectPartial(await gql(hub.url, ACCOUNTS), BANK_IDS.iso8583);
    // The switch's accounts come from the bank's configuration; their balances need the switch.
    expect(errors).toHaveLength(baseline[BANK_IDS.iso8583]!.length);
    for (const error of errors) expect(error).toMatchObject({ operation: "balances", reason: expect.stringMatching(/^(CORE_ERROR|TIMEOUT)$/) });
  });
});

describe("payments through a failing core", () => {
  const input = (bankId: string, debtorIban: string, key: string, amount: string) => ({
    bankId,
    tppId: sandboxTppId("paystream"),
    psuId: "max.musterman",
    idempotencyKey: key,
    debtorIban,
    creditorIban: "DE89370400440532013000",
    creditorName: "Muster Maschinenbau GmbH",
    instructedAmount: { amount, currency: "EUR" },
  });

  it("ISO 20022, answer lost and the core down right then: pending, never sent twice, resolved by a status read once the core is back", async () => {
    const debtor = SEED_ACCOUNTS[0]!.iban;
    const debits = () => cores.iso20022.ledger.entries.filter((e) => e.iban === debtor && e.amountMinor === -317n && e.status !== "cancelled").length;
    cores.iso20022.faults.loseResponses = 1;
    cores.iso20022.faults.onLostResponse = () => void cores.iso20022.down();
    const order = input(BANK_IDS.iso20022, debtor, "lost-and-down-1", "3.17");

    const lost = await pay(order);
    expect(lost.errors![0]!.extensions).toMatchObject({ code: "CORE_UNAVAILABLE", status: "PDNG", bankId: BANK_IDS.iso20022 });
    const paymentId = lost.errors![0]!.extensions!.paymentId as string;
    expect(debits()).toBe(1);

    expect((await gql(hub.url, PAYMENT, { id: paymentId })).data.payment.status).toBe("PDNG"); // the core cannot say yet
    const repeat = await gql(hub.url, INITIATE, { input: order });
    expect(repeat.errors![0]!.extensions).toMatchObject({ code: "CORE_UNAVAILABLE", paymentId, status: "PDNG" });
    expect(debits()).toBe(1);

    await cores.iso20022.up();
    await sleep(RESILIENCE.breaker!.halfOpenAfterMs! + 50);
    const resolved = await gql(hub.url, PAYMENT, { id: paymentId });
    expect(resolved.data.payment).toEqual({ status: "ACSC", statusHistory: [{ status: "RCVD" }, { status: "PDNG" }, { status: "ACSC" }] });
    const replay = await gql(hub.url, INITIATE, { input: order });
    expect(replay.data.initiatePayment).toEqual({ replayed: true, payment: { id: paymentId, status: "ACSC" } });
    expect(debits()).toBe(1);
  });

  it("REST, the transfer booked but its answer lost: the connector asks the core instead of guessing, booked once", async () => {
    const debtor = cores.rest.ledger.accounts.get("0271232400")!;
    const debits = () => cores.rest.ledger.entries.filter((e) => e.accountId === debtor.id && e.amount === -421n && e.status !== "cancelled").length;
    const sentBefore = cores.rest.requests.length;
    cores.rest.faults.loseResponse = true;
    const order = input(BANK_IDS.rest, debtor.iban, "lost-rest-1", "4.21");
    const res = await pay(order);
    expect(res.errors).toBeUndefined();
    expect(res.payment!.status).toBe("ACSC"); // its status inquiry found the booking
    cores.rest.faults.loseResponse = false;
    expect((await gql(hub.url, INITIATE, { input: order })).data.initiatePayment).toMatchObject({ replayed: true, payment: { status: "ACSC" } });
    // Whatever was sent again carried the same idempotency key: one payment to the core, one debit.
    const sent = cores.rest.requests.slice(sentBefore).filter((r) => r.method === "POST" && r.url.endsWith("/transfers"));
    expect(new Set(sent.map((r) => r.headers["idempotency-key"])).size).toBe(1);
    expect(debits()).toBe(1);
  });

  it("ISO 8583, the connection dropped mid-answer: pending, reversed by the connector, and the status read agrees with the ledger", async () => {
    const debtor = SIM_ACCOUNTS[0]!;
    const net = () => cores.iso8583.ledger.postings.filter((p) => p.account === debtor.number && (p.amountMinor === -538n || p.amountMinor === 538n)).reduce((sum, p) => sum + p.amountMinor, 0n);
    Object.assign(cores.iso8583.faults, { drop: true, when: (m: { mti: string }) => m.mti === "0200" });
    const lost = await pay(input(BANK_IDS.iso8583, debtor.iban, "dropped-8583-1", "5.38"));
    expect(lost.errors![0]!.extensions).toMatchObject({ code: "CORE_UNAVAILABLE", status: "PDNG" });
    const paymentId = lost.errors![0]!.extensions!.paymentId as string;
    cores.iso8583.faults.drop = false;

    let status = "PDNG";
    await until(async () => (status = (await gql(hub.url, PAYMENT, { id: paymentId })).data.payment.status) !== "PDNG", "the payment to leave PDNG");
    // Never guessed, never doubled: executed means debited once, rejected (reversed) means not debited.
    expect([status, net()]).toEqual(status === "ACSC" ? ["ACSC", -538n] : ["RJCT", 0n]);
  });
});
