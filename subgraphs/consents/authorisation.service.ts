/**
 * @module Consent authorisations (SCA): start one, take the PSU's evidence step by step (checked by
 * the bank's core), and let the outcome decide the consent's status. Each step reads, asks the bank
 * outside any transaction, then writes in a short transaction that checks nothing moved meanwhile.
 */
import type { EntityManager } from "@mikro-orm/core";
import { LockMode } from "@mikro-orm/core";
import type { ConnectorRegistry } from "../../connectors/registry.js";
import type { Caller } from "../shared/context.js";
import { assertUuid, newId } from "../shared/ids.js";
import { assertUnchanged, progressOf, recordProgress, seen } from "../shared/sca/sca-record.js";
import { isAuthorised, isFinalSca } from "../shared/sca/sca-state.js";
import { enumName } from "../shared/sca/sca-status.js";
import { applyScaStep, hasScaStep } from "../shared/sca/sca-step.js";
import { actingPsuId, inScope, scopeOf } from "./caller-scope.js";
import { changeStatus } from "./consent-history.js";
import { awaitsAuthorisation, statusAfterAuthorisation } from "./consent-state.js";
import { Consent, ConsentAuthorisation, ConsentStatus, ScaStatus } from "./entities/index.js";
import { consentErrors } from "./errors.js";
import type { StartConsentAuthorisationInput, UpdateConsentAuthorisationInput } from "./resolvers/types/consent-authorisation.input.js";

export interface AuthorisationResult {
  consent: Consent;
  authorisation: ConsentAuthorisation;
}

export class AuthorisationService {
  constructor(
    private readonly em: EntityManager,
    private readonly connectors: ConnectorRegistry,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /** New authorisation: PSU_IDENTIFIED when a PSU is known, else RECEIVED; with a password, its first step at once. */
  async start(input: StartConsentAuthorisationInput, caller: Caller): Promise<AuthorisationResult> {
    const consentId = assertUuid(input.consentId, "consentId");
    const psuId = actingPsuId(caller, input.psuId);
    const started = await this.em.transactional(async (tx) => {
      const consent = await this.findConsent(tx, consentId, caller, LockMode.PESSIMISTIC_WRITE);
      assertAwaiting(consent);
      if (psuId) assertAuthorisingPsu(consent, psuId);
      const now = this.clock();
      const authorisation = Object.assign(new ConsentAuthorisation(), {
        id: newId(),
        consentId,
        psuId: psuId ?? null,
        scaStatus: psuId ? ScaStatus.PSU_IDENTIFIED : ScaStatus.RECEIVED,
        scaMethods: null,
        chosenScaMethod: null,
        createdAt: now,
        updatedAt: now,
        finishedAt: null,
      });
      tx.persist(authorisation);
      await tx.flush();
      return { consent, authorisation };
    });
    if (!hasScaStep(input)) return started;
    return this.update({ ...input, consentId, authorisationId: started.authorisation.id }, caller);
  }

  /** One SCA step; a final scaStatus may make the consent VALID, PARTIALLY_AUTHORISED or REJECTED. */
  async update(input: UpdateConsentAuthorisationInput, caller: Caller): Promise<AuthorisationResult> {
    const consentId = assertUuid(input.consentId, "consentId");
    const authorisationId = assertUuid(input.authorisationId, "authorisationId");
    const psuId = actingPsuId(caller, input.psuId) ?? null;
    const { consent, authorisation } = await this.find(this.em, consentId, authorisationId, caller);
    assertAwaiting(consent);
    const identified = psuId ?? authorisation.psuId;
    if (identified) assertAuthorisingPsu(consent, identified);
    if (psuId && authorisation.psuId && authorisation.psuId !== psuId) throw consentErrors.psuMismatch(psuId);
    const before = seen(authorisation);
    const outcome = await applyScaStep(progressOf(authorisation, psuId), input, this.bankOf(consent), { tppId: consent.tppId, psuId: identified ?? undefined });
    const result = await this.em.transactional(async (tx) => {
      // Consent first, then authorisation: every writer locks in this order.
      const locked = await this.find(tx, consentId, authorisationId, caller, LockMode.PESSIMISTIC_WRITE);
      assertUnchanged(locked.authorisation, before);
      assertAwaiting(locked.consent);
      const now = this.clock();
      recordProgress(locked.authorisation, outcome.progress, now);
      await tx.flush();
      if (isFinalSca(outcome.progress.scaStatus)) await this.settle(tx, locked.consent, outcome.progress.scaStatus, outcome.progress.psuId, now);
      await tx.flush();
      return locked;
    });
    if (outcome.failure) throw outcome.failure;
    return result;
  }

  private bankOf(consent: Consent) {
    return this.connectors.psuAuthenticator(consent.bankId ?? this.connectors.defaultBankId());
  }

  private async settle(tx: EntityManager, consent: Consent, sca: ScaStatus, psuId: string | null, now: Date): Promise<void> {
    const authorised = isAuthorised(sca)
      ? await tx.count(ConsentAuthorisation, { consentId: consent.id, scaStatus: { $in: [ScaStatus.FINALISED, ScaStatus.EXEMPTED] } })
      : 0;
    const next = statusAfterAuthorisation(consent.status, sca, authorised, consent.requiredAuthorisations);
    // A consent asked for without a PSU becomes the consent of the first PSU who authorises it.
    if (isAuthorised(sca) && !consent.psuId && psuId) consent.psuId = psuId;
    if (next === consent.status) return;
    const reason = next === ConsentStatus.REJECTED ? "authorisation failed" : `authorisation ${sca} (${authorised} of ${consent.requiredAuthorisations})`;
    await changeStatus(tx, consent, next, { reason, actor: psuId ? `psu:${psuId}` : "system", now });
  }

  private async find(em: EntityManager, consentId: string, authorisationId: string, caller: Caller, lockMode?: LockMode): Promise<AuthorisationResult> {
    const consent = await this.findConsent(em, consentId, caller, lockMode);
    const authorisation = await em.findOne(ConsentAuthorisation, { id: authorisationId, consentId }, lockMode ? { lockMode, refresh: true } : {});
    if (!authorisation) throw consentErrors.authorisationNotFound(authorisationId);
    return { consent, authorisation };
  }

  private async findConsent(em: EntityManager, consentId: string, caller: Caller, lockMode?: LockMode): Promise<Consent> {
    const consent = await em.findOne(Consent, { id: consentId }, lockMode ? { lockMode, refresh: true } : {});
    if (!consent || !inScope(scopeOf(caller), consent)) throw consentErrors.notFound(consentId);
    return consent;
  }
}

function assertAwaiting(consent: Consent): void {
  if (!awaitsAuthorisation(consent.status)) throw consentErrors.notAwaitingAuthorisation(consent.id, enumName(ConsentStatus, consent.status));
}

/** Single-level SCA: only the consent's PSU authorises (any PSU while none is named); multilevel consents take co-approvers too. */
function assertAuthorisingPsu(consent: Consent, psuId: string): void {
  if (consent.requiredAuthorisations === 1 && consent.psuId && psuId !== consent.psuId) throw consentErrors.psuMismatch(psuId);
}
