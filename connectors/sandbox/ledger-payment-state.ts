/** @module Stored payment outcomes: the core's idempotency record, its status and cancellation. */
import type { EntityManager } from "@mikro-orm/core";
import type { CorePaymentStatus, PaymentExecution } from "../contract.js";
import { ok, reject, type RejectionCode, type Result } from "../result.js";
import { sql } from "../../subgraphs/shared/orm.js";
import { recordEntryEvents } from "./ledger-events.js";

interface PaymentRow {
  bank_id: string;
  status: CorePaymentStatus;
  entry_id: string | null;
  reason_code: RejectionCode | null;
  reason: string | null;
}

const SELECT_PAYMENT = `select bank_id, status, entry_id, reason_code, reason from sandbox.payment where payment_ref = ?`;

function execution(row: PaymentRow): PaymentExecution {
  return row.reason_code ? { status: row.status, coreRef: row.entry_id, reason: row.reason_code } : { status: row.status, coreRef: row.entry_id };
}

/** What a repeated executePayment answers: exactly what the first call answered. */
export async function repeatedOutcome(tx: EntityManager, bankId: string, paymentRef: string): Promise<Result<PaymentExecution>> {
  const [row] = await sql<PaymentRow>(tx, SELECT_PAYMENT, [paymentRef]);
  if (!row) throw new Error(`Payment "${paymentRef}" conflicted on insert but cannot be read back.`);
  if (row.bank_id !== bankId) return reject("REJECTED_BY_CORE", `Payment ref "${paymentRef}" is already used by a payment at bank "${row.bank_id}".`);
  if (row.status === "RJCT") return reject(row.reason_code ?? "REJECTED_BY_CORE", row.reason ?? "Payment was rejected.");
  return ok(execution(row));
}

export async function paymentStatus(em: EntityManager, bankId: string, paymentRef: string): Promise<Result<PaymentExecution>> {
  const [row] = await sql<PaymentRow>(em, `${SELECT_PAYMENT} and bank_id = ?`, [paymentRef, bankId]);
  if (!row) return reject("PAYMENT_NOT_FOUND", `No payment with ref "${paymentRef}" at this bank.`);
  return ok(execution(row));
}

/** Only a future-dated (pending, ACSP) payment can be cancelled; cancelling it again answers CANC again. */
export function cancelPayment(em: EntityManager, bankId: string, paymentRef: string, today: string): Promise<Result<PaymentExecution>> {
  return em.transactional(async (tx) => {
    const [row] = await sql<PaymentRow>(tx, `${SELECT_PAYMENT} and bank_id = ? for update`, [paymentRef, bankId]);
    if (!row) return reject("PAYMENT_NOT_FOUND", `No payment with ref "${paymentRef}" at this bank.`);
    if (row.status === "CANC") return ok(execution(row));
    if (row.status !== "ACSP" || !row.entry_id) {
      const message = `Payment "${paymentRef}" is in status ${row.status}; only a future-dated payment (ACSP) can be cancelled.`;
      return reject("CANCELLATION_NOT_ALLOWED", message);
    }
    const cancelled = await sql(tx, `update sandbox.entry set status = 'cancelled' where id = ? and status = 'pending' returning id`, [row.entry_id]);
    if (cancelled.length > 0) await recordEntryEvents(tx, row.entry_id, "cancelled", today);
    await sql(tx, `update sandbox.payment set status = 'CANC', updated_at = now() where payment_ref = ?`, [paymentRef]);
    return ok({ status: "CANC", coreRef: row.entry_id });
  });
}
