/**
 * @module Payment authorisations (SCA): a payment stays RCVD until its PSU authorises it; a FINALISED or
 * EXEMPTED authorisation sends it to the bank, a FAILED one rejects it. A cancellation authorisation
 * (purpose CANCELLATION) follows the same steps for an authorised payment whose cancellation the TPP
 * asked for: FINALISED or EXEMPTED cancels the payment, FAILED ends the request and leaves the payment
 * as it is. Each step reads, asks the bank outside any transaction, then writes in a short transaction
 * that checks nothing moved meanwhile.
 */
import type { EntityManager } from "@mikro-orm/core";
import { LockMode } from "@mikro-orm/core";
import type { ConnectorRegistry } from "../../connectors/registry.js";
import type { Caller } from "../shared/context.js";
import { commonErrors } from "../shared/errors.js";
import { assertUuid, newId } from "../shared/ids.js";
import { assertUnchanged, progressOf, recordProgress, seen } from "../shared/sca/sca-record.js";
import { isAuthorised, isFinalSca } from "../shared/sca/sca-state.js";
import { ScaStatus } from "../shared/sca/sca-status.js";
import { applyScaStep, hasScaStep } from "../shared/sca/sca-step.js";
import { actingPsuId, isVisible, visiblePayments } from "./acting-party.js";
import { AuthorisationPurpose, Payment, PaymentAuthorisation, PaymentStatus } from "./entities/index.js";
import { paymentErrors } from "./errors.js";
import { isFinal } from "./payment-state.js";
import type { PaymentService } from "./payment.service.js";
import type { PaymentStore } from "./payment-store.js";
import type { StartPaymentAuthorisationInput, UpdatePaymentAuthorisationInput } from "./resolvers/types/payment-authorisation.inputs.js";

export interface PaymentAuthorisationResult {
  payment: Payment;
  authorisation: PaymentAuthorisation;
}

export class PaymentAuthorisationService {
  constructor(
    private readonly em: EntityManager,
    private readonly connectors: ConnectorRegistry,
    private readonly payments: PaymentService,
    private readonly store: PaymentStore,
  ) {}

  async start(input: StartPaymentAuthorisationInput, caller: Caller, purpose = AuthorisationPurpose.PAYMENT): Promise<PaymentAuthorisationResult> {
    const paymentId = assertUuid(input.paymentId, "paymentId");
    const psuId = actingPsuId(caller, input.psuId);
    const payment = await this.visiblePayment(this.em, paymentId, caller);
    assertAwaitingSca(payment, purpose);
    if (psuId) await this.assertAuthorisingPsu(payment, psuId);
    const started = await this.em.transactional(async (tx) => {
      const locked = await this.visiblePayment(tx, paymentId, caller, LockMode.PESSIMISTIC_WRITE);
      assertAwaitingSca(locked, purpose);
      const now = new Date();
      const authorisation = Object.assign(new PaymentAuthorisation(), {
        id: newId(),
        paymentId,
        purpose,
        psuId,
        scaStatus: psuId ? ScaStatus.PSU_IDENTIFIED : ScaStatus.RECEIVED,
        scaMethods: null,
        chosenScaMethod: null,
        createdAt: now,
        updatedAt: now,
        finishedAt: null,
      });
      tx.persist(authorisation);
      await tx.flush();
      return { payment: locked, authorisation };
    });
    if (!hasScaStep(input)) return started;
    return this.update({ ...input, paymentId, authorisationId: started.authorisation.id }, caller, purpose);
  }

