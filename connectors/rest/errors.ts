/**
 * @module What a REST core call throws when the core, not the business, failed: a HubError with
 * code CORE_UNAVAILABLE (a 5xx, so the resilience layer counts it), saying what went wrong.
 */
import { HubError } from "../../subgraphs/shared/errors.js";

export type RestFailure =
  /** No TCP connection (refused, unknown host, unreachable). */
  | "refused"
  /** The connection broke before a whole answer arrived. */
  | "reset"
  | "timeout"
  | "too-large"
  /** The body is not JSON. */
  | "malformed"
  /** JSON, but not the shape or types the mapping expects. */
  | "bad-answer"
  /** An HTTP status the operation cannot turn into data or a business outcome. */
  | "status";

const STATUS: Record<RestFailure, number> = { refused: 503, reset: 503, timeout: 504, "too-large": 502, malformed: 502, "bad-answer": 502, status: 502 };

export class RestCoreError extends HubError {
  constructor(
    readonly failure: RestFailure,
    /** What failed, without the bank and operation. */
    readonly detail: string,
    readonly where: { bankId: string; operation: string; status?: number },
    cause?: unknown,
  ) {
    super("CORE_UNAVAILABLE", `REST core of bank "${where.bankId}", ${where.operation}: ${detail}`, {
      httpStatus: STATUS[failure],
      cause,
      details: { bankId: where.bankId, operation: where.operation, failure, ...(where.status ? { coreStatus: where.status } : {}) },
    });
    this.name = "RestCoreError";
  }
}

/** Whether the core may have received (and acted on) the request before it failed. */
export const mayHaveArrived = (error: unknown) => error instanceof RestCoreError && error.failure !== "refused";
