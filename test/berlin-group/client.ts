/**
 * A Berlin Group TPP for tests: real HTTP against a running hub, and every response it receives is
 * checked against the OpenAPI file (a non-conforming response fails the test that received it).
 */
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { Conformance } from "./spec/conformance.js";
import { derivedPiisSpec } from "./spec/derived-spec.js";

export interface BgResponse<T = any> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

export interface BgRequest {
  headers?: Record<string, string | undefined>;
  body?: unknown;
  /** A raw XML body (pain.001). */
  xml?: string;
  /** Skip the conformance check (only for requests that are not Berlin Group calls). */
  unchecked?: boolean;
}

export const conformance = new Conformance();
/** The confirmation-of-funds consent extension judges the /v2 paths. */
export const piisConformance = new Conformance(derivedPiisSpec());

/** A sandbox test certificate (test/berlin-group/fixtures) as TPP-Signature-Certificate carries it: base64 of the DER. */
export function testCertificate(name: "pisp-aisp" | "aisp-only" | "expired" | "no-roles" | "piisp"): string {
  const pem = readFileSync(new URL(`./fixtures/${name}.pem`, import.meta.url), "utf8");
  return pem.replace(/-----(BEGIN|END) CERTIFICATE-----|\s/g, "");
}

export class BerlinGroupClient {
  constructor(
    readonly url: string,
    /** Headers sent on every request (identification, bank). */
    readonly defaults: Record<string, string> = {},
  ) {}

  with(headers: Record<string, string>): BerlinGroupClient {
    return new BerlinGroupClient(this.url, { ...this.defaults, ...headers });
  }

  async request<T = any>(method: string, path: string, options: BgRequest = {}): Promise<BgResponse<T>> {
    const headers: Record<string, string> = { "x-request-id": randomUUID(), ...this.defaults };
    for (const [name, value] of Object.entries(options.headers ?? {})) {
      if (value === undefined) delete headers[name.toLowerCase()];
      else headers[name.toLowerCase()] = value;
    }
    let body: string | undefined;
    if (options.xml !== undefined) {
      body = options.xml;
      headers["content-type"] ??= "application/xml";
    } else if (options.body !== undefined) {
      body = typeof options.body === "string" ? options.body : JSON.stringify(options.body);
      headers["content-type"] ??= "application/json";
    }
    const response = await fetch(`${this.url}${path}`, { method, headers, body, redirect: "manual" });
    const text = await response.text();
    if (!options.unchecked) {
      const problems = (path.startsWith("/v2/") ? piisConformance : conformance).check({ method, path: path.split("?")[0]!, status: response.status, headers: response.headers, text });
      if (problems.length) throw new Error(`${method} ${path} → ${response.status} does not conform to the Berlin Group spec:\n  ${problems.join("\n  ")}\n  body: ${text.slice(0, 600)}`);
      if (headers["x-request-id"] && response.headers.get("x-request-id") !== headers["x-request-id"] && /^[0-9a-f-]{36}$/.test(headers["x-request-id"])) {
        throw new Error(`${method} ${path}: X-Request-ID not echoed`);
      }
    }
    let parsed: unknown = undefined;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = text;
    }
    return { status: response.status, headers: response.headers, body: parsed as T, text };
  }

  get<T = any>(path: string, options?: BgRequest) {
    return this.request<T>("GET", path, options);
  }
  post<T = any>(path: string, body?: unknown, options: BgRequest = {}) {
    return this.request<T>("POST", path, { ...options, body });
  }
  put<T = any>(path: string, body?: unknown, options: BgRequest = {}) {
    return this.request<T>("PUT", path, { ...options, body });
  }
  delete<T = any>(path: string, options?: BgRequest) {
    return this.request<T>("DELETE", path, options);
  }
}

/** The tppMessages code of an error response. */
export const codeOf = (response: BgResponse) => (response.body as { tppMessages?: { code: string }[] })?.tppMessages?.[0]?.code;
