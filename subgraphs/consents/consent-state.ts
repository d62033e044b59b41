/** @module The consent status machine (Berlin Group consentStatus): which status may follow which. */
import { commonErrors } from "../shared/errors.js";
import { enumName } from "../shared/sca/sca-status.js";
import { ConsentStatus as S, ScaStatus } from "./entities/consent-enums.js";

const NEXT: Record<S, readonly S[]> = {
  [S.RECEIVED]: [S.VALID, S.PARTIALLY_AUTHORISED, S.REJECTED, S.TERMINATED_BY_TPP],
  [S.PARTIALLY_AUTHORISED]: [S.VALID, S.REJECTED, S.TERMINATED_BY_TPP],
  [S.VALID]: [S.EXPIRED, S.REVOKED_BY_PSU, S.TERMINATED_BY_TPP],
  [S.REJECTED]: [],
  [S.REVOKED_BY_PSU]: [],
  [S.EXPIRED]: [],
  [S.TERMINATED_BY_TPP]: [],
};

export function canMoveConsent(from: S, to: S): boolean {
  return NEXT[from].includes(to);
}

/** Throws ILLEGAL_STATE_TRANSITION (details from/to as GraphQL enum names). */
export function assertConsentMove(from: S, to: S): void {
  if (!canMoveConsent(from, to)) throw commonErrors.illegalTransition("consent", enumName(S, from), enumName(S, to));
}

export function isFinalConsentStatus(status: S): boolean {
  return NEXT[status].length === 0;
}

/** Only these consents take new or moved authorisations. */
export function awaitsAuthorisation(status: S): boolean {
  return status === S.RECEIVED || status === S.PARTIALLY_AUTHORISED;
}

/**
 * The consent status an authorisation's new scaStatus leads to: a failed SCA rejects the consent;
 * a finalised (or exempted) one makes it valid once enough authorisations are done, else partially authorised.
 */
export function statusAfterAuthorisation(current: S, scaStatus: ScaStatus, authorised: number, required: number): S {
  if (scaStatus === ScaStatus.FAILED) return S.REJECTED;
  if (scaStatus === ScaStatus.FINALISED || scaStatus === ScaStatus.EXEMPTED) {
    return authorised >= required ? S.VALID : S.PARTIALLY_AUTHORISED;
  }
  return current;
}

/** "revokedByPsu" → "REVOKED_BY_PSU": how clients see the value. */
