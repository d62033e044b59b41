/** @module Writes of the payments subgraph: every status change with its history row and outbox event, in one transaction. */
import type { EntityManager } from "@mikro-orm/core";
import { LockMode } from "@mikro-orm/core";
import { newId } from "../shared/ids.js";
import { recordEvent } from "../shared/outbox.js";
import { Payment, PaymentStatus, PaymentStatusChange } from "./entities/index.js";
import { paymentErrors } from "./errors.js";
import { assertMove, canMove } from "./payment-state.js";
import type { FraudCheckRecord } from "./spi/fraud-check.type.js";

export const PAYMENT_STATUS_CHANGED = "payment.status_changed";

function statusChange(paymentId: string, status: PaymentStatus, reason: string | null, at: Date): PaymentStatusChange {
  return Object.assign(new PaymentStatusChange(), { id: newId(), paymentId, status, reason, at });
}

async function recordStatusEvent(tx: EntityManager, payment: Payment, previous: PaymentStatus | null, message?: string): Promise<void> {
  await recordEvent(tx, "payments", {
    type: PAYMENT_STATUS_CHANGED,
    subject: `Payment:${payment.id}`,
    bankId: payment.bankId,
    tppId: payment.tppId,
    psuId: payment.psuId,
    payload: { paymentId: payment.id, status: payment.status, previousStatus: previous, reason: payment.statusReason, ...(message ? { message } : {}) },
  });
}

export class PaymentStore {
  constructor(private readonly em: EntityManager) {}

  /** Inserts a new payment in RCVD with its first history row and event. A duplicate idempotency key fails with UniqueConstraintViolationException. */
  async insertReceived(payment: Payment): Promise<Payment> {
    await this.em.transactional(async (tx) => {
      tx.persist(payment);
      tx.persist(statusChange(payment.id, payment.status, null, payment.createdAt));
      await tx.flush();
      await recordStatusEvent(tx, payment, null);
    });
    return payment;
  }

  findByIdempotencyKey(tppId: string, idempotencyKey: string): Promise<Payment | null> {
    return this.em.findOne(Payment, { tppId, idempotencyKey }, { refresh: true });
  }

  findById(id: string): Promise<Payment | null> {
    return this.em.findOne(Payment, { id }, { refresh: true });
  }

  /** Stores the fraud check's outcome on the payment (once: a later one does not overwrite it). */
  recordFraudCheck(id: string, record: FraudCheckRecord): Promise<Payment> {
    return this.em.transactional(async (tx) => {
      const payment = await tx.findOne(Payment, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
      if (!payment) throw paymentErrors.notFound(id);
      payment.fraudCheck ??= record;
      await tx.flush();
      return payment;
    });
  }

  /**
   * Moves a payment to `to` under a row lock. `strict` (a TPP's request) throws on an illegal move;
   * otherwise (a core outcome that may arrive twice or late) a move the status machine refuses is
   * skipped and the stored payment returned.
   */
  transition(id: string, to: PaymentStatus, change: { reason?: string | null; message?: string; coreRef?: string | null; strict?: boolean }): Promise<Payment> {
    return this.em.transactional(async (tx) => {
      const payment = await tx.findOne(Payment, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
      if (!payment) throw paymentErrors.notFound(id);
      if (change.coreRef && !payment.coreRef) payment.coreRef = change.coreRef;
      if (payment.status === to || !canMove(payment.status, to)) {
        if (change.strict) assertMove(payment.status, to);
        await tx.flush();
        return payment;
      }
      const previous = payment.status;
      const now = new Date();
      Object.assign(payment, { status: to, statusReason: change.reason ?? null, updatedAt: now });
      tx.persist(statusChange(payment.id, to, change.reason ?? null, now));
      await tx.flush();
      await recordStatusEvent(tx, payment, previous, change.message);
      return payment;
    });
  }
}
