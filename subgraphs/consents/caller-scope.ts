/**
 * @module Interim identity: who acts and what a caller may see. Until authentication arrives the caller
 * is usually anonymous, so a TPP or PSU comes from the caller when set, else from an explicit input
 * field (sandbox). The auth issue changes this file only.
 */
import type { Caller } from "../shared/context.js";
import { requireAuthenticated } from "../shared/authz.js";
import { assertUuid } from "../shared/ids.js";
import { consentErrors } from "./errors.js";

const PSU_LOGIN = /^[A-Za-z0-9][A-Za-z0-9._@-]{0,127}$/;

export function assertPsuId(psuId: string): string {
  if (!PSU_LOGIN.test(psuId)) throw consentErrors.invalidPsuId(psuId);
  return psuId;
}

/** The TPP acting: the caller's, or the input's when the caller has none. Required. */
export function actingTppId(caller: Caller, given?: string | null): string {
  requireAuthenticated(caller);
  if (caller.tppId) {
    if (given && given.toLowerCase() !== caller.tppId.toLowerCase()) throw consentErrors.tppMismatch(given);
    return caller.tppId;
  }
  if (!given) throw consentErrors.identityRequired("tppId");
  return assertUuid(given, "tppId");
}

/** The PSU acting: the caller's, or the input's when the caller has none; undefined when neither. */
export function actingPsuId(caller: Caller, given?: string | null): string | undefined {
  requireAuthenticated(caller);
  if (caller.psuId) {
    if (given && given !== caller.psuId) throw consentErrors.psuMismatch(given);
    return caller.psuId;
  }
  return given ? assertPsuId(given) : undefined;
}

export interface ConsentScope {
  tppId?: string;
  psuId?: string;
}

/** A TPP sees only its consents, a PSU only theirs; anonymous and operator callers see all (sandbox, until auth). */
export function scopeOf(caller: Caller): ConsentScope {
  requireAuthenticated(caller);
  return { tppId: caller.tppId, psuId: caller.psuId };
}

export function inScope(scope: ConsentScope, consent: { tppId: string; psuId: string | null }): boolean {
  return (!scope.tppId || scope.tppId === consent.tppId) && (!scope.psuId || scope.psuId === consent.psuId);
}
