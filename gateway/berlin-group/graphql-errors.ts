/**
 * @module Translates the graph's error codes (`extensions.code`) into Berlin Group tppMessages codes
 * and statuses. Where the same refusal has two statuses in the spec, the caller says where the id
 * came from: an unknown id in the path is 403 (consents) or 404 (accounts, payments).
 */
import { BerlinGroupError, type TppMessageCode } from "./errors.js";

export interface GraphQLErrorLike {
  message: string;
  extensions?: Record<string, unknown>;
}

/** How a route names its missing resource: a consent in the path, or any other resource. */
export type NotFoundAs = "CONSENT_UNKNOWN" | "RESOURCE_UNKNOWN";

export const BY_CODE: Readonly<Record<string, TppMessageCode>> = {
  BAD_USER_INPUT: "FORMAT_ERROR",
  GRAPHQL_VALIDATION_FAILED: "FORMAT_ERROR",
  INVALID_IBAN: "FORMAT_ERROR",
  INVALID_AMOUNT: "FORMAT_ERROR",
  UNSUPPORTED_CURRENCY: "FORMAT_ERROR",
  INVALID_ACCESS: "FORMAT_ERROR",
  INVALID_VALID_UNTIL: "FORMAT_ERROR",
  INVALID_FREQUENCY_PER_DAY: "FORMAT_ERROR",
  INVALID_DATE: "FORMAT_ERROR",
  INVALID_CURSOR: "FORMAT_ERROR",
  INVALID_ID: "FORMAT_ERROR",
  IDEMPOTENCY_KEY_REUSED: "FORMAT_ERROR",
  INVALID_DATE_RANGE: "PERIOD_INVALID",
  INVALID_EXECUTION_DATE: "EXECUTION_DATE_INVALID",
  UNAUTHENTICATED: "TOKEN_INVALID",
  TPP_NOT_ACTIVE: "CERTIFICATE_BLOCKED",
  FORBIDDEN: "ROLE_INVALID",
  CONSENT_REQUIRED: "CONSENT_UNKNOWN",
  CONSENT_UNKNOWN: "CONSENT_UNKNOWN",
  CONSENT_INVALID: "CONSENT_INVALID",
  CONSENT_EXPIRED: "CONSENT_EXPIRED",
  PSU_MISMATCH: "PSU_CREDENTIALS_INVALID",
  PSU_ID_REQUIRED: "FORMAT_ERROR",
  SCA_NOT_SUPPORTED: "SERVICE_INVALID",
  TPP_MISMATCH: "CONSENT_INVALID",
  ACCESS_EXCEEDED: "ACCESS_EXCEEDED",
  PSU_CREDENTIALS_INVALID: "PSU_CREDENTIALS_INVALID",
  SCA_METHOD_UNKNOWN: "SCA_METHOD_UNKNOWN",
  ILLEGAL_STATE_TRANSITION: "STATUS_INVALID",
  CONSENT_NOT_AWAITING_AUTHORISATION: "STATUS_INVALID",
  AUTHORISATION_FINISHED: "STATUS_INVALID",
  SCA_STEP_OUT_OF_ORDER: "STATUS_INVALID",
  AUTHORISATION_CHANGED: "STATUS_INVALID",
  PAYMENT_NOT_AWAITING_AUTHORISATION: "STATUS_INVALID",
  PAYMENT_NOT_AWAITING_CANCELLATION_AUTHORISATION: "STATUS_INVALID",
  CANCELLATION_NOT_ALLOWED: "CANCELLATION_INVALID",
  ACCOUNT_BLOCKED: "RESOURCE_BLOCKED",
  NOT_SUPPORTED: "SERVICE_INVALID",
};

/** Codes that only the status tells apart from a success: no body, as the spec says for 500 and 503. */
export class BodylessError extends Error {
  override name = "BodylessError";
  constructor(readonly status: 415 | 500 | 503, message: string) {
    super(message);
  }
}

export function toBerlinGroupError(error: GraphQLErrorLike, notFoundAs: NotFoundAs, notFoundStatus?: number): BerlinGroupError | BodylessError {
  const code = typeof error.extensions?.code === "string" ? error.extensions.code : "INTERNAL_SERVER_ERROR";
  if (code === "CORE_UNAVAILABLE") return new BodylessError(503, error.message);
  if (code.endsWith("_NOT_FOUND")) return new BerlinGroupError(notFoundAs, error.message, { status: notFoundStatus });
  const mapped = BY_CODE[code];
  if (!mapped) return new BodylessError(500, `${code}: ${error.message}`);
  // The graph names its input field; a Berlin Group TPP sends that fact as the PSU-ID header.
  if (error.extensions?.field === "psuId" || code === "PSU_ID_REQUIRED") return new BerlinGroupError("FORMAT_ERROR", "This request needs the PSU, named in the PSU-ID header.", { path: "PSU-ID" });
  return new BerlinGroupError(mapped, error.message);
}
