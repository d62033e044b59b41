/**
 * The per-bank policies against a real core on loopback HTTP: what passes through untouched, what is
 * retried, what opens the circuit, how it closes again, and what the registry makes of it.
 */
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { HubError } from "../subgraphs/shared/errors.js";
import { connectorFactories, ConnectorRegistry, type BankConfig } from "./registry.js";
import { BankPolicy, RESILIENCE_DEFAULTS, resilienceSettings, ResilientConnector, type ResilienceConfig } from "./resilience.js";
import { ACCOUNT, TinyConnector, TinyCore } from "./resilience.testing.js";

const FAST: ResilienceConfig = {
  timeoutMs: 200,
  paymentTimeoutMs: 200,
  retry: { retries: 2, initialDelayMs: 5, maxDelayMs: 20 },
  breaker: { consecutiveFailures: 3, halfOpenAfterMs: 300 },
  bulkhead: { maxInFlight: 2, maxQueued: 1 },
  healthCacheMs: 0,
};

const core = new TinyCore();
let connector: ResilientConnector;

function connect(config: ResilienceConfig = FAST): ResilientConnector {
  connector = new ResilientConnector(new TinyConnector(core), new BankPolicy("tinybank", resilienceSettings("tinybank", config)));
  return connector;
}

/** The error a call rejected with (fails the test if it resolved). */
async function failure(call: Promise<unknown>): Promise<HubError> {
  const outcome = await call.then(
    () => undefined,
    (error: unknown) => error,
  );
  expect(outcome).toBeInstanceOf(HubError);
  return outcome as HubError;
}

const ORDER = { paymentRef: "p-1", product: "sepa-credit-transfers", debtorAccountRef: "acc-1", creditorIban: "DE02100100109307118603", creditorName: "X", amountMinor: 100n, currency: "EUR", endToEndId: "e2e" } as const;

beforeAll(() => core.start());
afterAll(() => core.stop());
beforeEach(() => {
  Object.assign(core, { mode: "ok", failNext: 0, slowMs: 1_000, healthStatus: "up" });
  core.hits.clear();
  connect();
});
afterEach(() => core.start().catch(() => undefined)); // a test that stopped the core restarts it (a no-op when running)

describe("what passes through untouched", () => {
  it("returns answers and business rejections as they are, and rejections never open the circuit", async () => {
    expect(await connector.accountsOfPsu({}, "max.musterman")).toEqual([ACCOUNT]);
    core.mode = "reject";
    for (let i = 0; i < 5; i++) {
      expect(await connector.executePayment({}, ORDER)).toEqual({ ok: false, error: { code: "INSUFFICIENT_FUNDS", message: "Not enough money." } });
    }
    expect(connector.policy.circuit).toBe("closed");
  });

  it("lets the hub's input errors through, without retrying them or opening the circuit", async () => {
    core.mode = "input-error";
    for (let i = 0; i < 5; i++) expect((await failure(connector.accountsOfPsu({}, "max"))).code).toBe("INVALID_CURSOR");
    expect(core.hitsOf("/accounts")).toBe(5);
    for (let i = 0; i < 5; i++) expect((await failure(connector.listAccounts({}, { limit: 10 }))).code).toBe("NOT_SUPPORTED");
    expect(connector.policy.circuit).toBe("closed");
  });
});

