/**
 * @module One HTTP POST of a webhook. The URL is checked against the target policy, every address
 * its host resolves to is checked while connecting (the connection goes to the address that was
 * checked, so DNS cannot change it in between), redirects are never followed, and the whole exchange
 * has a deadline.
 */
import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import { request as httpRequest, type IncomingMessage } from "node:http";
import { request as httpsRequest } from "node:https";
import { isIP, type LookupFunction } from "node:net";
import { refusedAddress, refusedUrl, type TargetPolicy } from "./target-policy.js";

export interface SendOptions {
  policy: TargetPolicy;
  timeoutMs: number;
  /** Name resolution (default: the system resolver, dns.lookup). */
  resolve?: Resolve;
  /** Keep the response body (up to 64 KiB) in the result, for callers that need the answer (SPIs). */
  keepResponseBody?: boolean;
}

export type Resolve = (hostname: string, options: { all: true; family?: number }, callback: (error: Error | null, addresses: LookupAddress[]) => void) => void;

export interface SendResult {
  startedAt: Date;
  durationMs: number;
  succeeded: boolean;
  responseStatus: number | null;
  error: string | null;
  /** With keepResponseBody: the body as text, unless it was cut for size. */
  responseBody?: string;
}

/** Bytes of a response read (and discarded) before the connection is dropped. */
const MAX_RESPONSE_BYTES = 64 * 1024;

class RefusedTargetError extends Error {
  override name = "RefusedTargetError";
}

/** A DNS lookup that fails when any resolved address is not allowed. */
function guardedLookup(policy: TargetPolicy, resolve: Resolve): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname, { all: true, family: options.family as number | undefined }, (error, addresses) => {
      if (error) return callback(error, "", 0);
      const refused = addresses.map((a) => refusedAddress(a.address, { allowLoopback: policy.allowHttpLoopback })).find(Boolean);
      if (refused || addresses.length === 0) return callback(new RefusedTargetError(`refused target address: ${refused ?? "no address"}`), "", 0);
      if ((options as { all?: boolean }).all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
      callback(null, addresses[0]!.address, addresses[0]!.family);
    });
  };
}

function outcome(response: IncomingMessage): Pick<SendResult, "succeeded" | "responseStatus" | "error" | "responseBody"> {
  const status = response.statusCode ?? 0;
  if (status >= 200 && status < 300) return { succeeded: true, responseStatus: status, error: null };
  if (status >= 300 && status < 400) return { succeeded: false, responseStatus: status, error: "redirect not followed: webhooks are never redirected; register the final URL" };
  return { succeeded: false, responseStatus: status, error: `HTTP ${status}` };
}

export async function sendWebhook(url: string, headers: Record<string, string>, body: string, options: SendOptions): Promise<SendResult> {
  const startedAt = new Date();
  const finish = (result: Omit<SendResult, "startedAt" | "durationMs">): SendResult => ({
    startedAt,
    durationMs: Date.now() - startedAt.getTime(),
    ...result,
  });
  const refusedByUrl = refusedUrl(url, options.policy);
  if (refusedByUrl) return finish({ succeeded: false, responseStatus: null, error: `refused target URL: ${refusedByUrl}` });
  const target = new URL(url);
  const literal = target.hostname.replace(/^\[|\]$/g, "");
  const refusedLiteral = isIP(literal) ? refusedAddress(literal, { allowLoopback: options.policy.allowHttpLoopback }) : undefined;
  if (refusedLiteral) return finish({ succeeded: false, responseStatus: null, error: `refused target address: ${refusedLiteral}` });

  const request = target.protocol === "https:" ? httpsRequest : httpRequest;
  const payload = Buffer.from(body);
  return new Promise((resolve) => {
    const req = request(target, {
      method: "POST",
      agent: false,
      lookup: guardedLookup(options.policy, options.resolve ?? (dnsLookup as Resolve)),
      signal: AbortSignal.timeout(options.timeoutMs),
      headers: { ...headers, "content-length": String(payload.length) },
    });
    req.on("response", (response) => {
      const result = outcome(response);
      let read = 0;
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => {
        read += chunk.length;
        if (read > MAX_RESPONSE_BYTES) response.destroy();
        else if (options.keepResponseBody) chunks.push(chunk);
      });
      response.on("end", () => resolve(finish(options.keepResponseBody ? { ...result, responseBody: Buffer.concat(chunks).toString("utf8") } : result)));
      response.on("close", () => resolve(finish(result)));
      response.on("error", () => resolve(finish(result)));
    });
    req.on("error", (error: Error) => {
      const message =
        error.name === "AbortError" || error.name === "TimeoutError" ? `no answer within ${options.timeoutMs} ms` : error instanceof RefusedTargetError ? error.message : `${error.message}`;
      resolve(finish({ succeeded: false, responseStatus: null, error: message }));
    });
    req.end(payload);
  });
}
