/** @module The payment status machine (ISO 20022 codes): which status may follow which, and when a TPP may cancel. */
import { commonErrors } from "../shared/errors.js";
import { PaymentStatus as S } from "./entities/payment-enums.js";

const NEXT: Record<S, readonly S[]> = {
  [S.RCVD]: [S.PDNG, S.ACTC, S.ACCP, S.ACSP, S.ACSC, S.ACWC, S.PATC, S.PART, S.RJCT, S.CANC],
  [S.PDNG]: [S.ACTC, S.ACCP, S.ACSP, S.ACSC, S.ACWC, S.PART, S.RJCT, S.CANC],
  [S.PATC]: [S.ACTC, S.RJCT, S.CANC],
  [S.ACTC]: [S.PDNG, S.ACCP, S.ACSP, S.ACSC, S.ACWC, S.PART, S.RJCT, S.CANC],
  [S.ACCP]: [S.ACSP, S.ACSC, S.ACWC, S.RJCT, S.CANC],
  [S.ACWC]: [S.ACSP, S.ACSC, S.RJCT],
  [S.ACSP]: [S.ACSC, S.PART, S.RJCT, S.CANC],
  [S.PART]: [],
  [S.ACSC]: [],
  [S.RJCT]: [],
  [S.CANC]: [],
};

/** Statuses from which a TPP may ask to cancel (ACSP only before its execution date). */
const CANCELLABLE: readonly S[] = [S.RCVD, S.PDNG, S.ACTC, S.ACSP];
/** A standing order is cancellable until it ends: the hub holds it, instalments already executed stay. */
const STANDING_ORDER_CANCELLABLE: readonly S[] = [S.RCVD, S.PDNG, S.ACTC, S.ACCP];

/** Statuses in which the core's outcome is still unknown, so a replay or a status read asks the core again. */
const AWAITING_CORE: readonly S[] = [S.RCVD, S.PDNG];

export function canMove(from: S, to: S): boolean {
  return NEXT[from].includes(to);
}

export function assertMove(from: S, to: S): void {
  if (!canMove(from, to)) throw commonErrors.illegalTransition("payment", from, to);
}

export function isFinal(status: S): boolean {
  return NEXT[status].length === 0;
}

export function awaitsCore(status: S): boolean {
  return AWAITING_CORE.includes(status);
}

export type CancelCheck = { ok: true } | { ok: false; code: "ILLEGAL_STATE_TRANSITION" | "CANCELLATION_NOT_ALLOWED"; message: string };

/** Whether the hub may ask the core to cancel a payment in `status`, executing on `executionDate`, on `today`. */
export function cancelCheck(status: S, executionDate: string | null, today: string): CancelCheck {
  if (!CANCELLABLE.includes(status)) {
    return isFinal(status)
      ? { ok: false, code: "ILLEGAL_STATE_TRANSITION", message: `A payment in status ${status} cannot move to ${S.CANC}.` }
      : { ok: false, code: "CANCELLATION_NOT_ALLOWED", message: `A payment in status ${status} can no longer be cancelled.` };
  }
  if (status === S.ACSP && (executionDate === null || executionDate <= today)) {
    return { ok: false, code: "CANCELLATION_NOT_ALLOWED", message: `The payment is being executed${executionDate ? ` (execution date ${executionDate})` : ""}; only a future-dated payment can be cancelled.` };
  }
  return { ok: true };
}

/** Whether the hub may end a standing order in `status` (no bank call: the bank holds no order for it). */
export function standingOrderCancelCheck(status: S): CancelCheck {
  if (STANDING_ORDER_CANCELLABLE.includes(status)) return { ok: true };
  return isFinal(status)
    ? { ok: false, code: "ILLEGAL_STATE_TRANSITION", message: `A standing order in status ${status} cannot move to ${S.CANC}.` }
    : { ok: false, code: "CANCELLATION_NOT_ALLOWED", message: `A standing order in status ${status} can no longer be cancelled.` };
}

/**
 * A bulk's status from its entries' (Berlin Group): while the bank has not answered for some, PDNG;
 * all alike, that status; some rejected and the others accepted, PART; otherwise accepted, ACSP.
 */
export function bulkStatusOf(entries: readonly S[]): S {
  if (entries.some(awaitsCore)) return S.PDNG;
  if (entries.every((s) => s === entries[0])) return entries[0]!;
  if (entries.some((s) => s === S.RJCT)) return S.PART;
  return S.ACSP;
}
