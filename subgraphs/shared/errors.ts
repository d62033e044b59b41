/** @module Errors every subgraph shares: one class, a stable code, the HTTP status it maps to. */
import { GraphQLError } from "graphql";

export class HubError extends GraphQLError {
  readonly code: string;
  readonly httpStatus: number;

  constructor(code: string, message: string, options: { httpStatus?: number; cause?: unknown; details?: Record<string, unknown> } = {}) {
    super(message, {
      originalError: options.cause instanceof Error ? options.cause : undefined,
      extensions: { code, ...options.details },
    });
    this.name = "HubError";
    this.code = code;
    this.httpStatus = options.httpStatus ?? 400;
  }
}

/** Codes shared across domains; each subgraph adds its own in its errors.ts. */
export const commonErrors = {
  badInput: (message: string, details?: Record<string, unknown>) => new HubError("BAD_USER_INPUT", message, { details }),
  notFound: (what: string, id: string) =>
    new HubError(`${what.toUpperCase().replace(/[^A-Z0-9]+/g, "_")}_NOT_FOUND`, `No ${what} with id "${id}".`, { httpStatus: 404, details: { id } }),
  illegalTransition: (what: string, from: string, to: string) =>
    new HubError("ILLEGAL_STATE_TRANSITION", `A ${what} in status ${from} cannot move to ${to}.`, {
      httpStatus: 409,
      details: { from, to },
    }),
  forbidden: (message: string) => new HubError("FORBIDDEN", message, { httpStatus: 403 }),
  coreUnavailable: (bankId: string, cause?: unknown) =>
    new HubError("CORE_UNAVAILABLE", `The core banking system of bank "${bankId}" is not reachable; try again later.`, {
      httpStatus: 503,
      cause,
      details: { bankId },
    }),
};
