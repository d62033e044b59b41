/** @module Where a TPP asks the hub to send the PSU back after a redirect SCA. */
import { commonErrors } from "./errors.js";

const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** An absolute https URL without credentials or fragment (plain http only to loopback, for local TPP development). */
export function checkRedirectUri(value: string | null | undefined, field: string): string | null {
  if (value == null || value === "") return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw commonErrors.badInput(`${field} must be an absolute URL.`, { field });
  }
  const allowed = url.protocol === "https:" || (url.protocol === "http:" && LOOPBACK.has(url.hostname));
  if (!allowed || url.username || url.password || url.hash || value.length > 2048) {
    throw commonErrors.badInput(`${field} must be an https URL (http only to localhost) without credentials or fragment, at most 2048 characters.`, { field });
  }
  return url.toString();
}
