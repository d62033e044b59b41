/**
 * TPP identification by the mTLS client certificate: the gateway serves HTTPS (TLS_CERT_FILE,
 * TLS_KEY_FILE) and asks for client certificates issued by TLS_CLIENT_CA_FILE. A certificate from that
 * CA identifies its TPP (registered, in the sandbox, with the certificate's roles); one from any other
 * issuer identifies no one, and bearer-token clients use the same port without a certificate.
 */
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { request } from "node:https";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestHub, type TestHub } from "../helpers/hub.js";
import { consentBody, PSU_IP } from "./flows.js";

const fixture = (name: string) => path.join(import.meta.dirname, "fixtures", name);
const pem = (name: string) => readFileSync(fixture(name));
const GIRO = "DE80760700240271232400";

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub({ host: "127.0.0.1", tls: { certFile: fixture("mtls-server.pem"), keyFile: fixture("mtls-server.key"), clientCaFile: fixture("mtls-ca.pem") } });
});
afterAll(() => hub?.stop());

interface Answer {
  status: number;
  body: any;
}

/** POST over HTTPS, trusting the test CA, presenting the named client certificate (if any). */
function post(pathname: string, body: unknown, client?: "mtls-client" | "mtls-untrusted", headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const url = new URL(pathname, hub.url);
    const req = request(
      url,
      {
        method: "POST",
        ca: pem("mtls-ca.pem"),
        ...(client ? { cert: pem(`${client}.pem`), key: pem(`${client}.key`) } : {}),
        headers: { "content-type": "application/json", "x-request-id": randomUUID(), ...headers },
      },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (chunk) => (text += chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : undefined }));
      },
    );
    req.on("error", reject);
    req.end(JSON.stringify(body));
  });
}

const consentRequest = (client?: "mtls-client" | "mtls-untrusted") =>
  post("/v1/consents", consentBody({ accounts: [{ iban: GIRO }] }), client, { ...PSU_IP, "psu-id": "max.musterman", "tpp-redirect-preferred": "false" });

describe("TPP identification by mTLS", () => {
  it("serves HTTPS and identifies a TPP by a client certificate of the trusted CA", async () => {
    expect(hub.url).toMatch(/^https:\/\/127\.0\.0\.1:/);
    const created = await consentRequest("mtls-client");
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.consentStatus).toBe("received");
  });

  it("ignores a client certificate that no trusted CA issued, and asks for identification", async () => {
    for (const answer of [await consentRequest("mtls-untrusted"), await consentRequest()]) {
      expect([answer.status, answer.body.tppMessages?.[0]?.code]).toEqual([401, "CERTIFICATE_MISSING"]);
    }
  });
});
