import { randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { PaymentOrder } from "../contract.js";
import { isarbankIban, startIso20022Simulator, type Iso20022Simulator } from "../../test/simulators/iso20022/index.js";
import type { GarbageKind } from "../../test/simulators/iso20022/faults.js";
import { parseIso20022Options } from "./config.js";
import { CoreHttpClient } from "./http-client.js";
import { Iso20022Connector } from "./index.js";

const MAX_GIRO = isarbankIban("1000100001");
const ctx = {};
const TIMEOUT_MS = 300;

describe("iso20022 connector against a failing core", () => {
  let sim: Iso20022Simulator;
  let c: Iso20022Connector;
  beforeAll(async () => {
    sim = await startIso20022Simulator();
    sim.faults.oversizeBytes = 1024 * 1024;
    c = new Iso20022Connector("isarbank", parseIso20022Options(sim.bank({ timeoutMs: TIMEOUT_MS, maxResponseBytes: 256 * 1024 })));
  });
  afterEach(async () => {
    sim.faults.reset();
    await sim.up();
  });
  afterAll(async () => {
    await c.close();
    await sim.close();
  });

  const order = (): PaymentOrder => ({
    paymentRef: randomUUID(),
    product: "sepa-credit-transfers",
    debtorAccountRef: MAX_GIRO,
    creditorIban: "DE89370400440532013000",
    creditorName: "Muster Maschinenbau GmbH",
    amountMinor: 4_200n,
    currency: "EUR",
    endToEndId: `F-${randomUUID().slice(0, 8)}`,
  });
  /** The error a call throws, and how long it took to throw it. */
  const failure = async (call: () => Promise<unknown>) => {
    const started = performance.now();
    const error = await call().then(
      (value) => ({ unexpected: value }),
      (e: unknown) => e,
    );
    return { error, ms: performance.now() - started };
  };
  const works = async () => {
    expect((await c.balances(ctx, [MAX_GIRO])).get(MAX_GIRO)).toHaveLength(4);
    expect((await c.health()).status).toBe("up");
  };

  it("down: connection refused, health down, and back by itself when the core returns", async () => {
    await works();
    await sim.down();
    const { error, ms } = await failure(() => c.accountsOfPsu(ctx, "max.musterman"));
    expect(error).toMatchObject({ code: "CORE_UNAVAILABLE", failure: "refused", message: expect.stringMatching(/accountsOfPsu: connection refused by http:\/\/127\.0\.0\.1:\d+/) });
    expect(ms).toBeLessThan(TIMEOUT_MS);
    expect(await c.health()).toMatchObject({ status: "down", detail: expect.stringContaining("connection refused") });
    const payment = order();
    expect((await failure(() => c.executePayment(ctx, payment))).error).toMatchObject({ failure: "refused" });
    await sim.up();
    await works();
    expect(await c.paymentStatus(ctx, payment.paymentRef)).toMatchObject({ ok: false, error: { code: "PAYMENT_NOT_FOUND" } });
  });

  it("slow: a timeout after timeoutMs, not a hang", async () => {
    sim.faults.slowMs = TIMEOUT_MS * 4;
    const { error, ms } = await failure(() => c.balances(ctx, [MAX_GIRO]));
    expect(error).toMatchObject({ code: "CORE_UNAVAILABLE", failure: "timeout", message: expect.stringContaining(`within ${TIMEOUT_MS} ms`) });
    expect(ms).toBeGreaterThanOrEqual(TIMEOUT_MS - 5);
    expect(ms).toBeLessThan(TIMEOUT_MS * 3);
    expect((await c.health()).status).toBe("down");
    sim.faults.slowMs = 0;
    await works();
  });

  const garbage: [Exclude<GarbageKind, "off">, string, RegExp][] = [
    ["malformed", "malformed", /not well-formed XML/],
    ["wrong-message", "malformed", /Expected a camt\.052 document .* got urn:iso:std:iso:20022:tech:xsd:camt\.054\.001\.08/],
    ["oversized", "too-large", /larger than the 262144 bytes allowed/],
    ["doctype", "malformed", /DOCTYPE or ENTITY declaration; those are refused/],
    ["truncated", "reset", /closed in the middle of the answer/],
    ["server-error", "server-error", /answered HTTP 503 to GET reports/],
  ];
  for (const [kind, expected, message] of garbage) {
    it(`garbage (${kind}): a thrown ${expected} error, then recovery`, async () => {
      sim.faults.garbage = kind;
      const { error, ms } = await failure(() => c.balances(ctx, [MAX_GIRO]));
      expect(error).toMatchObject({ failure: expected, message: expect.stringMatching(message) });
      expect(ms).toBeLessThan(TIMEOUT_MS);
      expect((await c.health()).status).toBe("down");
      sim.faults.garbage = "off";
      await works();
    });
  }

  it("garbage in JSON listings is refused too", async () => {
    for (const kind of ["malformed", "wrong-message"] as const) {
      sim.faults.garbage = kind;
      expect((await failure(() => c.accountsOfPsu(ctx, "max.musterman"))).error).toMatchObject({ code: "CORE_BAD_RESPONSE", failure: "malformed" });
    }
  });

  it("a payment answered with garbage is neither guessed nor booked twice", async () => {
    const payment = order();
    const before = sim.ledger.funds(MAX_GIRO).interimBooked;
    sim.faults.garbage = "wrong-message";
    expect((await failure(() => c.executePayment(ctx, payment))).error).toMatchObject({
      failure: "malformed",
      message: expect.stringMatching(/stays pending until paymentStatus resolves it/),
    });
    sim.faults.garbage = "off";
    expect(await c.paymentStatus(ctx, payment.paymentRef)).toMatchObject({ ok: true, value: { status: "ACSC" } });
    expect(await c.executePayment(ctx, payment)).toMatchObject({ ok: true, value: { status: "ACSC" } });
    expect(sim.ledger.funds(MAX_GIRO).interimBooked).toBe(before - 4_200n);
  });

  it("a lost answer while the core then goes down stays unresolved until the core is back", async () => {
    const payment = order();
    sim.faults.loseResponses = 1;
    // The core goes down right after booking, so the status inquiry finds it refusing connections.
    sim.faults.onLostResponse = () => void sim.down();
    const { error } = await failure(() => c.executePayment(ctx, payment));
    expect(error).toMatchObject({ failure: "reset", message: expect.stringMatching(/connection refused.*stays pending/) });
    await sim.up();
    expect(await c.paymentStatus(ctx, payment.paymentRef)).toMatchObject({ ok: true, value: { status: "ACSC" } });
    expect(sim.ledger.entries.filter((e) => e.endToEndId === payment.endToEndId)).toHaveLength(1);
  });

  it("calls nothing but the bank's baseUrl", () => {
    const http = new CoreHttpClient("isarbank", parseIso20022Options(sim.bank({ baseUrl: "http://127.0.0.1:9/core/" })));
    expect(http.url("payments/abc/status").href).toBe("http://127.0.0.1:9/core/payments/abc/status");
    expect(() => http.url("../admin")).toThrow(/outside the bank's baseUrl/);
    expect(() => http.url("//evil.example/x")).toThrow(/outside the bank's baseUrl/);
    expect(() => http.url("http://evil.example/core/x")).toThrow(/outside the bank's baseUrl/);
    http.close();
  });
});
