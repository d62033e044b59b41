import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RestSimulator } from "../../test/simulators/rest/index.js";
import type { RestConnector } from "./connector.js";
import { parseRestOptions } from "./config.js";
import { RestConnector as Connector } from "./connector.js";
import { ANTON_GIRO, COREBANK_V2, connectorFor, MAX_GIRO, optionsFor, startCore, TEST_ENV } from "./test-core.js";

const ctx = {};

describe("rest connector: faults of the core", () => {
  let sim: RestSimulator;
  let connector: RestConnector;
  beforeAll(async () => {
    ({ sim, connector } = await startCore({ timeoutMs: 300 }));
  });
  afterAll(async () => {
    await connector.close();
    await sim.close();
  });

  const flip = async <T>(fault: () => void, heal: () => void | Promise<void>, call: () => Promise<T>) => {
    fault();
    try {
      return await call();
    } finally {
      await heal();
    }
  };

  it("throws a transport error for each fault switch, promptly, and answers again once it is healed", async () => {
    const read = () => connector.accountsOfPsu(ctx, "max.musterman");
    const cases = [
      { name: "down", on: () => (sim.faults.down = true), off: () => void (sim.faults.down = false), failure: "reset" },
      { name: "stopped", on: () => void sim.stop(), off: () => sim.restart(), failure: "refused" },
      { name: "slow", on: () => (sim.faults.slowMs = 1_000), off: () => void (sim.faults.slowMs = 0), failure: "timeout" },
      { name: "garbage", on: () => (sim.faults.garbage = true), off: () => void (sim.faults.garbage = false), failure: "malformed" },
      { name: "wrong types", on: () => (sim.faults.wrongTypes = true), off: () => void (sim.faults.wrongTypes = false), failure: "bad-answer" },
    ];
    for (const c of cases) {
      const started = performance.now();
      const outcome = await flip(c.on, c.off, () => read().then(() => "answered", (error: unknown) => error));
      expect([c.name, outcome]).toMatchObject([c.name, { code: "CORE_UNAVAILABLE", failure: c.failure }]);
      expect(performance.now() - started).toBeLessThan(900);
      expect((await read()).map((a) => a.ref)).toContain(MAX_GIRO);
    }
  });

  it("names the field whose type is wrong, and never turns a wrong type into a wrong number", async () => {
    const scrambled = <T>(call: () => Promise<T>) => flip(() => (sim.faults.wrongTypes = true), () => void (sim.faults.wrongTypes = false), call);
    await expect(scrambled(() => connector.accountsOfPsu(ctx, "max.musterman"))).rejects.toThrow(/account 1: field "ref" \(path "accountId"\) is a number; expected a string/);
    await expect(scrambled(() => connector.balances(ctx, [MAX_GIRO]))).rejects.toThrow(/balances \(POST \/balances\/query\).*"accountId" is a number; expected a non-empty string/);
    const operations = { ...(COREBANK_V2.operations as object), balances: { one: { method: "GET", path: "/accounts/{ref}/balances", list: "data.balances[]" } } };
    const perAccount = connectorFor(sim, { operations });
    await expect(scrambled(() => perAccount.balances(ctx, [MAX_GIRO]))).rejects.toThrow(/balance 1: field "amountMinor" \(path "value.amount"\) is a number; expected a decimal string/);
    await perAccount.close();
    await expect(scrambled(() => connector.transactions(ctx, { accountRefs: [MAX_GIRO], bookingStatus: "both", first: 3 }))).rejects.toThrow(/transaction 1: field "accountRef" \(path "accountId"\) is a number; expected a string/);
  });

  it("takes a missing list for a bad answer, not for an empty one", async () => {
    const operations = { ...(COREBANK_V2.operations as Record<string, object>) };
    operations.accountsOfPsu = { ...operations.accountsOfPsu, list: "data.acounts[]" };
    const misspelt = connectorFor(sim, { operations });
    await expect(misspelt.accountsOfPsu(ctx, "max.musterman")).rejects.toMatchObject({ failure: "bad-answer", message: expect.stringMatching(/expected a list at "data\.acounts\[\]", got nothing/) });
    expect(await misspelt.accountsOfPsu(ctx, "nobody")).toEqual([]);
    await misspelt.close();
  });

  it("takes the core's refusal of a cursor for the caller's error, not the core's failure", async () => {
    const page = connector.transactions(ctx, { accountRefs: [MAX_GIRO], bookingStatus: "both", first: 2, after: "garbage" });
    await expect(page).rejects.toMatchObject({ code: "INVALID_CURSOR", httpStatus: 400 });
  });

  it("bounds the size of an answer", async () => {
    const small = connectorFor(sim, { maxResponseBytes: 1_024 });
    await expect(small.listAccounts(ctx, { limit: 50 })).rejects.toMatchObject({ failure: "too-large" });
    expect((await small.listAccounts(ctx, { limit: 1 })).accounts).toHaveLength(1);
    await small.close();
  });

  it("reports health as down while the core is down, and up again after", async () => {
    expect(await connector.health()).toMatchObject({ status: "up" });
    const down = await flip(() => void sim.stop(), () => sim.restart(), () => connector.health());
    expect(down).toMatchObject({ status: "down", detail: expect.stringMatching(/connection refused/) });
    expect(await connector.health()).toMatchObject({ status: "up" });
  });

  it("sends the auth header from the environment and never puts its value in an error or the config's JSON", async () => {
    const wrong = new Connector(parseRestOptions("corebank", optionsFor(sim), { COREBANK_API_KEY: "wrong-secret-value" }));
    const error = (await wrong.accountsOfPsu(ctx, "max.musterman").catch((e: unknown) => e)) as Error;
    expect(error).toMatchObject({ failure: "status", message: expect.stringMatching(/HTTP 401 \(UNAUTHENTICATED\); check the credentials in COREBANK_API_KEY/) });
    expect(`${error.message} ${JSON.stringify(error)} ${JSON.stringify(wrong.config)}`).not.toContain("wrong-secret-value");
    expect(JSON.stringify(connector.config)).not.toContain(TEST_ENV.COREBANK_API_KEY);
    expect(sim.requests.at(-1)!.headers["x-core-api-key"]).toBe("wrong-secret-value");
    await wrong.close();
  });

  it("fans out one request per account with bounded concurrency when the core has no batch endpoint", async () => {
    const operations = { ...(COREBANK_V2.operations as object), balances: { one: { method: "GET", path: "/accounts/{ref}/balances", list: "data.balances[]" } } };
    const fanOut = connectorFor(sim, { operations, concurrency: 2 });
    const refs = (await fanOut.listAccounts(ctx, { limit: 50 })).accounts.map((a) => a.ref);
    const before = sim.requests.length;
    sim.faults.slowMs = 30;
    const balances = await fanOut.balances(ctx, [...refs, ...refs, "unknown"]).finally(() => (sim.faults.slowMs = 0));
    const asked = sim.requests.slice(before);
    expect(asked).toHaveLength(refs.length + 1);
    expect(new Set(asked.map((r) => r.url)).size).toBe(refs.length + 1);
    expect(sim.peakInFlight).toBeLessThanOrEqual(2);
    expect([...balances.keys()].sort()).toEqual([...refs].sort());
    await fanOut.close();
  });

  it("keeps every filled-in value inside its path segment", async () => {
    const before = sim.requests.length;
    const hostile = ["../../customers/max.musterman/accounts", "..", "a?iban=x#y", "%2e%2e"];
    const found = await connectorFor(sim, { operations: { ...(COREBANK_V2.operations as object), accountsByRefs: { one: { method: "GET", path: "/accounts/{ref}", record: "data" } } } })
      .accountsByRefs(ctx, hostile);
    expect(found.size).toBe(0);
    const urls = sim.requests.slice(before).map((r) => r.url);
    expect(urls).toHaveLength(hostile.length);
    for (const url of urls) expect(url).toMatch(/^\/corebank\/v2\/accounts\/[^/?#]+$/);
    expect(urls).toContain("/corebank/v2/accounts/%2E%2E");
  });

  it("answers NOT_SUPPORTED for what the mapping leaves out", async () => {
    const { executePayment: _e, listAccounts: _l, ...rest } = COREBANK_V2.operations as Record<string, unknown>;
    const partial = connectorFor(sim, { operations: rest });
    await expect(partial.listAccounts(ctx, { limit: 5 })).rejects.toMatchObject({ code: "NOT_SUPPORTED", httpStatus: 501 });
    expect(await partial.executePayment(ctx, { paymentRef: "x", product: "sepa-credit-transfers", debtorAccountRef: ANTON_GIRO, creditorIban: "DE89370400440532013000", creditorName: "X", amountMinor: 1n, currency: "EUR", endToEndId: "e" }))
      .toMatchObject({ ok: false, error: { code: "NOT_SUPPORTED" } });
    expect((await partial.accountsOfPsu(ctx, "anton.brueckner")).map((a) => a.ref)).toEqual([ANTON_GIRO]);
    await partial.close();
  });
});
