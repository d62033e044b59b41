/** @module Error codes of the consents subgraph. */
import { commonErrors, HubError } from "../shared/errors.js";

export const consentErrors = {
  /** CONSENT_NOT_FOUND */
  notFound: (id: string) => commonErrors.notFound("consent", id),
  /** CONSENT_AUTHORISATION_NOT_FOUND */
  authorisationNotFound: (id: string) => commonErrors.notFound("consent authorisation", id),
  invalidIban: (iban: string, field: string) =>
    new HubError("INVALID_IBAN", `${field}: "${iban}" is not a valid IBAN (check the country code, length and check digits).`, {
      details: { iban, field },
    }),
  invalidAccess: (message: string) => new HubError("INVALID_ACCESS", message),
  invalidValidUntil: (validUntil: string, message: string) =>
    new HubError("INVALID_VALID_UNTIL", `validUntil "${validUntil}" ${message}`, { details: { validUntil } }),
  invalidFrequency: (frequencyPerDay: number, message: string) =>
    new HubError("INVALID_FREQUENCY_PER_DAY", `frequencyPerDay ${frequencyPerDay} ${message}`, { details: { frequencyPerDay } }),
  notAwaitingAuthorisation: (id: string, status: string) =>
    new HubError("CONSENT_NOT_AWAITING_AUTHORISATION", `Consent "${id}" is ${status}; only RECEIVED or PARTIALLY_AUTHORISED consents take authorisations.`, {
      httpStatus: 409,
      details: { id, status },
    }),
  psuMismatch: (psuId: string) =>
    new HubError("PSU_MISMATCH", `PSU "${psuId}" is not the PSU of this consent.`, { httpStatus: 403, details: { psuId } }),
  tppMismatch: (tppId: string) =>
    new HubError("TPP_MISMATCH", `TPP "${tppId}" did not create this consent.`, { httpStatus: 403, details: { tppId } }),
  identityRequired: (field: "tppId" | "psuId") =>
    commonErrors.badInput(`${field} is required: the caller carries no ${field === "tppId" ? "TPP" : "PSU"} identity (give ${field} in the input).`, { field }),
  invalidCursor: (cursor: string) => new HubError("INVALID_CURSOR", `Cursor "${cursor}" is not one this API returned.`, { details: { cursor } }),
  invalidPsuId: (psuId: string) => commonErrors.badInput(`psuId "${psuId}" is not a PSU login such as "max.musterman".`, { psuId }),
};
