/**
 * @module A simulated core with a JSON API ("CoreBank API v2" under /corebank/v2), on node:http
 * at 127.0.0.1, with its own ledger and fault switches. Requests need the `X-Core-Api-Key` header.
 *
 * @example
 *   const sim = await startRestSimulator();
 *   sim.faults.slowMs = 2_000;   // every answer late
 *   await sim.stop(); await sim.restart();   // refused, then back on the same port
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { listenWithFaults, type FaultyServer } from "./http-faults.js";
import { Ledger, isoToday } from "./ledger.js";
import { seedLedger } from "./ledger-seed.js";
import { route } from "./routes.js";
import { errorBody, scrambleTypes } from "./wire.js";

export const REST_SIMULATOR_BANK_CODE = "66610000";
export const REST_SIMULATOR_API_KEY = "sim-rest-key-3f9a";
const BASE_PATH = "/corebank/v2";
const MAX_BODY = 64 * 1024;

export interface RestSimulatorOptions {
  bankCode?: string;
  apiKey?: string;
  today?: () => string;
}

export interface RestSimulator extends Omit<FaultyServer, "faults"> {
  /** Base URL of the API, e.g. http://127.0.0.1:40123/corebank/v2 */
  url: string;
  ledger: Ledger;
  faults: FaultyServer["faults"] & { wrongTypes: boolean };
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body, (_key, value: unknown) => (typeof value === "bigint" ? value.toString() : value));
  res.writeHead(status, { "Content-Type": "application/json", ...headers });
  res.end(text);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) req.destroy(new Error("request body too large"));
      else chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

export async function startRestSimulator(options: RestSimulatorOptions = {}): Promise<RestSimulator> {
  const apiKey = options.apiKey ?? REST_SIMULATOR_API_KEY;
  const ledger = seedLedger(new Ledger(options.today ?? isoToday), options.bankCode ?? REST_SIMULATOR_BANK_CODE);
  let wrongTypes = false;
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? "/", "http://core.invalid");
    if (req.headers["x-core-api-key"] !== apiKey) return send(res, 401, errorBody("UNAUTHENTICATED", "Missing or wrong X-Core-Api-Key."));
    if (!url.pathname.startsWith(`${BASE_PATH}/`)) return send(res, 404, errorBody("NO_ROUTE", `Everything lives under ${BASE_PATH}.`));
    let body: unknown;
    try {
      const text = await readBody(req);
      body = text ? JSON.parse(text) : undefined;
    } catch {
      return send(res, 400, errorBody("BAD_JSON", "The request body is not JSON."));
    }
    try {
      const answer = route(ledger, req.method ?? "GET", url.pathname.slice(BASE_PATH.length), { query: url.searchParams, body, headers: req.headers });
      send(res, answer.status, wrongTypes ? scrambleTypes(answer.body) : answer.body, answer.headers);
    } catch (error) {
      send(res, 500, errorBody("INTERNAL", (error as Error).message));
    }
  };
  const server = await listenWithFaults({
    handler: (req, res) => void handle(req, res),
    isWrite: (req) => req.method === "POST" && !/\/search$|\/query$/.test(req.url ?? ""),
    garbage: (_req, res) => {
      res.writeHead(200, { "Content-Type": "application/json" });
      res.end('{"data": {"accounts": [{"accountId": "0271232400", "label": "Giro');
    },
  });
  const faults = Object.defineProperty(server.faults, "wrongTypes", {
    get: () => wrongTypes,
    set: (value: boolean) => void (wrongTypes = value),
    enumerable: true,
  }) as RestSimulator["faults"];
  return Object.assign(server, { faults, ledger, url: `http://127.0.0.1:${server.port}${BASE_PATH}` });
}
