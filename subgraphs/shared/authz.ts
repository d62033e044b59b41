/** @module Checks on the caller that every subgraph shares; domain rules stay in each subgraph. */
import type { Caller } from "./context.js";
import { HubError } from "./errors.js";

export function requireAuthenticated(caller: Caller): void {
  if (caller.kind === "anonymous") {
    throw new HubError("UNAUTHENTICATED", "This needs an access token: send Authorization: Bearer <token> from the hub's /oauth/token.", { httpStatus: 401 });
  }
}

/** Bank staff (operator scope) and the hub itself. */
export function isOperator(caller: Caller): boolean {
  return caller.kind === "operator" || caller.kind === "system";
}

export function requireOperator(caller: Caller, action: string): void {
  requireAuthenticated(caller);
  if (!isOperator(caller)) throw new HubError("FORBIDDEN", `Only a hub operator can ${action}.`, { httpStatus: 403 });
}

/** The operator, or the TPP itself. */
export function requireOperatorOrTpp(caller: Caller, tppId: string, action: string): void {
  requireAuthenticated(caller);
  if (!isOperator(caller) && caller.tppId !== tppId) throw new HubError("FORBIDDEN", `Only the TPP itself or an operator can ${action}.`, { httpStatus: 403 });
}
