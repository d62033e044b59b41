/** One webhook POST against real local servers: outcomes, deadline, redirects, refused targets. */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sendWebhook, type Resolve } from "../../../events/webhooks/sender.js";

let server: Server;
let base: string;
const hits: { path: string; body: string; headers: IncomingMessage["headers"] }[] = [];

const routes: Record<string, (res: ServerResponse) => void> = {
  "/ok": (res) => res.writeHead(204).end(),
  "/error": (res) => res.writeHead(503).end("busy"),
  "/redirect": (res) => res.writeHead(307, { location: `${base}/ok` }).end(),
  "/silent": () => {},
};

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      hits.push({ path: req.url!, body, headers: req.headers });
      (routes[req.url!] ?? ((r: ServerResponse) => r.writeHead(404).end()))(res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const sandbox = { policy: { allowHttpLoopback: true }, timeoutMs: 2_000 };
const hitsOf = (path: string) => hits.filter((h) => h.path === path);

describe("sending one webhook", () => {
  it("POSTs the body with the given headers and reports a 2xx as success", async () => {
    const result = await sendWebhook(`${base}/ok`, { "content-type": "application/json", "webhook-id": "d-1" }, '{"a":1}', sandbox);
    expect(result).toMatchObject({ succeeded: true, responseStatus: 204, error: null });
    expect(hitsOf("/ok").at(-1)).toMatchObject({ body: '{"a":1}', headers: { "webhook-id": "d-1", "content-length": "7" } });
  });

  it("reports an error status as a failure with the status", async () => {
    expect(await sendWebhook(`${base}/error`, {}, "{}", sandbox)).toMatchObject({ succeeded: false, responseStatus: 503, error: "HTTP 503" });
  });

  it("does not follow a redirect", async () => {
    const before = hitsOf("/ok").length;
    const result = await sendWebhook(`${base}/redirect`, {}, "{}", sandbox);
    expect(result).toMatchObject({ succeeded: false, responseStatus: 307 });
    expect(result.error).toMatch(/redirect not followed/);
    expect(hitsOf("/ok").length).toBe(before);
  });

  it("gives up at the deadline when the endpoint does not answer", async () => {
    const result = await sendWebhook(`${base}/silent`, {}, "{}", { ...sandbox, timeoutMs: 300 });
    expect(result).toMatchObject({ succeeded: false, responseStatus: null, error: "no answer within 300 ms" });
  });

  it("refuses loopback when the policy does not allow it, by URL and by resolved address", async () => {
    const before = hits.length;
    const production = { policy: { allowHttpLoopback: false }, timeoutMs: 2_000 };
    expect((await sendWebhook(`${base}/ok`, {}, "{}", production)).error).toMatch(/refused target URL: plain http/);
    expect(hits.length).toBe(before);
  });

  it("refuses a public name that resolves to an internal address, before connecting", async () => {
    const before = hits.length;
    const resolvesTo =
      (address: string): Resolve =>
      (_host, _options, callback) =>
        callback(null, [{ address, family: 4 }]);
    const production = { policy: { allowHttpLoopback: false }, timeoutMs: 2_000 };
    const port = new URL(base).port;
    const toLoopback = await sendWebhook(`https://hooks.fintech.example:${port}/ok`, {}, "{}", { ...production, resolve: resolvesTo("127.0.0.1") });
    expect(toLoopback).toMatchObject({ succeeded: false, responseStatus: null, error: "refused target address: 127.0.0.1 is a loopback address" });
    const toMetadata = await sendWebhook(`https://hooks.fintech.example:${port}/ok`, {}, "{}", { ...sandbox, resolve: resolvesTo("169.254.169.254") });
    expect(toMetadata.error).toMatch(/refused target address: 169\.254\.169\.254 is a private, link-local or reserved address/);
    expect(hits.length).toBe(before);
  });
});
