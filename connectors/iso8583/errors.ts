/**
 * @module What the ISO 8583 connector throws when the switch cannot be used: connection failures,
 * timeouts, malformed responses, "issuer unavailable" answers (91, 96) and declined reads. Each is a 5xx HubError, so the
 * resilience layer counts it against the bank's circuit; business outcomes are never thrown.
 */
import { HubError } from "../../subgraphs/shared/errors.js";

export type Iso8583FailureCode = "CORE_CONNECTION_FAILED" | "CORE_TIMEOUT" | "CORE_MALFORMED_RESPONSE" | "CORE_UNAVAILABLE" | "CORE_DECLINED";

const HTTP_STATUS: Record<Iso8583FailureCode, number> = {
  CORE_CONNECTION_FAILED: 503,
  CORE_TIMEOUT: 504,
  CORE_MALFORMED_RESPONSE: 502,
  CORE_UNAVAILABLE: 503,
  /** The switch answered a read with a response code that is neither data nor "unknown account". */
  CORE_DECLINED: 502,
};

export class Iso8583TransportError extends HubError {
  constructor(
    code: Iso8583FailureCode,
    message: string,
    /** Whether the request was written to the socket, so that the switch may have acted on it. */
    readonly requestSent: boolean,
    cause?: unknown,
  ) {
    super(code, message, { httpStatus: HTTP_STATUS[code], cause, details: { requestSent } });
    this.name = "Iso8583TransportError";
  }
}
