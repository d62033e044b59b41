/**
 * @module Interim identity: who may act on the marketplace, until authentication lands. A TPP caller
 * acts as itself (its own solutions only); anonymous callers use the sandbox path (ids from input).
 * The authentication issue changes this file and nothing else.
 */
import { requireAuthenticated, requireOperator } from "../shared/authz.js";
import type { Caller } from "../shared/context.js";
import { commonErrors } from "../shared/errors.js";
import { assertUuid } from "../shared/ids.js";

/** The TPP that offers a new solution: the calling TPP, else the interim `vendorId` input. */
export function vendorFor(caller: Caller, inputVendorId: string | null | undefined): string {
  requireAuthenticated(caller);
  const fromInput = inputVendorId ? assertUuid(inputVendorId, "vendorId") : undefined;
  if (caller.tppId) {
    if (fromInput && fromInput !== caller.tppId.toLowerCase()) throw commonErrors.forbidden("A TPP can list solutions only under its own id; leave out vendorId.");
    return caller.tppId.toLowerCase();
  }
  if (!fromInput) throw commonErrors.badInput('"vendorId" is required (the vendor TPP id) while the caller is not an authenticated TPP.', { field: "vendorId" });
  return fromInput;
}

/** A TPP may edit and submit only its own solutions. */
export function assertVendorOf(caller: Caller, vendorId: string): void {
  if (caller.kind === "tpp" && caller.tppId?.toLowerCase() !== vendorId) throw commonErrors.forbidden("This solution belongs to another TPP.");
}

/** Curation is the hub operator's; a TPP cannot curate, not even its own listing. */
export function curatorOf(caller: Caller): string {
  requireOperator(caller, "curate solutions");
  return caller.kind === "operator" && caller.psuId ? `operator:${caller.psuId}` : "operator:sandbox";
}

/** Subscriptions and reviews are a bank's business; a TPP cannot subscribe to or rate solutions. */
export function assertBankSide(caller: Caller): void {
  requireAuthenticated(caller);
  if (caller.kind === "tpp") throw commonErrors.forbidden("TPPs cannot subscribe to or review marketplace solutions; banks do.");
}
