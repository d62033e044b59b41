/** @module Where a TPP asks the hub to send the PSU back after a redirect SCA. */
import { commonErrors } from "./errors.js";

const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** Why `value` is no redirect URI: it must be an absolute https URL without credentials or fragment (plain http only to loopback, for local TPP development). */
export function redirectUriProblem(value: string): string | undefined {
  if (!URL.canParse(value)) return "must be an absolute URL";
  const url = new URL(value);
  const allowed = url.protocol === "https:" || (url.protocol === "http:" && LOOPBACK.has(url.hostname));
  if (!allowed || url.username || url.password || url.hash || value.length > 2048) {
    return "must be an https URL (http only to localhost) without credentials or fragment, at most 2048 characters";
  }
  return undefined;
}

/** An optional redirect URI of an input, normalised; BAD_USER_INPUT naming `field` when it is not one. */
export function checkRedirectUri(value: string | null | undefined, field: string): string | null {
  if (value == null || value === "") return null;
  const problem = redirectUriProblem(value);
  if (problem) throw commonErrors.badInput(`${field} ${problem}.`, { field });
  return new URL(value).toString();
}
