/**
 * @module What the ISO 20022 connector throws when the core could not give an answer: one class, with
 * what failed (refused, timeout, reset, malformed, too large, bad status) so that a resilience layer can
 * tell a retryable failure from a broken core. Business outcomes are never thrown; they are `Result`s.
 * CORE_UNAVAILABLE: the core could not be reached or failed (refused, timeout, reset, 5xx); CORE_BAD_RESPONSE:
 * it answered something that is not what the API promises (malformed, too large, an unexpected status).
 */
import { HubError } from "../../subgraphs/shared/errors.js";

export type TransportFailure = "refused" | "timeout" | "reset" | "connection" | "server-error" | "malformed" | "too-large" | "http-status";

export class CoreTransportError extends HubError {
  readonly failure: TransportFailure;

  constructor(bankId: string, operation: string, failure: TransportFailure, detail: string, cause?: unknown) {
    const broken = failure === "malformed" || failure === "too-large" || failure === "http-status";
    super(broken ? "CORE_BAD_RESPONSE" : "CORE_UNAVAILABLE", `Bank "${bankId}" (ISO 20022 core), ${operation}: ${detail}`, {
      httpStatus: broken ? 502 : 503,
      cause,
      details: { bankId, operation, failure },
    });
    this.name = "CoreTransportError";
    this.failure = failure;
  }
}

/** A document the connector refuses to read: not XML, a DOCTYPE, the wrong message type. */
export class XmlRejectedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "XmlRejectedError";
  }
}
