/** @module Every consent status change: history row, lastActionDate and the consent.status_changed outbox event, in the caller's transaction. */
import type { EntityManager } from "@mikro-orm/core";
import { newId } from "../shared/ids.js";
import { recordEvent } from "../shared/outbox.js";
import { assertConsentMove } from "./consent-state.js";
import { dayOf } from "./consent-validation.js";
import { type Consent, ConsentStatus, ConsentStatusChange } from "./entities/index.js";

export const CONSENT_STATUS_CHANGED = "consent.status_changed";

export interface ChangeContext {
  reason: string;
  /** "tpp:<id>", "psu:<login>", "operator" or "system". */
  actor: string;
  now: Date;
}

/** Moves `consent` (locked by the caller) to `to`, or throws ILLEGAL_STATE_TRANSITION. */
export async function changeStatus(tx: EntityManager, consent: Consent, to: ConsentStatus, change: ChangeContext): Promise<void> {
  assertConsentMove(consent.status, to);
  const from = consent.status;
  consent.status = to;
  consent.lastActionDate = dayOf(change.now);
  consent.updatedAt = change.now;
  await record(tx, consent, from, change);
}

/** The first history entry and event of a new consent (persisted by the caller). */
export function recordCreation(tx: EntityManager, consent: Consent, change: ChangeContext): Promise<void> {
  return record(tx, consent, null, change);
}

async function record(tx: EntityManager, consent: Consent, from: ConsentStatus | null, change: ChangeContext): Promise<void> {
  tx.persist(
    Object.assign(new ConsentStatusChange(), {
      id: newId(),
      consentId: consent.id,
      fromStatus: from,
      toStatus: consent.status,
      reason: change.reason,
      changedBy: change.actor,
      changedAt: change.now,
    }),
  );
  await tx.flush();
  await recordEvent(tx, "consents", {
    type: CONSENT_STATUS_CHANGED,
    subject: `Consent:${consent.id}`,
    tppId: consent.tppId,
    psuId: consent.psuId,
    payload: { consentId: consent.id, type: consent.type, from, to: consent.status, reason: change.reason },
  });
}
