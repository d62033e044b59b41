/** @module Writes of the payments subgraph: every status change with its history row and outbox event, in one transaction. */
import type { EntityManager } from "@mikro-orm/core";
import { LockMode, UniqueConstraintViolationException } from "@mikro-orm/core";
import { newId } from "../shared/ids.js";
import { recordEvent } from "../shared/outbox.js";
import { BulkPaymentEntry, Payment, PaymentStatus, PaymentStatusChange, StandingOrderInstalment } from "./entities/index.js";
import { paymentErrors } from "./errors.js";
import { assertMove, canMove } from "./payment-state.js";
import type { FraudCheckRecord } from "./spi/fraud-check.type.js";

export const PAYMENT_STATUS_CHANGED = "payment.status_changed";
/** A standing order's instalment was sent to the bank, or the bank answered for it. */
export const PAYMENT_INSTALMENT_CHANGED = "payment.instalment_changed";

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

  /** Inserts a new payment in RCVD (with a bulk's entries) with its first history row and event. A duplicate idempotency key fails with UniqueConstraintViolationException. */
  async insertReceived(payment: Payment, entries: BulkPaymentEntry[] = []): Promise<Payment> {
    await this.em.transactional(async (tx) => {
      tx.persist(payment);
      for (const entry of entries) tx.persist(entry);
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

  /** Records that the TPP asked to cancel the authorised payment (once; a repeat keeps the first time). */
  requestCancellation(id: string): Promise<Payment> {
    return this.em.transactional(async (tx) => {
      const payment = await tx.findOne(Payment, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
      if (!payment) throw paymentErrors.notFound(id);
      if (!payment.cancellationRequestedAt) Object.assign(payment, { cancellationRequestedAt: new Date(), updatedAt: new Date() });
      await tx.flush();
      return payment;
    });
  }

  entriesOf(paymentId: string): Promise<BulkPaymentEntry[]> {
    return this.em.find(BulkPaymentEntry, { paymentId }, { orderBy: { position: "asc" }, refresh: true });
  }

  /** Records the bank's answer for one entry of a bulk (a late or repeated answer does not undo a final one). */
  recordEntryOutcome(id: string, status: PaymentStatus, change: { reason?: string | null; coreRef?: string | null }): Promise<BulkPaymentEntry> {
    return this.em.transactional(async (tx) => {
      const entry = await tx.findOneOrFail(BulkPaymentEntry, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
      if (change.coreRef && !entry.coreRef) entry.coreRef = change.coreRef;
      if (entry.status !== status && canMove(entry.status, status)) Object.assign(entry, { status, statusReason: change.reason ?? null, updatedAt: new Date() });
      await tx.flush();
      return entry;
    });
  }

  /**
   * Records that a standing order's instalment is due, once: (paymentId, dueDate) is unique, so of
   * several hub instances only the first claims it (null for the others). Written with its event.
   */
  async claimInstalment(payment: Payment, dueDate: string, executionDate: string, id: string): Promise<StandingOrderInstalment | null> {
    try {
      return await this.em.transactional(async (tx) => {
        const now = new Date();
        const instalment = Object.assign(new StandingOrderInstalment(), {
          id, paymentId: payment.id, dueDate, executionDate, status: PaymentStatus.RCVD, statusReason: null, coreRef: null, createdAt: now, updatedAt: now,
        });
        tx.persist(instalment);
        await tx.flush();
        await recordInstalmentEvent(tx, payment, instalment);
        return instalment;
      });
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) return null;
      throw error;
    }
  }

  /** Records the bank's answer for an instalment, with its event (a repeated answer changes nothing). */
  recordInstalmentOutcome(payment: Payment, id: string, status: PaymentStatus, change: { reason?: string | null; coreRef?: string | null }): Promise<StandingOrderInstalment> {
    return this.em.transactional(async (tx) => {
      const instalment = await tx.findOneOrFail(StandingOrderInstalment, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
      if (change.coreRef && !instalment.coreRef) instalment.coreRef = change.coreRef;
      const moved = instalment.status !== status && canMove(instalment.status, status);
      if (moved) Object.assign(instalment, { status, statusReason: change.reason ?? null, updatedAt: new Date() });
      await tx.flush();
      if (moved) await recordInstalmentEvent(tx, payment, instalment);
      return instalment;
    });
  }
}

async function recordInstalmentEvent(tx: EntityManager, payment: Payment, instalment: StandingOrderInstalment): Promise<void> {
  await recordEvent(tx, "payments", {
    type: PAYMENT_INSTALMENT_CHANGED,
    subject: `Payment:${payment.id}`,
    bankId: payment.bankId,
    tppId: payment.tppId,
    psuId: payment.psuId,
    payload: { paymentId: payment.id, instalmentId: instalment.id, dueDate: instalment.dueDate, executionDate: instalment.executionDate, status: instalment.status, reason: instalment.statusReason },
  });
}
