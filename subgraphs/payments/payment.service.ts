/**
 * @module The payment rules: validation before any write, idempotency per (TPP, key), execution only
 * after the PSU's SCA (see payment-authorisation.service.ts), the core call between two short
 * transactions (never inside one: the core is another system and, embedded, shares the database
 * connection), cancellation and status refresh.
 */
import { UniqueConstraintViolationException } from "@mikro-orm/core";
import type { PaymentExecution, PaymentOrder } from "../../connectors/contract.js";
import type { ConnectorRegistry } from "../../connectors/registry.js";
import type { Result } from "../../connectors/result.js";
import type { Caller } from "../shared/context.js";
import { commonErrors } from "../shared/errors.js";
import { assertUuid } from "../shared/ids.js";
import { idempotencyKeyReused } from "../shared/idempotency.js";
import { actingPsuId, actingTppId, initiatingTppId } from "./acting-party.js";
import { BulkExecution, CORE_STATUSES, contextOf } from "./bulk-execution.js";
import { Payment, PaymentKind, PaymentStatus } from "./entities/index.js";
import { paymentErrors } from "./errors.js";
import { bulk, receivedEntries, receivedPayment, transfer, type NewPayment } from "./new-payment.js";
import { bulkRequestHash, validateBulkRequest, validateStandingOrderTerms } from "./periodic-bulk-request.js";
import { requestHash, utcToday, validatePaymentRequest } from "./payment-request.js";
import { awaitsCore, cancelCheck, isFinal, standingOrderCancelCheck } from "./payment-state.js";
import type { PaymentStore } from "./payment-store.js";
import type { FraudCheck } from "./spi/fraud-check.js";
import { FraudCheckOutcome, passes } from "./spi/fraud-check.type.js";
import type { StandingOrders } from "./standing-orders.js";
import type { CancelPaymentInput, InitiatePaymentInput } from "./resolvers/types/payment.inputs.js";
import type { InitiateBulkPaymentInput, InitiatePeriodicPaymentInput } from "./resolvers/types/periodic-bulk.inputs.js";

export interface CancelledPayment {
  payment: Payment;
  /** The payment is not cancelled yet: its PSU must authorise the cancellation. */
  authorisationRequired: boolean;
}

export interface InitiatedPayment {
  payment: Payment;
  replayed: boolean;
}

export class PaymentService {
  private readonly bulks: BulkExecution;

  constructor(
    private readonly connectors: ConnectorRegistry,
    private readonly store: PaymentStore,
    private readonly fraudCheck?: FraudCheck,
    private readonly today: () => string = () => utcToday(),
    private readonly standingOrders?: StandingOrders,
  ) {
    this.bulks = new BulkExecution(connectors, store);
  }

  async initiate(input: InitiatePaymentInput, caller: Caller): Promise<InitiatedPayment> {
    const psuId = actingPsuId(caller, input.psuId);
    const request = validatePaymentRequest(input, this.today());
    return this.create(input, caller, transfer(request, requestHash(request, psuId), { kind: PaymentKind.SINGLE, requestedExecutionDate: request.requestedExecutionDate }));
  }

  /** A standing order: RCVD until its PSU's SCA, then ACCP; its instalments execute on their dates (standing-orders.ts). */
  async initiatePeriodic(input: InitiatePeriodicPaymentInput, caller: Caller): Promise<InitiatedPayment> {
    const psuId = actingPsuId(caller, input.psuId);
    const today = this.today();
    const terms = validateStandingOrderTerms(input, today);
    const request = validatePaymentRequest({ ...input, requestedExecutionDate: null }, today);
    return this.create(input, caller, transfer(request, requestHash(request, psuId, terms), { kind: PaymentKind.PERIODIC, requestedExecutionDate: null, ...terms }));
  }

  /** A bulk: one SCA for all its transfers, each executed once; its status follows from theirs (ACSC, PART, RJCT, …). */
  async initiateBulk(input: InitiateBulkPaymentInput, caller: Caller): Promise<InitiatedPayment> {
    const psuId = actingPsuId(caller, input.psuId);
    const request = validateBulkRequest(input, this.today());
    return this.create(input, caller, bulk(request, bulkRequestHash(request, psuId)));
  }

