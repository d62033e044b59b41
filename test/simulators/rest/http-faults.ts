/**
 * @module An HTTP listener on 127.0.0.1 with the fault switches tests flip on a simulated core:
 * down (connections reset), slow (answers delayed), garbage (the simulator's own malformed answer),
 * lost response (a state-changing request is carried out, then the connection dropped unanswered),
 * and stop/restart of the listener itself (connection refused, then back on the same port).
 */
import { createServer, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface HttpFaults {
  /** Reset every connection as soon as a request arrives. */
  down: boolean;
  /** Delay every answer by this many milliseconds. */
  slowMs: number;
  /** Answer every request with a malformed body. */
  garbage: boolean;
  /** Carry out state-changing requests, then drop the connection without an answer. */
  loseResponse: boolean;
}

export interface RecordedRequest {
  method: string;
  url: string;
  headers: IncomingMessage["headers"];
}

export interface FaultyServer {
  server: Server;
  port: number;
  faults: HttpFaults;
  /** Every request that reached the listener, oldest first. */
  requests: RecordedRequest[];
  /** The most requests that were ever open at once (tests prove bounded fan-out with it). */
  readonly peakInFlight: number;
  /** Stop listening: new connections are refused until `restart`. */
  stop(): Promise<void>;
  /** Listen again on the same port. */
  restart(): Promise<void>;
  close(): Promise<void>;
}

export const noFaults = (): HttpFaults => ({ down: false, slowMs: 0, garbage: false, loseResponse: false });

/** Swallows whatever the handler answers and resets the connection instead. */
function loseAnswer(res: ServerResponse): void {
  const drop = () => {
    res.socket?.destroy();
    return res;
  };
  Object.assign(res, { writeHead: () => res, setHeader: () => res, write: () => true, end: drop });
}

export async function listenWithFaults(options: {
  handler: RequestListener;
  isWrite(req: IncomingMessage): boolean;
  garbage(req: IncomingMessage, res: ServerResponse): void;
  /** Installs the handler itself, for libraries that attach their own listener (soap.listen). */
  attach?: (server: Server, gate: RequestListener) => void | Promise<void>;
}): Promise<FaultyServer> {
  const faults = noFaults();
  const requests: RecordedRequest[] = [];
  const timers = new Set<NodeJS.Timeout>();
  let inFlight = 0;
  let peakInFlight = 0;
  const gate: RequestListener = (req, res) => {
    requests.push({ method: req.method ?? "", url: req.url ?? "", headers: req.headers });
    peakInFlight = Math.max(peakInFlight, ++inFlight);
    res.once("close", () => inFlight--);
    if (faults.down) return void req.socket.destroy();
    const answer = () => {
      if (faults.garbage) return options.garbage(req, res);
      if (faults.loseResponse && options.isWrite(req)) loseAnswer(res);
      options.handler(req, res);
    };
    if (faults.slowMs <= 0) return answer();
    const timer = setTimeout(() => {
      timers.delete(timer);
      if (!req.socket.destroyed) answer();
    }, faults.slowMs);
    timers.add(timer);
  };
  const server = createServer({ keepAliveTimeout: 2_000 });
  if (options.attach) await options.attach(server, gate);
  else server.on("request", gate);
  const listen = (port: number) =>
    new Promise<number>((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, "127.0.0.1", () => {
        server.off("error", reject);
        resolve((server.address() as AddressInfo).port);
      });
    });
  const stop = () =>
    new Promise<void>((resolve) => {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      if (!server.listening) return resolve();
      server.close(() => resolve());
      server.closeAllConnections();
    });
  const port = await listen(0);
  return {
    server,
    port,
    faults,
    requests,
    get peakInFlight() {
      return peakInFlight;
    },
    stop,
    restart: async () => void (await listen(port)),
    close: stop,
  };
}
