/** The query a fintech developer sends first: one request across every subgraph, on seeded data. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SANDBOX_PASSWORD, SANDBOX_PERSONAS, SANDBOX_SCA_CODE } from "../../connectors/sandbox/personas.js";
import { gql, startTestHub, type TestHub } from "../helpers/hub.js";
import { InitiatePaymentDocument, PsuOverviewDocument, StartPaymentAuthorisationDocument, UpdatePaymentAuthorisationDocument } from "../operations/generated.js";

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(() => hub?.stop());

const max = SANDBOX_PERSONAS.find((p) => p.login === "max.musterman")!;

describe("a PSU's overview across accounts, payments, consents, tpps and marketplace", () => {
  it("returns max.musterman's accounts at two banks with balances, 10 booked transactions each, his consents and their TPPs", async () => {
    const res = await gql(hub.url, PsuOverviewDocument, { psu: max.login });
    expect(res.errors).toBeUndefined();
    const psu = res.data!.psu!;
    const accounts = psu.accounts.filter((a) => a !== null); // null only for a bank whose core is unavailable
    expect(accounts.map((a) => a.iban).sort()).toEqual(max.accounts.map((a) => a.iban).sort());
    expect(new Set(accounts.map((a) => a.bank.id))).toEqual(new Set(["musterbank", "beispielbank"]));
    for (const account of accounts) {
      expect(account.balances.map((b) => b.type)).toEqual(expect.arrayContaining(["CLOSING_BOOKED", "EXPECTED", "INTERIM_AVAILABLE"]));
      for (const balance of account.balances) {
        expect(balance.amount.currency).toBe(account.currency);
        expect(balance.amount.amount).toMatch(/^-?\d+(\.\d+)?$/);
      }
      const edges = account.transactions.edges;
      expect(edges.length).toBeLessThanOrEqual(10);
      const dates = edges.map((e) => e.node.bookingDate!);
      expect(dates).toEqual([...dates].sort().reverse());
    }
    const current = accounts.find((a) => a.iban === "DE80760700240271232400")!;
    expect(current.transactions.edges).toHaveLength(10);
    expect(current.transactions.pageInfo.hasNextPage).toBe(true);

    const consent = psu.consents.find((c) => c.tpp.legalName === "Finanzblick Budget GmbH")!;
    expect(consent.status).toBe("VALID");
    expect(consent.accounts.map((a) => a.iban).sort()).toEqual(["DE15500105172295759744", "DE80760700240271232400"]);
    expect(consent.tpp.status).toBe("ACTIVE");
    expect(consent.tpp.solutions.length).toBeGreaterThan(0);
    for (const solution of consent.tpp.solutions) expect(solution.averageRating === null || (solution.averageRating >= 1 && solution.averageRating <= 5)).toBe(true);
  });

  it("pages through transactions with the cursor, without overlap", async () => {
    const query = `query Page($iban: String!, $after: String) { accountByIban(iban: $iban) {
      transactions(first: 5, after: $after) { edges { node { id } } pageInfo { hasNextPage endCursor } } } }`;
    const first = await gql(hub.url, query, { iban: "DE80760700240271232400" });
    const second = await gql(hub.url, query, { iban: "DE80760700240271232400", after: first.data.accountByIban.transactions.pageInfo.endCursor });
    const ids = (r: typeof first) => r.data.accountByIban.transactions.edges.map((e: any) => e.node.id);
    expect(ids(second)).toHaveLength(5);
    expect(ids(second).filter((id: string) => ids(first).includes(id))).toEqual([]);
  });

  it("initiates a payment that moves money in the bank's ledger, visible through the federated account", async () => {
    const input = {
      bankId: "musterbank",
      tppId: "cd081f67-3a1e-5c7d-86e7-017226dcfbfe",
      idempotencyKey: "e2e-payment-1",
      debtorIban: "DE80760700240271232400",
      creditorIban: "DE69760700240340283600",
      creditorName: "Anton Brückner",
      instructedAmount: { amount: "12.34", currency: "EUR" },
      remittanceInformationUnstructured: "e2e rent share",
    };
    const before = await gql(hub.url, `{ accountByIban(iban: "DE69760700240340283600") { balances { type amount { amount } } } }`);
    const res = await gql(hub.url, InitiatePaymentDocument, { input });
    expect(res.errors).toBeUndefined();
    expect(res.data!.initiatePayment.payment.status).toBe("RCVD");
    const paymentId = res.data!.initiatePayment.payment.id;
    const started = await gql(hub.url, StartPaymentAuthorisationDocument, { input: { paymentId, psuId: "max.musterman", password: SANDBOX_PASSWORD } });
    expect(started.data!.startPaymentAuthorisation.authorisation.scaMethods?.map((m) => m.authenticationMethodId)).toEqual(["sms", "push"]);
    const authorisationId = started.data!.startPaymentAuthorisation.authorisation.id;
    await gql(hub.url, UpdatePaymentAuthorisationDocument, { input: { paymentId, authorisationId, authenticationMethodId: "push" } });
    const done = await gql(hub.url, UpdatePaymentAuthorisationDocument, { input: { paymentId, authorisationId, scaAuthenticationData: SANDBOX_SCA_CODE } });
    expect(done.data!.updatePaymentAuthorisation).toMatchObject({ authorisation: { scaStatus: "FINALISED" }, payment: { status: "ACSC" } });
    const after = await gql(hub.url, `{ accountByIban(iban: "DE69760700240340283600") { balances { type amount { amount } } } }`);
    const booked = (r: typeof before) => Number(r.data.accountByIban.balances.find((b: any) => b.type === "INTERIM_BOOKED").amount.amount);
    expect(booked(after) - booked(before)).toBeCloseTo(12.34, 2);

    const replay = await gql(hub.url, InitiatePaymentDocument, { input });
    expect(replay.data!.initiatePayment.replayed).toBe(true);
    expect(replay.data!.initiatePayment.payment.id).toBe(res.data!.initiatePayment.payment.id);
  });

  it("answers bad input with an actionable code and writes nothing", async () => {
    const cases: [string, string][] = [
      [`{ account(id: "not-a-uuid") { id } }`, "BAD_USER_INPUT"],
      [`{ accountByIban(iban: "DE00 0000 0000") { id } }`, "INVALID_IBAN"],
      [`{ accountByIban(iban: "DE80760700240271232400") { transactions(dateFrom: "2026-02-30") { edges { cursor } } } }`, "INVALID_DATE"],
      [`{ accountByIban(iban: "DE80760700240271232400") { transactions(first: 1000) { edges { cursor } } } }`, "BAD_USER_INPUT"],
      [`{ transaction(id: "bm9wZQ") { id } }`, "BAD_USER_INPUT"],
      [`{ accountByIban(iban: "DE80760700240271232400") { transactions(after: "garbage") { edges { cursor } } } }`, "INVALID_CURSOR"],
      [`{ accounts(after: "garbage") { edges { cursor } } }`, "INVALID_CURSOR"],
    ];
    for (const [query, code] of cases) {
      const res = await gql(hub.url, query);
      expect(res.errors?.[0]?.extensions?.code, query).toBe(code);
    }
  });
});