describe("reads and payments", () => {
  it("retries a failing read with backoff until it succeeds", async () => {
    core.failNext = 2;
    expect(await connector.accountsOfPsu({}, "max.musterman")).toEqual([ACCOUNT]);
    expect(core.hitsOf("/accounts")).toBe(3);
  });

  it("retries garbage from the core, then answers CORE_UNAVAILABLE with the reason", async () => {
    core.mode = "garbage";
    const error = await failure(connector.accountsOfPsu({}, "max.musterman"));
    expect(error.extensions).toMatchObject({ code: "CORE_UNAVAILABLE", bankId: "tinybank", reason: "CORE_ERROR", operation: "accountsOfPsu" });
    expect(core.hitsOf("/accounts")).toBe(3);
  });

  it("never repeats a payment", async () => {
    core.mode = "fail";
    const error = await failure(connector.executePayment({}, ORDER));
    expect(error.extensions).toMatchObject({ code: "CORE_UNAVAILABLE", reason: "CORE_ERROR", operation: "executePayment" });
    expect(core.hitsOf("/payments")).toBe(1);
  });

  it("gives up on a slow core at the deadline, for each attempt of a read and once for a payment", async () => {
    core.mode = "slow";
    let started = performance.now();
    expect((await failure(connector.accountsOfPsu({}, "max"))).extensions).toMatchObject({ code: "CORE_UNAVAILABLE", reason: "TIMEOUT" });
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(core.hitsOf("/accounts")).toBe(3);
    connect({ ...FAST, breaker: { consecutiveFailures: 10, halfOpenAfterMs: 300 } });
    started = performance.now();
    expect((await failure(connector.executePayment({}, ORDER))).extensions).toMatchObject({ reason: "TIMEOUT" });
    expect(performance.now() - started).toBeLessThan(500);
    expect(core.hitsOf("/payments")).toBe(1);
  });

  it("sheds calls beyond the bulkhead's slots and queue", async () => {
    Object.assign(core, { mode: "slow", slowMs: 100 });
    const calls = [1, 2, 3, 4].map(() => connector.accountsOfPsu({}, "max").then(() => "ok", (e: HubError) => e.extensions.reason));
    expect((await connector.report()).status).toBe("degraded");
    expect((await Promise.all(calls)).sort()).toEqual(["BULKHEAD_FULL", "ok", "ok", "ok"]);
    expect(connector.policy.circuit).toBe("closed");
  });
});

describe("the circuit", () => {
  it("opens after consecutive failures, sheds calls without reaching the core, and closes when the core is back", async () => {
    core.mode = "fail";
    expect((await failure(connector.accountsOfPsu({}, "max"))).extensions.reason).toBe("CORE_ERROR");
    expect(connector.policy.circuit).toBe("open");
    const hits = core.hitsOf("/accounts");
    const shed = await failure(connector.executePayment({}, ORDER));
    expect(shed.extensions).toMatchObject({ code: "CORE_UNAVAILABLE", reason: "CIRCUIT_OPEN", bankId: "tinybank" });
    expect(shed.extensions.retryAfterMs).toBeGreaterThan(0);
    expect(core.hitsOf("/accounts") + core.hitsOf("/payments")).toBe(hits);
    core.mode = "ok";
    await sleep(320);
    expect(await connector.accountsOfPsu({}, "max")).toEqual([ACCOUNT]);
    expect(connector.policy.circuit).toBe("closed");
  });

  it("opens when the core is down, and a health probe closes it once the core is back, with no traffic", async () => {
    await core.stop();
    expect((await failure(connector.accountsOfPsu({}, "max"))).extensions.reason).toBe("CORE_ERROR");
    const down = await connector.report();
    expect(down).toMatchObject({ status: "down", circuit: "open", latencyMs: null });
    expect(down.detail).toMatch(/^circuit open after an error .*; next trial in \d+ ms$/);
    expect(await connector.health()).toMatchObject({ status: "down", latencyMs: 0, detail: expect.stringMatching(/^circuit open/) });
    await core.start();
    await sleep(320);
    const up = await connector.report();
    expect(up).toMatchObject({ status: "up", circuit: "closed" });
    expect(up.latencyMs).toBeGreaterThan(0);
  });

  it("can open by sampling a failure rate instead of counting consecutive failures", async () => {
    connect({ ...FAST, retry: { retries: 0 }, breaker: { sampling: { threshold: 0.5, durationMs: 1_000, minimumRps: 1 }, halfOpenAfterMs: 300 } });
    core.mode = "fail";
    const reasons: unknown[] = [];
    for (let i = 0; i < 6; i++) reasons.push((await failure(connector.accountsOfPsu({}, "max"))).extensions.reason);
    expect(reasons).toContain("CIRCUIT_OPEN");
    expect(connector.policy.circuit).toBe("open");
  });
});

