/** @module What travels on the bus: a committed domain event, as the outbox recorded it. */

/** The event types the hub emits. Consumers filter on these names. */
export const EventType = {
  TransactionBooked: "transaction.booked",
  BalanceChanged: "balance.changed",
  PaymentStatusChanged: "payment.status_changed",
  PaymentInstalmentChanged: "payment.instalment_changed",
  ConsentStatusChanged: "consent.status_changed",
  ConsentExpiring: "consent.expiring",
  TppStatusChanged: "tpp.status_changed",
  SolutionPublished: "solution.published",
} as const;

export interface HubEvent {
  /** UUID v7: time-ordered, unique, the key consumers de-duplicate on. */
  id: string;
  /** e.g. "payment.status_changed"; see EventType (marketplace adds solution.* and engagement.*). */
  type: string;
  /** The entity the event is about, as "Type:id" (e.g. "Payment:0193…"). */
  subject: string;
  bankId: string | null;
  tppId: string | null;
  psuId: string | null;
  payload: Record<string, unknown>;
  /** ISO time the state change committed (the outbox row's created_at). */
  occurredAt: string;
}

/** "Payment:0193…" → { typename: "Payment", id: "0193…" }. */
export function subjectKey(subject: string): { typename: string; id: string } {
  const at = subject.indexOf(":");
  return { typename: subject.slice(0, at), id: subject.slice(at + 1) };
}

/** Milliseconds since the epoch encoded in a UUID v7 (its first 48 bits). */
export function idTime(id: string): number {
  return parseInt(id.replaceAll("-", "").slice(0, 12), 16);
}
