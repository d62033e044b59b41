/** @module The event types a TPP can subscribe a webhook endpoint to (the outbox event names). */
import { registerEnumType } from "type-graphql";

export enum WebhookEventType {
  CONSENT_STATUS_CHANGED = "consent.status_changed",
  CONSENT_EXPIRING = "consent.expiring",
  PAYMENT_STATUS_CHANGED = "payment.status_changed",
  PAYMENT_INSTALMENT_CHANGED = "payment.instalment_changed",
  TRANSACTION_BOOKED = "transaction.booked",
  BALANCE_CHANGED = "balance.changed",
  TPP_STATUS_CHANGED = "tpp.status_changed",
  SOLUTION_PUBLISHED = "solution.published",
}
registerEnumType(WebhookEventType, {
  name: "WebhookEventType",
  description: "A kind of hub event. Only events that concern the endpoint's own TPP are delivered to it.",
});

export const WEBHOOK_EVENT_TYPES: readonly string[] = Object.values(WebhookEventType);
