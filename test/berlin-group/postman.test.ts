/**
 * The peer Postman collection (../shared/specs/postman, adorsys xs2a-adapter's) run with newman against
 * the facade, unchanged; only its environment is ours: baseUri (a stand-in TLS-terminating proxy that
 * forwards the TPP's certificate), the bank's BIC, and the sandbox persona's credentials. The test
 * reports the assertion counts and pins the number that pass, so a regression shows.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import newman from "newman";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestHub, type TestHub } from "../helpers/hub.js";
import { testCertificate } from "./client.js";
import { startTlsProxy, type TlsProxy } from "./tls-proxy.js";

const POSTMAN = fileURLToPath(new URL("../../../shared/specs/postman/", import.meta.url));
const CERT_HEADER = "x-ssl-client-cert";

let hub: TestHub;
let proxy: TlsProxy;
beforeAll(async () => {
  process.env.BG_CLIENT_CERT_HEADER = CERT_HEADER;
  hub = await startTestHub();
  proxy = await startTlsProxy(hub.url, CERT_HEADER, `-----BEGIN CERTIFICATE-----\n${testCertificate("pisp-aisp")}\n-----END CERTIFICATE-----`);
});
afterAll(async () => {
  delete process.env.BG_CLIENT_CERT_HEADER;
  await proxy?.close();
  await hub?.stop();
});

/** The per-bank data the collection expects (its own data file was not published): max.musterman at Musterbank. */
const MUSTERBANK = {
  adapter: "hub",
  "sepa-credit-transfers-supported": "true",
  "pain.001-sepa-credit-transfers-supported": "true",
  bic: "MUSBDEM1XXX",
  psuId_AIS: "max.musterman",
  psuIdType_AIS: "",
  iban_AIS: "DE80760700240271232400",
  password_AIS: "12345",
  scaAuthenticationData_AIS: "123456",
  authenticationMethodId_AIS: "sms",
  psuId_PIS: "max.musterman",
  psuIdType_PIS: "",
  iban_PIS: "DE80760700240271232400",
  password_PIS: "12345",
  scaAuthenticationData_PIS: "123456",
  authenticationMethodId_PIS: "sms",
  creditorName: "Max Mustermann",
  start_date: "2030-01-01",
  end_date: "2031-01-01",
};

/** Requests the hub refused, with its answer: the reasons behind failed assertions. */
const refused: string[] = [];

function runCollection(): Promise<any> {
  const globals = JSON.parse(readFileSync(`${POSTMAN}adorsys-xs2a-adapter.postman_globals_local.json`, "utf8"));
  globals.values = globals.values.map((v: { key: string }) => (v.key === "baseUri" ? { ...v, value: proxy.url } : v));
  return new Promise((resolve, reject) => {
    const run = newman.run(
      { collection: `${POSTMAN}adorsys-xs2a-adapter.postman_collection.json`, globals, iterationData: [MUSTERBANK], reporters: [], timeoutRequest: 10_000 },
      (error, summary) => (error ? reject(error) : resolve(summary)),
    );
    run.on("request", (_error: unknown, args: any) => {
      const code = args?.response?.code;
      if (code >= 400) refused.push(`${args.request.method} ${args.request.url.toString()} → ${code} ${String(args.response.stream ?? "").slice(0, 300)}`);
    });
  });
}

describe("peer Postman collection (newman)", () => {
  it("passes the collection's assertions that apply to this hub", { timeout: 180_000 }, async () => {
    const summary = await runCollection();
    const { assertions, requests } = summary.run.stats;
    const failures = summary.run.failures.map((f: any) => `${f.source?.name ?? "?"}: ${f.error?.test ?? f.error?.name}: ${String(f.error?.message).slice(0, 160)}`);
    console.log(`newman: ${requests.total} requests, ${assertions.total - assertions.failed}/${assertions.total} assertions passed\n  ${failures.join("\n  ")}\nrefused:\n  ${refused.join("\n  ")}`);
    // 36 of 50 pass: the whole AIS folder. The others fail for reasons outside the facade, each visible
    // in the log above: three GET http://example.com steps (no network in CI), the pre-step and OAuth
    // helper calls of adorsys' own hub (/v1/embedded-pre-auth, /oauth2/*), the collection paying from
    // {{iban_PIS}} to {{iban_PIS}} (the payments subgraph refuses a transfer to the same account). The
    // periodic-payment folder is served now, but it pays from {{iban_PIS}} to {{iban_PIS}} too, so its
    // initiation is refused (FORMAT_ERROR) and the steps after it have no payment to work on.
    expect(assertions.total - assertions.failed).toBeGreaterThanOrEqual(36);
  });
});
