/**
 * @module A simulated ISO 20022 core on 127.0.0.1: a node:http server speaking the API that
 * connectors/iso20022 expects (pain.001 → pain.002, camt.052 / 053 / 054), over an in-memory ledger so
 * that money moves, with fault switches for tests. Every XML message in or out is kept in `messages`,
 * so tests can validate them against the XSDs.
 *
 * @example
 *   const sim = await startIso20022Simulator();
 *   const bank = { ..., connector: { kind: "iso20022", options: { baseUrl: sim.url } } };
 *   sim.faults.loseResponses = 1;   // the next payment is booked, then its answer is lost
 *   await sim.down(); await sim.up();
 *   await sim.close();
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { Socket } from "node:net";
import type { BankConfig } from "../../../connectors/registry.js";
import { CamtWriter } from "./camt.js";
import { garbageFor, Iso20022Faults } from "./faults.js";
import { Iso20022Ledger } from "./ledger.js";
import { route, type SimContext, type SimResponse } from "./routes.js";

import { ISARBANK } from "./seed.js";

export { ISARBANK, isarbankIban, SEED_ACCOUNTS } from "./seed.js";
export type { SimEntry, SimPayment } from "./ledger.js";

const BASE_PATH = "/iso20022/";
const MAX_REQUEST_BYTES = 1024 * 1024;

export interface Iso20022Simulator {
  /** Base URL of the core's API, for the bank's `baseUrl` option. */
  url: string;
  port: number;
  ledger: Iso20022Ledger;
  faults: Iso20022Faults;
  /** Every XML message received (pain.001) and sent (pain.002, camt), newest last. */
  messages: { direction: "in" | "out"; xml: string }[];
  /** MsgIds of every pain.001 received, repeats included. */
  received: string[];
  /** "GET reports", "POST payments", … for every request handled. */
  requests: string[];
  /** The configuration of a bank of kind "iso20022" on this core, with extra connector options. */
  bank(options?: Record<string, unknown>): BankConfig;
  /** Stop listening and cut open connections: clients now get "connection refused". */
  down(): Promise<void>;
  /** Listen again on the same port. */
  up(): Promise<void>;
  close(): Promise<void>;
}

export async function startIso20022Simulator(options: { now?: () => Date } = {}): Promise<Iso20022Simulator> {
  const now = options.now ?? (() => new Date());
  const ledger = new Iso20022Ledger(() => now().toISOString().slice(0, 10));
  const faults = new Iso20022Faults();
  const messages: Iso20022Simulator["messages"] = [];
  const context: SimContext = { ledger, camt: new CamtWriter(ledger, now), now, received: [] };
  const sockets = new Set<Socket>();
  const requests: string[] = [];

  const send = (res: ServerResponse, answer: SimResponse) => {
    const type = answer.type === "json" ? "application/json" : "application/xml; charset=utf-8";
    const body = Buffer.from(answer.body, "utf8");
    if (faults.garbage === "truncated") {
      res.writeHead(answer.status, { "content-type": type, "content-length": body.length });
      res.write(body.subarray(0, Math.floor(body.length / 2)), () => res.socket?.destroy());
      return;
    }
    if (faults.garbage === "oversized") {
      res.writeHead(answer.status, { "content-type": type });
      res.end(body);
      return;
    }
    res.writeHead(answer.status, answer.type === "none" ? {} : { "content-type": type, "content-length": body.length });
    res.end(body);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    if (faults.dropRequests > 0) {
      faults.dropRequests--;
      req.socket.destroy();
      return;
    }
    const parts: Buffer[] = [];
    let size = 0;
    for await (const chunk of req as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > MAX_REQUEST_BYTES) return send(res, { status: 413, type: "json", body: '{"error":"TOO_LARGE"}' });
      parts.push(chunk);
    }
    if (faults.slowMs > 0) await new Promise((resolve) => setTimeout(resolve, faults.slowMs));
    const url = new URL(req.url ?? "/", "http://simulator");
    if (!url.pathname.startsWith(BASE_PATH)) return send(res, { status: 404, type: "json", body: '{"error":"NO_SUCH_ENDPOINT"}' });
    const body = Buffer.concat(parts).toString("utf8");
    if (req.method === "POST" && body) messages.push({ direction: "in", xml: body });
    const path = url.pathname.slice(BASE_PATH.length);
    requests.push(`${req.method} ${path}`);
    const answer = route(context, req.method ?? "GET", path, url.searchParams, body);
    if (req.method === "POST" && path === "payments" && faults.loseResponses > 0) {
      faults.loseResponses--;
      faults.onLostResponse?.();
      req.socket.destroy();
      return;
    }
    if (answer.type === "xml") messages.push({ direction: "out", xml: answer.body });
    if (faults.garbage === "off" || faults.garbage === "truncated") return send(res, answer);
    send(res, garbageFor(faults.garbage, answer, faults.oversizeBytes));
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: Error) => {
      if (!res.headersSent) send(res, { status: 500, type: "json", body: JSON.stringify({ error: "INTERNAL", message: error.message }) });
    });
  });
  server.keepAliveTimeout = 2_000;
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  const listen = (port: number) =>
    new Promise<void>((resolve, reject) => {
      server.once("error", reject).listen(port, "127.0.0.1", () => {
        server.off("error", reject);
        resolve();
      });
    });
  await listen(0);
  const port = (server.address() as { port: number }).port;
  const stop = () =>
    new Promise<void>((resolve) => {
      if (!server.listening) return resolve();
      server.close(() => resolve());
      for (const socket of sockets) socket.destroy();
    });

  return {
    url: `http://127.0.0.1:${port}${BASE_PATH}`,
    port,
    ledger,
    faults,
    messages,
    received: context.received,
    requests,
    bank: (extra = {}) => ({
      id: "isarbank",
      name: ISARBANK.name,
      bic: ISARBANK.bic,
      country: "DE",
      status: "live",
      connector: { kind: "iso20022", options: { baseUrl: `http://127.0.0.1:${port}${BASE_PATH}`, ...extra } },
    }),
    down: stop,
    up: () => (server.listening ? Promise.resolve() : listen(port)),
    close: stop,
  };
}
