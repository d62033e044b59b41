/**
 * @module Who initiates or manages a payment. Until authentication arrives the caller is usually
 * anonymous, so an explicit tppId/psuId input stands in for it (the sandbox/interim path). The auth
 * issue changes only this file.
 */
import type { Caller } from "../shared/context.js";
import { requireAuthenticated } from "../shared/authz.js";
import { commonErrors } from "../shared/errors.js";
import { assertUuid } from "../shared/ids.js";
import { paymentErrors } from "./errors.js";

/** The TPP acting, or undefined when neither the caller nor the input names one. */
export function actingTppId(caller: Caller, inputTppId?: string | null): string | undefined {
  requireAuthenticated(caller);
  if (caller.tppId) {
    const own = assertUuid(caller.tppId, "caller tppId");
    if (inputTppId && assertUuid(inputTppId, "tppId") !== own) throw commonErrors.forbidden("A TPP acts only for itself; tppId must be the signed-in TPP or be left out.");
    return own;
  }
  return inputTppId ? assertUuid(inputTppId, "tppId") : undefined;
}

/** The TPP initiating a payment: required. */
export function initiatingTppId(caller: Caller, inputTppId?: string | null): string {
  if (caller.kind === "tpp" && !caller.scopes.includes("payments")) {
    throw commonErrors.forbidden("Initiating payments needs the PISP role (token scope payments).");
  }
  const tppId = actingTppId(caller, inputTppId);
  if (!tppId) throw paymentErrors.tppRequired();
  return tppId;
}

export function actingPsuId(caller: Caller, inputPsuId?: string | null): string | null {
  const psuId = caller.psuId ?? inputPsuId?.trim() ?? null;
  return psuId || null;
}

export interface PaymentScope {
  tppId?: string;
  psuId?: string;
}

/** Whose payments the caller may see: a TPP its own, a PSU theirs; operators and the hub all. */
export function visiblePayments(caller: Caller): PaymentScope {
  requireAuthenticated(caller);
  if (caller.kind === "tpp") return { tppId: assertUuid(caller.tppId!, "caller tppId") };
  if (caller.kind === "psu") return { psuId: caller.psuId! };
  return {};
}

export function isVisible(payment: { tppId: string; psuId: string | null }, scope: PaymentScope): boolean {
  return (!scope.tppId || payment.tppId === scope.tppId) && (!scope.psuId || payment.psuId === scope.psuId);
}