  /** Idempotency by (TPP, key), the debtor account at its bank, then the insert in RCVD. */
  private async create(
    input: { tppId?: string | null; psuId?: string | null; tppRedirectUri?: string | null; tppNokRedirectUri?: string | null },
    caller: Caller,
    request: NewPayment,
  ): Promise<InitiatedPayment> {
    const tppId = initiatingTppId(caller, input.tppId);
    const psuId = actingPsuId(caller, input.psuId);
    const { hash, idempotencyKey: key } = request;
    if (key) {
      const earlier = await this.store.findByIdempotencyKey(tppId, key);
      if (earlier) return this.replay(earlier, hash);
    }
    const connector = this.connectors.get(request.bankId);
    const debtor = await connector.accountsByIbans({ tppId, psuId: psuId ?? undefined }, [request.debtorIban]).then(
      (found) => found.get(request.debtorIban),
      (error: unknown) => Promise.reject(commonErrors.coreUnavailable(request.bankId, error)),
    );
    if (!debtor) throw paymentErrors.debtorAccountNotFound(request.debtorIban, request.bankId);
    const now = new Date();
    const payment = receivedPayment(request, { tppId, psuId, debtorAccountRef: debtor.ref, tppRedirectUri: input.tppRedirectUri, tppNokRedirectUri: input.tppNokRedirectUri }, now);
    const entries = receivedEntries(request, payment.id, now);
    try {
      await this.store.insertReceived(payment, entries);
    } catch (error) {
      if (!(error instanceof UniqueConstraintViolationException) || !key) throw error;
      // A concurrent request with the same key inserted first: answer as its replay.
      const winner = await this.store.findByIdempotencyKey(tppId, key);
      if (!winner) throw error;
      return this.replay(winner, hash);
    }
    return { payment, replayed: false };
  }

  /** The same key: the same request gets the stored payment (sent to the core again only if authorised and its outcome is unknown). */
  private async replay(earlier: Payment, hash: string): Promise<InitiatedPayment> {
    if (earlier.requestHash !== hash) throw idempotencyKeyReused(earlier.idempotencyKey ?? "", "payment", earlier.id);
    return { payment: await this.sendOnIfAuthorised(earlier), replayed: true };
  }

  /**
   * After a FINALISED or EXEMPTED SCA: the bank's fraud check (if it has one), then the bank. A bulk
   * sends each entry; a standing order is accepted (ACCP) and its instalments due today execute now.
   */
  async executeAuthorised(payment: Payment): Promise<Payment> {
    const checked = await this.checkForFraud(payment);
    if (checked.status === PaymentStatus.RJCT) return checked;
    if (checked.kind === PaymentKind.BULK) return this.bulks.execute(checked);
    if (checked.kind === PaymentKind.PERIODIC) return this.accept(checked);
    return this.execute(checked);
  }

  private async accept(order: Payment): Promise<Payment> {
    const accepted = await this.store.transition(order.id, PaymentStatus.ACCP, {});
    if (this.standingOrders && accepted.status === PaymentStatus.ACCP) await this.standingOrders.runDue(this.today(), order.id);
    return accepted;
  }

  /** Runs the fraud check once per payment and records it; a rejection rejects the payment. */
  private async checkForFraud(payment: Payment): Promise<Payment> {
    // The fraud-check SPI describes one transfer; a bulk is not sent to it.
    if (!this.fraudCheck || payment.fraudCheck || payment.kind === PaymentKind.BULK) return payment;
    const record = await this.fraudCheck.run(payment);
    if (!record) return payment;
    const recorded = await this.store.recordFraudCheck(payment.id, record);
    if (passes(record)) return recorded;
    const reason = record.outcome === FraudCheckOutcome.REJECTED ? "FRAUD_CHECK_REJECTED" : "FRAUD_CHECK_UNAVAILABLE";
    return this.store.transition(payment.id, PaymentStatus.RJCT, { reason, message: record.reason ?? undefined });
  }

  /** An authorised payment whose core outcome is unknown (e.g. a crash right after SCA) is sent (again; the core de-duplicates by ref). */
  private sendOnIfAuthorised(payment: Payment): Promise<Payment> | Payment {
    if (payment.kind === PaymentKind.PERIODIC) return payment.authorisedAt && payment.status === PaymentStatus.RCVD ? this.executeAuthorised(payment) : payment;
    return payment.authorisedAt && awaitsCore(payment.status) && !payment.coreRef ? this.executeAuthorised(payment) : payment;
  }

  /** Sends the order to the core (idempotent by paymentRef) and records its outcome. */
  private async execute(payment: Payment): Promise<Payment> {
    const order: PaymentOrder = {
      paymentRef: payment.id,
      product: payment.product,
      debtorAccountRef: payment.debtorAccountRef,
      creditorIban: payment.creditorIban!,
      creditorName: payment.creditorName!,
      amountMinor: payment.amountMinor,
      currency: payment.currency,
      remittanceInformation: payment.remittanceInformationUnstructured ?? undefined,
      endToEndId: payment.endToEndId,
      requestedExecutionDate: payment.requestedExecutionDate ?? undefined,
    };
    let result: Result<PaymentExecution>;
    try {
      result = await this.connectors.get(payment.bankId).executePayment(contextOf(payment), order);
    } catch (error) {
      const parked = await this.store.transition(payment.id, PaymentStatus.PDNG, { reason: "CORE_UNAVAILABLE", message: String(error) });
      throw paymentErrors.coreUnavailable(payment.bankId, payment.id, parked.status, error);
    }
    return this.applyOutcome(payment.id, result);
  }

