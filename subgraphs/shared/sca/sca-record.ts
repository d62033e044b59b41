/** @module Storing an SCA step's outcome on an authorisation row (consent or payment), guarded against a concurrent step. */
import { HubError } from "../errors.js";
import { isFinalSca } from "./sca-state.js";
import { ScaStatus } from "./sca-status.js";
import type { ScaProgress } from "./sca-step.js";

export interface AuthorisationRecord extends ScaProgress {
  id: string;
  updatedAt: Date;
  finishedAt: Date | null;
}

/** What a step saw before it asked the bank; the write phase checks nothing moved meanwhile. */
export interface SeenAuthorisation {
  id: string;
  scaStatus: ScaStatus;
  updatedAt: number;
}

export const seen = (authorisation: AuthorisationRecord): SeenAuthorisation => ({
  id: authorisation.id,
  scaStatus: authorisation.scaStatus,
  updatedAt: authorisation.updatedAt.getTime(),
});

export function assertUnchanged(authorisation: AuthorisationRecord, before: SeenAuthorisation): void {
  if (authorisation.scaStatus !== before.scaStatus || authorisation.updatedAt.getTime() !== before.updatedAt) {
    throw new HubError("AUTHORISATION_CHANGED", `Authorisation "${before.id}" changed while this step was checked; read it and try again.`, {
      httpStatus: 409,
      details: { id: before.id },
    });
  }
}

export function recordProgress(authorisation: AuthorisationRecord, progress: ScaProgress, now: Date): void {
  Object.assign(authorisation, {
    scaStatus: progress.scaStatus,
    psuId: progress.psuId,
    scaMethods: progress.scaMethods,
    chosenScaMethod: progress.chosenScaMethod,
    updatedAt: now,
    finishedAt: isFinalSca(progress.scaStatus) ? now : null,
  });
}

/** The progress a step starts from: the PSU identified now (if newly known) counts as PSU_IDENTIFIED. */
export function progressOf(authorisation: AuthorisationRecord, psuId: string | null): ScaProgress {
  const identifiedNow = !authorisation.psuId && psuId && authorisation.scaStatus === ScaStatus.RECEIVED;
  return {
    scaStatus: identifiedNow ? ScaStatus.PSU_IDENTIFIED : authorisation.scaStatus,
    psuId: authorisation.psuId ?? psuId,
    scaMethods: authorisation.scaMethods,
    chosenScaMethod: authorisation.chosenScaMethod,
  };
}
