/**
 * @module The payment rules: validation before any write, idempotency per (TPP, key), execution only
 * after the PSU's SCA (see payment-authorisation.service.ts), the core call between two short
 * transactions (never inside one: the core is another system and, embedded, shares the database
 * connection), cancellation and status refresh.
 */
import { UniqueConstraintViolationException } from "@mikro-orm/core";
import type { ConnectorContext, PaymentExecution, PaymentOrder } from "../../connectors/contract.js";
import type { ConnectorRegistry } from "../../connectors/registry.js";
import type { Result } from "../../connectors/result.js";
import type { Caller } from "../shared/context.js";
import { commonErrors } from "../shared/errors.js";
import { checkRedirectUri } from "../shared/redirect-uri.js";
import { assertUuid, newId } from "../shared/ids.js";
import { actingPsuId, actingTppId, initiatingTppId } from "./acting-party.js";
import { Payment, PaymentStatus } from "./entities/index.js";
import { paymentErrors } from "./errors.js";
import { requestHash, utcToday, validatePaymentRequest } from "./payment-request.js";
import { awaitsCore, cancelCheck, isFinal } from "./payment-state.js";
import type { PaymentStore } from "./payment-store.js";
import type { FraudCheck } from "./spi/fraud-check.js";
import { FraudCheckOutcome, passes } from "./spi/fraud-check.type.js";
import type { CancelPaymentInput, InitiatePaymentInput } from "./resolvers/types/payment.inputs.js";

export interface InitiatedPayment {
  payment: Payment;
  replayed: boolean;
}

const CORE_STATUSES: Record<PaymentExecution["status"], PaymentStatus> = {
  ACTC: PaymentStatus.ACTC,
  ACSP: PaymentStatus.ACSP,
  ACSC: PaymentStatus.ACSC,
  PDNG: PaymentStatus.PDNG,
  RJCT: PaymentStatus.RJCT,
  CANC: PaymentStatus.CANC,
};

const contextOf = (payment: Payment): ConnectorContext => ({ tppId: payment.tppId, psuId: payment.psuId ?? undefined });

export class PaymentService {
  constructor(
    private readonly connectors: ConnectorRegistry,
    private readonly store: PaymentStore,
    private readonly fraudCheck?: FraudCheck,
    private readonly today: () => string = () => utcToday(),
  ) {}

  async initiate(input: InitiatePaymentInput, caller: Caller): Promise<InitiatedPayment> {
    const tppId = initiatingTppId(caller, input.tppId);
    const psuId = actingPsuId(caller, input.psuId);
    const request = validatePaymentRequest(input, this.today());
    const hash = requestHash(request, psuId);
    const key = request.idempotencyKey;
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
    const payment = Object.assign(new Payment(), {
      id: newId(),
      bankId: request.bankId,
      product: request.product,
      debtorIban: request.debtorIban,
      debtorAccountRef: debtor.ref,
      creditorName: request.creditorName,
      creditorIban: request.creditorIban,
      amountMinor: request.amountMinor,
      currency: request.currency,
      remittanceInformationUnstructured: request.remittance,
      endToEndId: request.endToEndId ?? newId().replaceAll("-", ""),
      requestedExecutionDate: request.requestedExecutionDate,
      status: PaymentStatus.RCVD,
      statusReason: null,
      tppId,
      psuId,
      idempotencyKey: key,
      requestHash: hash,
      coreRef: null,
      authorisedAt: null,
      fraudCheck: null,
      tppRedirectUri: checkRedirectUri(input.tppRedirectUri, "tppRedirectUri"),
      tppNokRedirectUri: checkRedirectUri(input.tppNokRedirectUri, "tppNokRedirectUri"),
      createdAt: now,
      updatedAt: now,
    });
    try {
      await this.store.insertReceived(payment);
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
    if (earlier.requestHash !== hash) throw paymentErrors.idempotencyKeyReused(earlier.idempotencyKey ?? "", earlier.id);
    return { payment: await this.sendOnIfAuthorised(earlier), replayed: true };
  }

  /** After a FINALISED or EXEMPTED SCA: the bank's fraud check (if it has one), then the bank. */
  async executeAuthorised(payment: Payment): Promise<Payment> {
    const checked = await this.checkForFraud(payment);
    return checked.status === PaymentStatus.RJCT ? checked : this.execute(checked);
  }

  /** Runs the fraud check once per payment and records it; a rejection rejects the payment. */
  private async checkForFraud(payment: Payment): Promise<Payment> {
    if (!this.fraudCheck || payment.fraudCheck) return payment;
    const record = await this.fraudCheck.run(payment);
    if (!record) return payment;
    const recorded = await this.store.recordFraudCheck(payment.id, record);
    if (passes(record)) return recorded;
    const reason = record.outcome === FraudCheckOutcome.REJECTED ? "FRAUD_CHECK_REJECTED" : "FRAUD_CHECK_UNAVAILABLE";
    return this.store.transition(payment.id, PaymentStatus.RJCT, { reason, message: record.reason ?? undefined });
  }

  /** An authorised payment whose core outcome is unknown (e.g. a crash right after SCA) is sent (again; the core de-duplicates by ref). */
  private sendOnIfAuthorised(payment: Payment): Promise<Payment> | Payment {
    return payment.authorisedAt && awaitsCore(payment.status) && !payment.coreRef ? this.executeAuthorised(payment) : payment;
  }

  /** Sends the order to the core (idempotent by paymentRef) and records its outcome. */
  private async execute(payment: Payment): Promise<Payment> {
    const order: PaymentOrder = {
      paymentRef: payment.id,
      product: payment.product,
      debtorAccountRef: payment.debtorAccountRef,
      creditorIban: payment.creditorIban,
      creditorName: payment.creditorName,
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
    try {
      const result = await this.connectors.get(payment.bankId).paymentStatus(contextOf(payment), payment.id);
      if (!result.ok && result.error.code === "PAYMENT_NOT_FOUND") return await this.sendOnIfAuthorised(payment);
      if (result.ok && CORE_STATUSES[result.value.status] === payment.status && (payment.coreRef || !result.value.coreRef)) return payment;
      return await this.applyOutcome(payment.id, result);
    } catch {
      return payment;
    }
  }

  async cancel(input: CancelPaymentInput, caller: Caller): Promise<Payment> {
    const id = assertUuid(input.paymentId, "paymentId");
    const tppId = actingTppId(caller, input.tppId);
    const payment = await this.store.findById(id);
    if (!payment || (tppId && payment.tppId !== tppId)) throw paymentErrors.notFound(id);
    const check = cancelCheck(payment.status, payment.requestedExecutionDate, this.today());
    if (!check.ok) {
      throw check.code === "ILLEGAL_STATE_TRANSITION"
        ? commonErrors.illegalTransition("payment", payment.status, PaymentStatus.CANC)
        : paymentErrors.cancellationNotAllowed(id, check.message);
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
