/**
 * @module Who may ask whether funds are available: a TPP with the PIISP role (token scope
 * fundsconfirmation), under its own valid PIIS consent when it names one; operators and the hub itself.
 */
import type { Caller } from "../shared/context.js";
import { requireAuthenticated } from "../shared/authz.js";
import { HubError } from "../shared/errors.js";

export function fundsConfirmationProblem(caller: Caller, today: string): HubError | null {
  requireAuthenticated(caller);
  if (caller.kind === "operator" || caller.kind === "system") return null;
  if (caller.kind !== "tpp" || !caller.scopes.includes("fundsconfirmation")) {
    return new HubError("FORBIDDEN", "Confirmation of funds needs the PIISP role (token scope fundsconfirmation).", { httpStatus: 403 });
  }
  const consent = caller.consent;
  if (!consent) return null;
  if (consent.tppId !== caller.tppId || consent.type !== "PIIS") {
    return new HubError("CONSENT_INVALID", "The consent named is not a PIIS consent of this TPP.", { httpStatus: 401 });
  }
  if (consent.status === "expired" || (consent.status === "valid" && consent.validUntil < today)) {
    return new HubError("CONSENT_EXPIRED", `The consent expired (valid until ${consent.validUntil}).`, { httpStatus: 401 });
  }
  if (consent.status !== "valid") return new HubError("CONSENT_INVALID", `The consent is ${consent.status}, not valid.`, { httpStatus: 401 });
  return null;
}
