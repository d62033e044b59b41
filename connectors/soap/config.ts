/**
 * @module The options of a bank whose core exposes SOAP web services (connector kind "soap"),
 * validated at start with messages naming the bank and the option. The WSDL is read from a local
 * file (by default the one shipped in fixtures/) or from the core's own origin, never elsewhere.
 *
 * @example
 *   { "kind": "soap", "options": { "endpoint": "https://ib.core.example/CoreBankingService", "timeoutMs": 4000 } }
 */
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The WSDL (and its XSD) of the internet-banking service, shipped with the connector. */
export const BUNDLED_WSDL = fileURLToPath(new URL("./fixtures/core-banking.wsdl", import.meta.url));

export interface SoapConfig {
  bankId: string;
  endpoint: URL;
  /** A local file path, or a URL on the endpoint's origin. */
  wsdl: { file: string } | { url: URL };
  timeoutMs: number;
  /** Loading the WSDL from the core, when it is a URL. */
  wsdlTimeoutMs: number;
  maxResponseBytes: number;
}

export class SoapConfigError extends Error {
  override name = "SoapConfigError";
}

const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === "object" && !Array.isArray(value);

export function parseSoapOptions(bankId: string, options: unknown): SoapConfig {
  const fail = (option: string, problem: string): never => {
    throw new SoapConfigError(`SOAP bank "${bankId}": connector.options.${option}: ${problem}.`);
  };
  if (!isObject(options)) return fail("", `expected an object such as { "endpoint": "https://ib.core.example/CoreBankingService" }`);
  const url = (option: string, value: unknown): URL => {
    let parsed: URL | undefined;
    try {
      parsed = new URL(String(value));
    } catch {
      return fail(option, `expected an http: or https: URL, got ${JSON.stringify(value)}`);
    }
    if (parsed.protocol !== "http:" && parsed.protocol !== "https:") fail(option, `expected an http: or https: URL, got ${parsed.protocol}`);
    if (parsed.username || parsed.password) fail(option, `must not carry credentials`);
    return parsed;
  };
  const integer = (option: string, fallback: number, min: number, max: number): number => {
    const value = options[option];
    if (value === undefined) return fallback;
    if (!Number.isInteger(value) || (value as number) < min || (value as number) > max) fail(option, `expected an integer from ${min} to ${max}, got ${JSON.stringify(value)}`);
    return value as number;
  };
  if (options.endpoint === undefined) fail("endpoint", `is required: the URL of the core's SOAP service`);
  const endpoint = url("endpoint", options.endpoint);
  if (endpoint.hash) fail("endpoint", `must not have a fragment`);
  let wsdl: SoapConfig["wsdl"] = { file: BUNDLED_WSDL };
  if (typeof options.wsdl === "string" && /^https?:/i.test(options.wsdl)) {
    const at = url("wsdl", options.wsdl);
    if (at.origin !== endpoint.origin) fail("wsdl", `${at.origin} is not the endpoint's origin ${endpoint.origin}; the WSDL is read only from the core itself or a local file`);
    wsdl = { url: at };
  } else if (options.wsdl !== undefined) {
    if (typeof options.wsdl !== "string" || options.wsdl === "") fail("wsdl", `expected a local file path or a URL on the endpoint's origin`);
    const file = resolve(options.wsdl as string);
    if (!existsSync(file)) fail("wsdl", `no file at ${file}`);
    wsdl = { file };
  }
  return {
    bankId,
    endpoint,
    wsdl,
    timeoutMs: integer("timeoutMs", 5_000, 1, 120_000),
    wsdlTimeoutMs: integer("wsdlTimeoutMs", 10_000, 1, 120_000),
    maxResponseBytes: integer("maxResponseBytes", 1_048_576, 1_024, 64 * 1_048_576),
  };
}
