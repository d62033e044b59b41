/** @module The SCA status machine of an authorisation (Berlin Group scaStatus), for consents and payments alike. */
import { commonErrors } from "../errors.js";
import { enumName, ScaStatus as A } from "./sca-status.js";

// Embedded: received → psuIdentified → psuAuthenticated → scaMethodSelected → finalised.
// Redirect and decoupled: received (→ psuIdentified/psuAuthenticated) → started → finalised.
// unconfirmed waits for an authorisation confirmation; exempted skips SCA; anything unfinished may fail.
const NEXT: Record<A, readonly A[]> = {
  [A.RECEIVED]: [A.PSU_IDENTIFIED, A.PSU_AUTHENTICATED, A.STARTED, A.EXEMPTED, A.FAILED],
  [A.PSU_IDENTIFIED]: [A.PSU_AUTHENTICATED, A.STARTED, A.EXEMPTED, A.FAILED],
  [A.PSU_AUTHENTICATED]: [A.SCA_METHOD_SELECTED, A.STARTED, A.EXEMPTED, A.FAILED],
  [A.SCA_METHOD_SELECTED]: [A.STARTED, A.UNCONFIRMED, A.FINALISED, A.FAILED],
  [A.STARTED]: [A.UNCONFIRMED, A.FINALISED, A.FAILED],
  [A.UNCONFIRMED]: [A.FINALISED, A.FAILED],
  [A.FINALISED]: [],
  [A.FAILED]: [],
  [A.EXEMPTED]: [],
};

export function canMoveSca(from: A, to: A): boolean {
  return NEXT[from].includes(to);
}

/** Throws ILLEGAL_STATE_TRANSITION (details from/to as GraphQL enum names). */
export function assertScaMove(from: A, to: A): void {
  if (!canMoveSca(from, to)) throw commonErrors.illegalTransition("authorisation", enumName(A, from), enumName(A, to));
}

export function isFinalSca(status: A): boolean {
  return NEXT[status].length === 0;
}

/** Counts toward the consent's required authorisations. */
export function isAuthorised(status: A): boolean {
  return status === A.FINALISED || status === A.EXEMPTED;
}
