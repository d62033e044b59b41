/**
 * @module Who may ask whether funds are available: a TPP with the PIISP role (token scope
 * fundsconfirmation) under its own valid PIIS consent for the account; operators and the hub itself.
 */
import type { Caller } from "../shared/context.js";
import { requireAuthenticated } from "../shared/authz.js";
import { HubError } from "../shared/errors.js";
import { consentProblem } from "../shared/account-access.js";

export function fundsConfirmationProblem(caller: Caller, today: string): HubError | null {
  requireAuthenticated(caller);
  if (caller.kind === "operator" || caller.kind === "system") return null;
  if (caller.kind !== "tpp" || !caller.scopes.includes("fundsconfirmation")) {
    return new HubError("FORBIDDEN", "Confirmation of funds needs the PIISP role (token scope fundsconfirmation).", { httpStatus: 403 });
  }
  return consentProblem(caller, today, "PIIS");
}

/** Under a PIIS consent, only its account, and only while it belongs to the consent's PSU. */
export function fundsAccountProblem(caller: Caller, account: { iban: string; psuIds: string[] }): HubError | null {
  const consent = caller.kind === "tpp" ? caller.consent : undefined;
  if (!consent) return null;
  if (consent.fundsAccount !== account.iban || !consent.psuId || !account.psuIds.includes(consent.psuId)) {
    return new HubError("CONSENT_INVALID", `The consent does not cover the funds of ${account.iban}.`, { httpStatus: 401 });
  }
  return null;
}