  async update(input: UpdatePaymentAuthorisationInput, caller: Caller, purpose = AuthorisationPurpose.PAYMENT): Promise<PaymentAuthorisationResult> {
    const paymentId = assertUuid(input.paymentId, "paymentId");
    const authorisationId = assertUuid(input.authorisationId, "authorisationId");
    const psuId = actingPsuId(caller, input.psuId);
    const { payment, authorisation } = await this.find(this.em, paymentId, authorisationId, caller, purpose);
    assertAwaitingSca(payment, purpose);
    if (psuId && authorisation.psuId && authorisation.psuId !== psuId) throw paymentErrors.psuMismatch(psuId);
    const identified = psuId ?? authorisation.psuId;
    if (identified) await this.assertAuthorisingPsu(payment, identified);
    const before = seen(authorisation);
    const outcome = await applyScaStep(progressOf(authorisation, psuId), input, this.connectors.psuAuthenticator(payment.bankId), { tppId: payment.tppId, psuId: identified ?? undefined });
    const stored = await this.em.transactional(async (tx) => {
      const locked = await this.find(tx, paymentId, authorisationId, caller, purpose, LockMode.PESSIMISTIC_WRITE);
      assertUnchanged(locked.authorisation, before);
      assertAwaitingSca(locked.payment, purpose);
      const now = new Date();
      recordProgress(locked.authorisation, outcome.progress, now);
      const { scaStatus } = outcome.progress;
      if (purpose === AuthorisationPurpose.CANCELLATION) {
        if (isAuthorised(scaStatus)) Object.assign(locked.payment, { cancellationAuthorisedAt: now, updatedAt: now });
        else if (isFinalSca(scaStatus)) Object.assign(locked.payment, { cancellationRequestedAt: null, updatedAt: now });
      } else if (isAuthorised(scaStatus)) Object.assign(locked.payment, { authorisedAt: now, psuId: locked.payment.psuId ?? outcome.progress.psuId });
      await tx.flush();
      return locked;
    });
    // The bank is called after the authorisation committed: a crash in between leaves an authorised
    // RCVD payment, which a replay of the initiation or a status read sends on (an authorised
    // cancellation: a repeated cancel finishes it).
    let settled = stored.payment;
    const { scaStatus } = outcome.progress;
    if (purpose === AuthorisationPurpose.CANCELLATION) {
      if (isAuthorised(scaStatus)) settled = await this.payments.completeCancellation(stored.payment);
    } else if (isAuthorised(scaStatus)) settled = await this.payments.executeAuthorised(stored.payment);
    else if (isFinalSca(scaStatus)) settled = await this.store.transition(paymentId, PaymentStatus.RJCT, { reason: "SCA_FAILED" });
    if (outcome.failure) throw outcome.failure;
    return { payment: settled, authorisation: stored.authorisation };
  }

  /** The PSU must be the payment's PSU, or (when the initiation named none) a holder of the debtor account. */
  private async assertAuthorisingPsu(payment: Payment, psuId: string): Promise<void> {
    if (payment.psuId) {
      if (payment.psuId !== psuId) throw paymentErrors.psuMismatch(psuId);
      return;
    }
    const accounts = await this.connectors
      .get(payment.bankId)
      .accountsByRefs({ tppId: payment.tppId, psuId }, [payment.debtorAccountRef])
      .catch((error: unknown) => Promise.reject(commonErrors.coreUnavailable(payment.bankId, error)));
    if (!accounts.get(payment.debtorAccountRef)?.psuIds.includes(psuId)) throw paymentErrors.psuMismatch(psuId);
  }

  private async find(em: EntityManager, paymentId: string, authorisationId: string, caller: Caller, purpose: AuthorisationPurpose, lockMode?: LockMode): Promise<PaymentAuthorisationResult> {
    const payment = await this.visiblePayment(em, paymentId, caller, lockMode);
    const authorisation = await em.findOne(PaymentAuthorisation, { id: authorisationId, paymentId, purpose }, lockMode ? { lockMode, refresh: true } : {});
    if (!authorisation) throw commonErrors.notFound(purpose === AuthorisationPurpose.CANCELLATION ? "payment cancellation authorisation" : "payment authorisation", authorisationId);
    return { payment, authorisation };
  }

  /** Who may see the payment (visiblePayments) may authorise it; anyone else gets PAYMENT_NOT_FOUND. */
  private async visiblePayment(em: EntityManager, id: string, caller: Caller, lockMode?: LockMode): Promise<Payment> {
    const payment = await em.findOne(Payment, { id }, lockMode ? { lockMode, refresh: true } : { refresh: true });
    if (!payment || !isVisible(payment, visiblePayments(caller))) throw paymentErrors.notFound(id);
    return payment;
  }
}

/** A payment takes an authorisation while it is RCVD and not yet authorised. */
export const awaitsAuthorisation = (payment: Payment) => !payment.authorisedAt && payment.status === PaymentStatus.RCVD;

/** A payment takes a cancellation authorisation after the TPP asked to cancel it, until that is authorised, fails, or the payment is final. */
export const awaitsCancellationAuthorisation = (payment: Payment) =>
  Boolean(payment.cancellationRequestedAt) && !payment.cancellationAuthorisedAt && !isFinal(payment.status);

function assertAwaitingSca(payment: Payment, purpose: AuthorisationPurpose): void {
  if (purpose === AuthorisationPurpose.PAYMENT && !awaitsAuthorisation(payment)) throw paymentErrors.notAwaitingAuthorisation(payment.id, payment.status);
  if (purpose === AuthorisationPurpose.CANCELLATION && !awaitsCancellationAuthorisation(payment)) throw paymentErrors.notAwaitingCancellationAuthorisation(payment.id, payment.status);
}
