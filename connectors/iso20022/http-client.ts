/**
 * @module HTTP to one core, and only to it: every URL is resolved below the bank's `baseUrl` and checked
 * to stay there, every request has a deadline covering connect, queueing for a socket and the whole body,
 * and a response body larger than `maxResponseBytes` is cut off and refused. Redirects are not followed.
 */
import http from "node:http";
import https from "node:https";
import type { Iso20022Options } from "./config.js";
import { CoreTransportError, type TransportFailure } from "./errors.js";

export interface CoreRequest {
  method: "GET" | "POST";
  /** Relative to `baseUrl`, segments already encoded: "accounts", "payments/abc/status". */
  path: string;
  query?: Record<string, string | readonly string[] | undefined>;
  body?: string;
  contentType?: string;
  headers?: Record<string, string | undefined>;
  /** What the hub was doing, for error messages: "balances", "executePayment". */
  operation: string;
}

export interface CoreResponse {
  status: number;
  contentType: string;
  body: string;
}

export class CoreHttpClient {
  private readonly agent: http.Agent;

  constructor(
    private readonly bankId: string,
    private readonly options: Iso20022Options,
  ) {
    const Agent = options.baseUrl.protocol === "https:" ? https.Agent : http.Agent;
    this.agent = new Agent({ keepAlive: true, maxSockets: options.maxConcurrency });
  }

  fail(operation: string, failure: TransportFailure, detail: string, cause?: unknown): CoreTransportError {
    return new CoreTransportError(this.bankId, operation, failure, detail, cause);
  }

  url(path: string, query: CoreRequest["query"] = {}): URL {
    const base = this.options.baseUrl;
    const url = new URL(path, base);
    if (url.origin !== base.origin || !url.pathname.startsWith(base.pathname)) {
      throw new Error(`Refusing to call ${url.href}: it is outside the bank's baseUrl ${base.href}.`);
    }
    for (const [name, value] of Object.entries(query)) {
      for (const item of value === undefined ? [] : typeof value === "string" ? [value] : value) url.searchParams.append(name, item);
    }
    return url;
  }

  async request(request: CoreRequest): Promise<CoreResponse> {
    const url = this.url(request.path, request.query);
    try {
      return await this.attempt(request, url);
    } catch (error) {
      // A kept-alive socket the core closed while idle fails at once; a read is simply asked again, on a new socket.
      // Payments are not: their resolution (status inquiry) is the caller's.
      if (error instanceof StaleSocketError && request.method === "GET") return this.attempt(request, url);
      throw error instanceof StaleSocketError ? error.original : error;
    }
  }

  private attempt(request: CoreRequest, url: URL): Promise<CoreResponse> {
    const { timeoutMs, maxResponseBytes } = this.options;
    const transport = url.protocol === "https:" ? https : http;
    const body = request.body === undefined ? undefined : Buffer.from(request.body, "utf8");
    const headers: Record<string, string> = { accept: "application/xml, application/json" };
    for (const [name, value] of Object.entries(request.headers ?? {})) if (value !== undefined) headers[name] = value;
    if (body) Object.assign(headers, { "content-type": request.contentType ?? "application/xml; charset=utf-8", "content-length": String(body.length) });

    return new Promise<CoreResponse>((resolve, reject) => {
      let settled = false;
      const finish = (error: CoreTransportError | StaleSocketError | null, response?: CoreResponse) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        if (error) {
          req.destroy();
          reject(error);
        } else resolve(response!);
      };
      const req = transport.request(url, { method: request.method, agent: this.agent, headers });
      const timer = setTimeout(() => finish(this.fail(request.operation, "timeout", `no complete answer from ${url.origin} within ${timeoutMs} ms`)), timeoutMs);
      req.on("error", (error) => {
        const failed = this.classify(request.operation, url, error);
        finish(req.reusedSocket && failed.failure === "reset" ? new StaleSocketError(failed) : failed);
      });
      req.on("response", (res) => {
        const declared = Number(res.headers["content-length"] ?? 0);
        const tooLarge = () => this.fail(request.operation, "too-large", `the answer is larger than the ${maxResponseBytes} bytes allowed`);
        if (declared > maxResponseBytes) return finish(tooLarge());
        const parts: Buffer[] = [];
        let size = 0;
        res.on("data", (chunk: Buffer) => {
          size += chunk.length;
          if (size > maxResponseBytes) finish(tooLarge());
          else parts.push(chunk);
        });
        const cut = () => this.fail(request.operation, "reset", `the connection to ${url.origin} closed in the middle of the answer`);
        res.on("error", () => finish(cut()));
        res.on("close", () => {
          if (!res.complete) finish(cut());
        });
        res.on("end", () =>
          finish(null, { status: res.statusCode ?? 0, contentType: String(res.headers["content-type"] ?? ""), body: Buffer.concat(parts).toString("utf8") }),
        );
      });
      req.end(body);
    });
  }

  private classify(operation: string, url: URL, error: NodeJS.ErrnoException): CoreTransportError {
    if (error instanceof CoreTransportError) return error;
    if (error.code === "ECONNREFUSED") return this.fail(operation, "refused", `connection refused by ${url.origin}`, error);
    if (error.code === "ECONNRESET" || error.code === "EPIPE" || error.message === "socket hang up" || error.message === "aborted") {
      return this.fail(operation, "reset", `the connection to ${url.origin} was closed before a complete answer`, error);
    }
    if (error.code === "ETIMEDOUT") return this.fail(operation, "timeout", `connecting to ${url.origin} timed out`, error);
    return this.fail(operation, "connection", `cannot reach ${url.origin}: ${error.message}`, error);
  }

  close(): void {
    this.agent.destroy();
  }
}

/** A reset on a reused keep-alive socket before any answer: the core closed it while it was idle. */
class StaleSocketError extends Error {
  constructor(readonly original: CoreTransportError) {
    super(original.message);
  }
}

/** Runs `task` over `items` with at most `limit` at once, answering the results in order. */
export async function mapBounded<T, R>(items: readonly T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** Splits `items` into batches of at most `size`. */
export function batches<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
