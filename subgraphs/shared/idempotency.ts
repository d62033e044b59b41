/** @module Idempotency keys of creating mutations: the key's form, and the fingerprint that tells a replay from a reused key. */
import { createHash } from "node:crypto";
import { commonErrors, HubError } from "./errors.js";

/** The key as given (1 to 100 characters, no surrounding spaces), or null when none. */
export function checkIdempotencyKey(key: string | null | undefined): string | null {
  if (key === null || key === undefined) return null;
  if (key.length < 1 || key.length > 100 || key.trim() !== key) {
    throw commonErrors.badInput("idempotencyKey must be 1 to 100 characters without leading or trailing spaces.", { field: "idempotencyKey" });
  }
  return key;
}

/** SHA-256 over the request's normalised parts (never the key): equal requests, equal fingerprint. */
export function fingerprint(parts: readonly unknown[]): string {
  return createHash("sha256").update(JSON.stringify(parts)).digest("hex");
}

export function idempotencyKeyReused(key: string, resource: string, id: string): HubError {
  return new HubError("IDEMPOTENCY_KEY_REUSED", `Idempotency key "${key}" was already used for ${resource} ${id} with a different request; use a new key for a new ${resource}.`, {
    httpStatus: 409,
    details: { idempotencyKey: key, [`${resource}Id`]: id },
  });
}
