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

/** Apollo Server's formatError: drop stack traces and keep only what a client can act on. */
export function formatError(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const { stacktrace: _stacktrace, exception: _exception, ...extensions } = (formatted.extensions ?? {}) as Record<string, unknown>;
  return { ...formatted, extensions };
}
