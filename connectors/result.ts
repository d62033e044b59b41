/** @module Business outcomes of a core call are values; connectors throw only on bugs or transport failure. */
import { HubError } from "../subgraphs/shared/errors.js";

export type RejectionCode =
  | "INSUFFICIENT_FUNDS"
  | "ACCOUNT_NOT_FOUND"
  | "ACCOUNT_BLOCKED"
  | "CURRENCY_MISMATCH"
  | "PAYMENT_NOT_FOUND"
  | "CANCELLATION_NOT_ALLOWED"
  | "NOT_SUPPORTED"
  | "PSU_CREDENTIALS_INVALID"
  | "REJECTED_BY_CORE";

export interface CoreRejection {
  code: RejectionCode;
  message: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: CoreRejection };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });

export const reject = <T = never>(code: RejectionCode, message: string): Result<T> => ({ ok: false, error: { code, message } });

/** What a connector answers for an operation its core cannot do. */
export const notSupported = <T = never>(operation: string): Result<T> =>
  reject("NOT_SUPPORTED", `This bank's core does not support "${operation}".`);

/** What a connector throws for a read its core cannot answer (reads return data, not Results). */
export function notSupportedRead(bankKind: string, operation: string): HubError {
  return new HubError("NOT_SUPPORTED", `A ${bankKind} core does not support "${operation}".`, {
    httpStatus: 501,
    details: { operation },
  });
}
