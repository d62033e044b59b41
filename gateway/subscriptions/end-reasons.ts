/**
 * @module Why the hub ends a subscription: each reason is a GraphQL error code the client receives in
 * the graphql-ws `error` message that ends the operation (graphql-ws copies the error's extensions).
 */
import { GraphQLError } from "graphql";

export type EndReason =
  | "CONSENT_REVOKED" // the PSU revoked the consent, or the TPP terminated it
  | "CONSENT_EXPIRED" // validUntil passed
  | "CONSENT_INVALID" // the consent is in no state that grants access (rejected, …)
  | "SUBSCRIBER_TOO_SLOW" // the client did not read fast enough and its buffer filled
  | "EVENT_CURSOR_EXPIRED" // `after` names an event the hub no longer holds
  | "TPP_NOT_ACTIVE" // the subscriber's TPP was suspended or revoked
  | "TOKEN_EXPIRED" // the access token the connection was opened with expired (the socket closes with 4401)
  | "UNAUTHENTICATED"
  | "EVENTS_UNAVAILABLE"; // the bus connection ended

export class SubscriptionEnded extends GraphQLError {
  constructor(
    readonly reason: EndReason,
    message: string,
  ) {
    super(message, { extensions: { code: reason } });
    this.name = "SubscriptionEnded";
  }
}

/** The reason a consent moving to `status` ends subscriptions made under it; undefined unless the status is final. */
export function consentEndReason(status: string): EndReason | undefined {
  if (status === "expired") return "CONSENT_EXPIRED";
  if (status === "revokedByPsu" || status === "terminatedByTpp") return "CONSENT_REVOKED";
  if (status === "rejected") return "CONSENT_INVALID";
  return undefined;
}

/** A query error that means the subscriber's consent no longer grants anything: the subscription ends with it. */
export function consentErrorReason(code: unknown): EndReason | undefined {
  if (code === "CONSENT_EXPIRED") return "CONSENT_EXPIRED";
  if (code === "CONSENT_INVALID" || code === "CONSENT_UNKNOWN") return "CONSENT_INVALID";
  return undefined;
}
