/** @module Consent authorisations (SCA): start one, move its scaStatus, and let the outcome decide the consent's status. */
import type { EntityManager } from "@mikro-orm/core";
import { LockMode } from "@mikro-orm/core";
import type { Caller } from "../shared/context.js";
import { commonErrors } from "../shared/errors.js";
import { assertUuid, newId } from "../shared/ids.js";
import { assertScaMove, isAuthorised, isFinalSca } from "./authorisation-state.js";
import { actingPsuId, inScope, scopeOf } from "./caller-scope.js";
import { changeStatus } from "./consent-history.js";
import { awaitsAuthorisation, enumName, statusAfterAuthorisation } from "./consent-state.js";
import { Consent, ConsentAuthorisation, ConsentScaMethod, ConsentStatus, ScaStatus } from "./entities/index.js";
import { consentErrors } from "./errors.js";
import type { ConsentScaMethodInput, StartConsentAuthorisationInput, UpdateConsentAuthorisationInput } from "./resolvers/types/consent-authorisation.input.js";

export interface AuthorisationResult {
  consent: Consent;
  authorisation: ConsentAuthorisation;
}

export class AuthorisationService {
  constructor(
    private readonly em: EntityManager,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /** New authorisation: PSU_IDENTIFIED when a PSU is known, else RECEIVED. */
  start(input: StartConsentAuthorisationInput, caller: Caller): Promise<AuthorisationResult> {
    const consentId = assertUuid(input.consentId, "consentId");
    const psuId = actingPsuId(caller, input.psuId);
    return this.em.transactional(async (tx) => {
      const consent = await this.lockConsent(tx, consentId, caller);
      assertAwaiting(consent);
      if (psuId) assertAuthorisingPsu(consent, psuId);
      const now = this.clock();
      const authorisation = Object.assign(new ConsentAuthorisation(), {
        id: newId(),
        consentId,
        psuId: psuId ?? null,
        scaStatus: psuId ? ScaStatus.PSU_IDENTIFIED : ScaStatus.RECEIVED,
        chosenScaMethod: null,
        createdAt: now,
        updatedAt: now,
        finishedAt: null,
      });
      tx.persist(authorisation);
      await tx.flush();
      return { consent, authorisation };
    });
  }

  /** Moves the scaStatus; a final one may make the consent VALID, PARTIALLY_AUTHORISED or REJECTED. */
  update(input: UpdateConsentAuthorisationInput, caller: Caller): Promise<AuthorisationResult> {
    const consentId = assertUuid(input.consentId, "consentId");
    const authorisationId = assertUuid(input.authorisationId, "authorisationId");
    const psuId = actingPsuId(caller, input.psuId);
    return this.em.transactional(async (tx) => {
      // Consent first, then authorisation: every writer locks in this order.
      const consent = await this.lockConsent(tx, consentId, caller);
      const authorisation = await tx.findOne(ConsentAuthorisation, { id: authorisationId, consentId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!authorisation) throw consentErrors.authorisationNotFound(authorisationId);
      const to = input.scaStatus;
      assertScaMove(authorisation.scaStatus, to);
      assertAwaiting(consent);
      if (psuId) {
        assertAuthorisingPsu(consent, psuId);
        if (authorisation.psuId && authorisation.psuId !== psuId) throw consentErrors.psuMismatch(psuId);
        authorisation.psuId = psuId;
      }
      if (to === ScaStatus.PSU_IDENTIFIED && !authorisation.psuId) throw consentErrors.identityRequired("psuId");
      if (to === ScaStatus.SCA_METHOD_SELECTED && !input.scaMethod) {
        throw commonErrors.badInput("scaMethod is required to move an authorisation to SCA_METHOD_SELECTED.");
      }
      if (input.scaMethod) {
        if (to !== ScaStatus.SCA_METHOD_SELECTED && to !== ScaStatus.STARTED) {
          throw commonErrors.badInput(`scaMethod is taken only with SCA_METHOD_SELECTED or STARTED, not ${enumName(ScaStatus, to)}.`);
        }
        authorisation.chosenScaMethod = checkScaMethod(input.scaMethod);
      }
      const now = this.clock();
      authorisation.scaStatus = to;
      authorisation.updatedAt = now;
      if (isFinalSca(to)) authorisation.finishedAt = now;
      await tx.flush();
      if (isFinalSca(to)) await this.settle(tx, consent, to, authorisation.psuId, now);
      await tx.flush();
      return { consent, authorisation };
    });
  }

  private async settle(tx: EntityManager, consent: Consent, sca: ScaStatus, psuId: string | null, now: Date): Promise<void> {
    const authorised = isAuthorised(sca)
      ? await tx.count(ConsentAuthorisation, { consentId: consent.id, scaStatus: { $in: [ScaStatus.FINALISED, ScaStatus.EXEMPTED] } })
      : 0;
    const next = statusAfterAuthorisation(consent.status, sca, authorised, consent.requiredAuthorisations);
    if (next === consent.status) return;
    const reason = next === ConsentStatus.REJECTED ? "authorisation failed" : `authorisation ${sca} (${authorised} of ${consent.requiredAuthorisations})`;
    await changeStatus(tx, consent, next, { reason, actor: psuId ? `psu:${psuId}` : "system", now });
  }

  private async lockConsent(tx: EntityManager, consentId: string, caller: Caller): Promise<Consent> {
    const consent = await tx.findOne(Consent, { id: consentId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!consent || !inScope(scopeOf(caller), consent)) throw consentErrors.notFound(consentId);
    return consent;
  }
}

function assertAwaiting(consent: Consent): void {
  if (!awaitsAuthorisation(consent.status)) throw consentErrors.notAwaitingAuthorisation(consent.id, enumName(ConsentStatus, consent.status));
}

/** Single-level SCA: only the consent's PSU authorises; multilevel consents take co-approvers too. */
function assertAuthorisingPsu(consent: Consent, psuId: string): void {
  if (consent.requiredAuthorisations === 1 && psuId !== consent.psuId) throw consentErrors.psuMismatch(psuId);
}

function checkScaMethod(method: ConsentScaMethodInput): ConsentScaMethod {
  if (!/^[A-Z][A-Z0-9_]{1,34}$/.test(method.authenticationType)) {
    throw commonErrors.badInput(`authenticationType "${method.authenticationType}" is not a type such as SMS_OTP or PUSH_OTP.`);
  }
  const id = method.authenticationMethodId.trim();
  if (!id || id.length > 64) throw commonErrors.badInput("authenticationMethodId must be 1 to 64 characters.");
  if (method.name != null && method.name.length > 140) throw commonErrors.badInput("scaMethod.name must be at most 140 characters.");
  return { authenticationType: method.authenticationType, authenticationMethodId: id, name: method.name ?? null };
}