describe("health", () => {
  it("reports up with the probe's latency, and down with the core's own detail (which counts as a failure)", async () => {
    expect(await connector.report()).toMatchObject({ status: "up", circuit: "closed" });
    core.healthStatus = "down";
    expect(await connector.report()).toMatchObject({ status: "down", circuit: "closed", detail: "ledger offline" });
  });

  it("reuses a report for healthCacheMs, unless the circuit changed", async () => {
    connect({ ...FAST, healthCacheMs: 60_000 });
    await connector.report();
    await connector.report();
    expect(core.hitsOf("/health")).toBe(1);
    core.mode = "fail";
    await failure(connector.accountsOfPsu({}, "max"));
    expect((await connector.report()).circuit).toBe("open");
  });
});

describe("settings", () => {
  it("fills what a bank leaves out from the defaults", () => {
    expect(resilienceSettings("b")).toEqual(RESILIENCE_DEFAULTS);
    expect(resilienceSettings("b", { retry: { retries: 0 } }).retry).toEqual({ ...RESILIENCE_DEFAULTS.retry, retries: 0 });
  });

  it.each([
    [{ timeoutMs: 0 }, 'Bank "b": resilience.timeoutMs must be a whole number from 1 to 3600000; got 0.'],
    [{ retry: { retries: "3" } }, 'Bank "b": resilience.retry.retries must be a whole number from 0 to 10; got "3".'],
    [{ breaker: { consecutiveFailures: 3, sampling: { threshold: 0.5, durationMs: 1000 } } }, "either consecutiveFailures or sampling"],
    [{ breaker: { sampling: { threshold: 2, durationMs: 1000 } } }, "resilience.breaker.sampling.threshold must be a fraction"],
    [{ bulkhead: { maxInflight: 3 } }, "resilience.bulkhead must be an object with only maxInFlight, maxQueued"],
    [{ timeout: 3 }, 'Bank "b": resilience must be an object with only timeoutMs'],
  ])("rejects %j with a message naming the option", (config, message) => {
    expect(() => resilienceSettings("b", config as ResilienceConfig)).toThrow(message);
  });
});

describe("in the registry", () => {
  const bank = (resilience?: ResilienceConfig): BankConfig => ({
    id: "tinybank",
    name: "Tiny Bank",
    bic: "TINYDEFFXXX",
    country: "DE",
    status: "live",
    connector: { kind: "tiny-test" },
    resilience,
  });
  beforeAll(() => {
    connectorFactories["tiny-test"] = async () => new TinyConnector(core);
  });
  afterAll(() => {
    delete connectorFactories["tiny-test"];
  });
  const deps = { db: undefined as never, seed: false };

  it("wraps every connector, counting one call per logical call however many attempts it took", async () => {
    const registry = await ConnectorRegistry.create([bank(FAST)], deps);
    core.failNext = 2;
    expect(await registry.get("tinybank").accountsOfPsu({}, "max")).toEqual([ACCOUNT]);
    expect(core.hitsOf("/accounts")).toBe(3);
    expect(registry.calls.get("tinybank.accountsOfPsu")).toBe(1);
    expect(registry.policy("tinybank").settings.timeoutMs).toBe(200);
    expect(await registry.health("tinybank")).toMatchObject({ status: "up", circuit: "closed" });
    core.mode = "fail";
    await failure(registry.get("tinybank").accountsOfPsu({}, "max"));
    expect(await registry.get("tinybank").health()).toMatchObject({ status: "down" });
    expect(registry.totalCalls()).toBe(4);
  });

  it("refuses a bank whose resilience options are wrong, before connecting to any core", async () => {
    await expect(ConnectorRegistry.create([bank({ bulkhead: { maxInFlight: 0 } })], deps)).rejects.toThrow('Bank "tinybank": resilience.bulkhead.maxInFlight');
  });
});
