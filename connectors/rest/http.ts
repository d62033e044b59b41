/**
 * @module JSON over HTTP to one core, and nowhere else: every request goes to the configured base
 * URL's origin and path, on a keep-alive agent, with a deadline, a bounded answer and safe parsing.
 * Redirects are not followed.
 */
import http from "node:http";
import https from "node:https";
import { RestCoreError, type RestFailure } from "./errors.js";

export interface CoreAnswer {
  status: number;
  body: unknown;
}

export interface CoreRequest {
  /** For messages: the operation and its path template (never the filled-in path, which may hold PII). */
  operation: string;
  method: string;
  /** Rendered path and query, relative to the base URL's path. */
  target: string;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface JsonHttpOptions {
  bankId: string;
  baseUrl: URL;
  timeoutMs: number;
  maxResponseBytes: number;
  maxSockets: number;
  headers: () => Record<string, string>;
}

const NETWORK: Record<string, [RestFailure, string]> = {
  ECONNREFUSED: ["refused", "connection refused"],
  ENOTFOUND: ["refused", "host not found"],
  EAI_AGAIN: ["refused", "host name lookup failed"],
  EHOSTUNREACH: ["refused", "host unreachable"],
  ENETUNREACH: ["refused", "network unreachable"],
};

export class JsonHttpClient {
  private readonly agent: http.Agent;
  private readonly transport: typeof http | typeof https;
  private readonly basePath: string;

  constructor(private readonly o: JsonHttpOptions) {
    this.transport = o.baseUrl.protocol === "https:" ? https : http;
    this.agent = new this.transport.Agent({ keepAlive: true, maxSockets: o.maxSockets });
    this.basePath = o.baseUrl.pathname.replace(/\/+$/, "");
  }

  /**
   * A keep-alive socket the core closed while idle fails on first use; then the request did not reach
   * the core and is sent once more on a fresh connection. (Every request of this connector is
   * idempotent: reads, and payments carrying their idempotency key.)
   */
  request(req: CoreRequest, attempt = 0): Promise<CoreAnswer> {
    const { bankId, baseUrl, timeoutMs, maxResponseBytes } = this.o;
    const where = { bankId, operation: req.operation };
    const payload = req.body === undefined ? undefined : Buffer.from(JSON.stringify(req.body));
    const headers: Record<string, string> = {
      Accept: "application/json",
      ...this.o.headers(),
      ...req.headers,
      ...(payload ? { "Content-Type": "application/json", "Content-Length": String(payload.length) } : {}),
    };
    return new Promise<CoreAnswer>((resolve, reject) => {
      let settled = false;
      let answered = false;
      let deadline: NodeJS.Timeout | undefined;
      const finish = (error: RestCoreError | undefined, answer?: CoreAnswer) => {
        if (settled) return;
        settled = true;
        clearTimeout(deadline);
        if (error) reject(error);
        else resolve(answer!);
      };
      const fail = (failure: RestFailure, message: string, cause?: unknown) => finish(new RestCoreError(failure, message, where, cause));
      const outgoing = this.transport.request(
        { protocol: baseUrl.protocol, hostname: baseUrl.hostname, port: baseUrl.port, path: `${this.basePath}${req.target}`, method: req.method, headers, agent: this.agent },
        (res) => {
          answered = true;
          const chunks: Buffer[] = [];
          let size = 0;
          res.on("data", (chunk: Buffer) => {
            size += chunk.length;
            if (size > maxResponseBytes) {
              fail("too-large", `the answer is larger than maxResponseBytes (${maxResponseBytes})`);
              outgoing.destroy();
            } else chunks.push(chunk);
          });
          res.on("error", (error) => fail("reset", `the connection broke while the answer arrived (${error.message})`, error));
          res.on("aborted", () => fail("reset", "the connection broke while the answer arrived"));
          res.on("end", () => {
            const status = res.statusCode ?? 0;
            const text = Buffer.concat(chunks).toString("utf8");
            if (!res.complete) return fail("reset", "the connection broke while the answer arrived");
            if (text.trim() === "") return finish(undefined, { status, body: undefined });
            try {
              finish(undefined, { status, body: JSON.parse(text) as unknown });
            } catch (error) {
              fail("malformed", `the answer (HTTP ${status}) is not JSON: ${(error as Error).message}`, error);
            }
          });
        },
      );
      deadline = setTimeout(() => {
        fail("timeout", `no answer within ${timeoutMs} ms`);
        outgoing.destroy();
      }, timeoutMs);
      outgoing.on("error", (error: NodeJS.ErrnoException) => {
        if (!settled && attempt === 0 && outgoing.reusedSocket && !answered && (error.code === "ECONNRESET" || error.code === "EPIPE")) {
          settled = true;
          clearTimeout(deadline);
          return void this.request(req, 1).then(resolve, reject);
        }
        const [failure, what] = NETWORK[error.code ?? ""] ?? ["reset", `the connection failed (${error.code ?? error.message})`];
        fail(failure, `${what} at ${baseUrl.host}`, error);
      });
      outgoing.end(payload);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}
