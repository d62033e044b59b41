/**
 * @module What every facade route receives: the request id it echoes, the bank it addresses, the
 * calling TPP and an executor of typed GraphQL operations as that TPP.
 */
import type { Request } from "express";
import type { Caller } from "../../subgraphs/shared/context.js";
import type { BerlinGroupConfig } from "./config.js";
import { BerlinGroupError, formatError } from "./errors.js";
import type { Execute } from "./execute.js";

/** The header a TPP names the bank with (as Berlin Group hubs do); absent: the default bank. */
export const BANK_HEADER = "x-gtw-aspsp-id";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface RequestContext {
  requestId: string;
  bankId: string;
  caller: Caller;
  execute: Execute;
  /** An executor for the same TPP acting under the given consent (one the ASPSP manages, found rather than named). */
  underConsent(consentId: string): Promise<Execute>;
  /** Absolute base of the hub, for links a PSU's browser follows (scaRedirect, scaOAuth). */
  origin: string;
}

/** A non-empty header value, or undefined (empty optional headers are ignored, not rejected). */
export function header(req: Request, name: string): string | undefined {
  const value = req.headers[name.toLowerCase()];
  const text = Array.isArray(value) ? value[0] : value;
  return text && text.trim() ? text.trim() : undefined;
}

export function booleanHeader(req: Request, name: string): boolean | undefined {
  const value = header(req, name)?.toLowerCase();
  if (value === undefined) return undefined;
  if (value === "true") return true;
  if (value === "false") return false;
  throw formatError(`Header ${name} must be true or false.`, name);
}

export function isUuid(value: string | undefined): value is string {
  return value !== undefined && UUID.test(value);
}

export function requestIdOf(req: Request): string {
  const id = header(req, "x-request-id");
  if (!id) throw formatError("The header X-Request-ID is required.", "X-Request-ID");
  if (!isUuid(id)) throw formatError("X-Request-ID must be a UUID.", "X-Request-ID");
  return id;
}

export function bankOf(req: Request, config: BerlinGroupConfig): string {
  const named = header(req, BANK_HEADER);
  if (!named) return config.defaultBank;
  if (!config.bankIds.includes(named)) throw new BerlinGroupError("FORMAT_ERROR", `No bank "${named}" behind this hub; X-GTW-ASPSP-ID is one of ${config.bankIds.join(", ")}.`, { path: "X-GTW-ASPSP-ID" });
  return named;
}

/** The PSD2 role a service needs, as the token scope it maps to. */
export function requireScope(ctx: RequestContext, scope: "accounts" | "payments" | "fundsconfirmation"): void {
  if (ctx.caller.kind === "operator") return;
  if (!ctx.caller.scopes.includes(scope)) {
    const role = { accounts: "AISP (PSP_AI)", payments: "PISP (PSP_PI)", fundsconfirmation: "PIISP (PSP_IC)" }[scope];
    throw new BerlinGroupError("ROLE_INVALID", `This service needs the ${role} role, which the TPP's token or certificate does not carry.`);
  }
}
