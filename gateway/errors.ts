/** @module Errors that leave the hub: expected ones keep their code, unexpected ones are logged and masked. */
import { GraphQLError, type GraphQLFormattedError } from "graphql";
import type { Logger } from "pino";

/** An error with no code of ours (a bug, a driver failure) becomes a generic one; the detail goes to the log. */
export function maskUnexpectedError(error: GraphQLError, logger: Logger, where: string): GraphQLError {
  const original = error.originalError;
  if (!original || original instanceof GraphQLError) return error;
  logger.error({ err: original, where, path: error.path }, "unexpected error in resolver");
  return new GraphQLError("Internal error; it has been logged.", {
    path: error.path,
    extensions: { code: "INTERNAL_SERVER_ERROR" },
  });
}

/**
 * Apollo Server's formatError: no stack traces, and a validation rule's own code (QUERY_TOO_DEEP, …)
 * wins over the generic GRAPHQL_VALIDATION_FAILED that Apollo Server stamps on every validation error.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const { stacktrace: _stacktrace, exception: _exception, ...extensions } = (formatted.extensions ?? {}) as Record<string, unknown>;
  const original = error instanceof GraphQLError ? error.originalError : undefined;
  const ownCode = original instanceof GraphQLError ? original.extensions?.code : undefined;
  if (extensions.code === "GRAPHQL_VALIDATION_FAILED" && typeof ownCode === "string") extensions.code = ownCode;
  return { ...formatted, extensions };
}