  private applyOutcome(id: string, result: Result<PaymentExecution>): Promise<Payment> {
    if (!result.ok) return this.store.transition(id, PaymentStatus.RJCT, { reason: result.error.code, message: result.error.message });
    const { status, reason, coreRef } = result.value;
    return this.store.transition(id, CORE_STATUSES[status], { reason: reason ?? null, coreRef });
  }

  /** Asks the core for the status of a payment that is not final yet; the stored payment when the core cannot say. */
  async refreshStatus(payment: Payment): Promise<Payment> {
    if (isFinal(payment.status)) return payment;
    if (!payment.authorisedAt) return payment;
    // A standing order is the hub's own; its instalments are read as `instalments`.
    if (payment.kind === PaymentKind.PERIODIC) return this.sendOnIfAuthorised(payment);
    if (payment.kind === PaymentKind.BULK) return this.bulks.refresh(payment);
    try {
      const result = await this.connectors.get(payment.bankId).paymentStatus(contextOf(payment), payment.id);
      if (!result.ok && result.error.code === "PAYMENT_NOT_FOUND") return await this.sendOnIfAuthorised(payment);
      if (result.ok && CORE_STATUSES[result.value.status] === payment.status && (payment.coreRef || !result.value.coreRef)) return payment;
      return await this.applyOutcome(payment.id, result);
    } catch {
      return payment;
    }
  }

  /**
   * A payment its PSU has not authorised yet is cancelled at once. An authorised one that can still be
   * cancelled (a standing order, a future-dated payment) keeps its status: the cancellation awaits the
   * PSU's SCA (payment-authorisation.service.ts, purpose CANCELLATION), which then cancels it here.
   */
  async cancel(input: CancelPaymentInput, caller: Caller): Promise<CancelledPayment> {
    const id = assertUuid(input.paymentId, "paymentId");
    const tppId = actingTppId(caller, input.tppId);
    const payment = await this.store.findById(id);
    if (!payment || (tppId && payment.tppId !== tppId)) throw paymentErrors.notFound(id);
    this.assertCancellable(payment);
    if (payment.authorisedAt && !payment.cancellationAuthorisedAt) return { payment: await this.store.requestCancellation(id), authorisationRequired: true };
    return { payment: await this.cancelNow(payment), authorisationRequired: false };
  }

  /** After the PSU's FINALISED or EXEMPTED cancellation authorisation. */
  completeCancellation(payment: Payment): Promise<Payment> {
    this.assertCancellable(payment);
    return this.cancelNow(payment);
  }

  private assertCancellable(payment: Payment): void {
    const check = payment.kind === PaymentKind.PERIODIC ? standingOrderCancelCheck(payment.status) : cancelCheck(payment.status, payment.requestedExecutionDate, this.today());
    if (!check.ok) {
      throw check.code === "ILLEGAL_STATE_TRANSITION"
        ? commonErrors.illegalTransition("payment", payment.status, PaymentStatus.CANC)
        : paymentErrors.cancellationNotAllowed(payment.id, check.message);
    }
  }

  private async cancelNow(payment: Payment): Promise<Payment> {
    const id = payment.id;
    // Cancelling a standing order ends it: no instalment after this; the bank holds no order for it.
    if (payment.kind === PaymentKind.PERIODIC) return this.store.transition(id, PaymentStatus.CANC, { reason: "CANCELLED_BY_TPP", strict: true });
    if (payment.kind === PaymentKind.BULK) {
      await this.bulks.cancel(payment).catch((error: unknown) => Promise.reject(error instanceof Error && "code" in error ? error : commonErrors.coreUnavailable(payment.bankId, error)));
      return this.store.transition(id, PaymentStatus.CANC, { reason: "CANCELLED_BY_TPP", strict: true });
    }
    let result: Result<PaymentExecution>;
    try {
      result = await this.connectors.get(payment.bankId).cancelPayment(contextOf(payment), id);
    } catch (error) {
      throw commonErrors.coreUnavailable(payment.bankId, error);
    }
    // The core never received an order whose sending failed; the hub will not send a cancelled one again.
    const neverSent = !result.ok && result.error.code === "PAYMENT_NOT_FOUND" && awaitsCore(payment.status) && !payment.coreRef;
    if (!neverSent && !(result.ok && result.value.status === "CANC")) {
      if (result.ok) await this.applyOutcome(id, result);
      const why = result.ok ? `it is in status ${result.value.status} there` : result.error.message;
      throw paymentErrors.cancellationNotAllowed(id, `Bank "${payment.bankId}" did not cancel payment ${id}: ${why}`);
    }
    return this.store.transition(id, PaymentStatus.CANC, { reason: "CANCELLED_BY_TPP", strict: true });
  }
}
