/**
 * SPI calls are signed like webhooks: a real HTTP server acting as the fintech's fraud check verifies
 * the Spi-Signature (detached JWS over the exact body) with the JWKS the hub publishes, and approves
 * only what verifies. The hub runs with DATA_DIR=memory://, so the key lives in memory only: the
 * subgraph signs with the key the gateway's auth module holds.
 */
import { base64url, compactVerify, createRemoteJWKSet, type JWTVerifyGetKey } from "jose";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sandboxTppId } from "../../subgraphs/shared/sandbox.js";
import { gql, startTestHub, type TestHub } from "../helpers/hub.js";
import { authoriseAsMax } from "../helpers/payments.js";

let hub: TestHub;
let fintech: Server;
let url: string;
let jwks: JWTVerifyGetKey;
type Headers = Record<string, string | string[] | undefined>;
const checked: { verified: boolean; header?: Record<string, unknown>; error?: string; body: string; headers: Headers }[] = [];

/** Verifies as a fintech would: the signature over the raw body with the hub's JWKS, then the URL and freshness it binds. */
async function verify(headers: Headers, body: string) {
  const [header, detached, signature] = String(headers["spi-signature"] ?? "").split(".");
  if (detached !== "") throw new Error("not a detached JWS");
  const { protectedHeader } = await compactVerify(`${header}.${base64url.encode(body)}.${signature}`, jwks, { algorithms: ["ES256"] });
  if (protectedHeader.typ !== "spi+jws") throw new Error(`typ ${String(protectedHeader.typ)}, not spi+jws`);
  if (protectedHeader["spi-url"] !== url) throw new Error(`signed for ${String(protectedHeader["spi-url"])}, not ${url}`);
  if (Math.abs(Date.now() / 1000 - Number(protectedHeader["spi-timestamp"])) > 300) throw new Error("stale");
  if (protectedHeader["spi-id"] !== headers["spi-id"]) throw new Error("spi-id differs from the signed one");
  return protectedHeader as Record<string, unknown>;
}

beforeAll(async () => {
  hub = await startTestHub({ dataDir: "memory://" });
  jwks = createRemoteJWKSet(new URL(`${hub.url}/oauth/jwks`));
  fintech = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      verify(req.headers, body).then(
        (header) => {
          checked.push({ verified: true, header, body, headers: req.headers });
          res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ decision: "approve" }));
        },
        (error: Error) => {
          checked.push({ verified: false, error: error.message, body, headers: req.headers });
          res.writeHead(401).end();
        },
      );
    });
  });
  await new Promise<void>((resolve) => fintech.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(fintech.address() as AddressInfo).port}/fraud-check`;
});

afterAll(async () => {
  fintech?.closeAllConnections();
  await new Promise((resolve) => fintech?.close(resolve));
  await hub?.stop();
});

async function pay(amount: string) {
  const initiated = await gql(hub.url, `mutation ($input: InitiatePaymentInput!) { initiatePayment(input: $input) { payment { id } } }`, {
    input: {
      bankId: "musterbank",
      tppId: sandboxTppId("finanzblick"),
      idempotencyKey: `spi-${amount}`,
      debtorIban: "DE80760700240271232400",
      creditorIban: "DE69760700240340283600",
      creditorName: "Anton Brückner",
      instructedAmount: { amount, currency: "EUR" },
    },
  });
  expect(initiated.errors).toBeUndefined();
  const paymentId = initiated.data.initiatePayment.payment.id as string;
  await authoriseAsMax(hub.url, paymentId);
  return (await gql(hub.url, `query ($id: ID!) { payment(id: $id) { status fraudCheck { outcome reason } } }`, { id: paymentId })).data.payment;
}

describe("signed SPI calls", () => {
  it("signs the fraud check with the hub's published key; the fintech verifies it and its answer decides", async () => {
    const registered = await gql(hub.url, `mutation ($input: RegisterSpiEndpointInput!) { registerSpiEndpoint(input: $input) { id } }`, {
      input: { bankId: "musterbank", extensionPoint: "PAYMENT_FRAUD_CHECK", tppId: sandboxTppId("checkfunds"), url, timeoutMs: 2_000, onFailure: "REJECT" },
    });
    expect(registered.errors).toBeUndefined();

    // Fail closed: only a call whose signature verifies is approved.
    expect(await pay("4.20")).toEqual({ status: "ACSC", fraudCheck: { outcome: "APPROVED", reason: null } });
    expect(checked).toHaveLength(1);
    const [call] = checked;
    expect(call).toMatchObject({ verified: true, header: { alg: "ES256", typ: "spi+jws", "spi-url": url } });
    expect(JSON.parse(call!.body)).toMatchObject({ type: "payment.fraud_check", payment: { instructedAmount: { amount: "4.20", currency: "EUR" } } });
  });

  it("a signature does not verify for another body, nor for another URL", async () => {
    const [call] = checked;
    const headers = call!.headers;
    await expect(verify(headers, call!.body.replace("4.20", "42.00"))).rejects.toThrow(/signature verification failed/);
    const original = url;
    url = `${original}-elsewhere`;
    await expect(verify(headers, call!.body)).rejects.toThrow(/signed for/);
    url = original;
    await expect(verify(headers, call!.body)).resolves.toMatchObject({ typ: "spi+jws" });
  });
});
