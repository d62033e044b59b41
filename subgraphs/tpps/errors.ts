/** @module Error codes of the TPP registry. */
import { commonErrors, HubError } from "../shared/errors.js";

export const tppErrors = {
  notFound: (id: string) => commonErrors.notFound("TPP", id),
  duplicateAuthorisation: (number: string) =>
    new HubError("TPP_ALREADY_REGISTERED", `A TPP with authorisation number "${number}" is already registered.`, {
      httpStatus: 409,
      details: { authorisationNumber: number },
    }),
  duplicateClientId: (clientId: string) =>
    new HubError("CLIENT_ID_TAKEN", `OAuth client id "${clientId}" is already used by another application.`, { httpStatus: 409 }),
  invalidJwks: (reason: string) =>
    new HubError("INVALID_JWKS", `jwks must be a JSON Web Key Set of public keys: ${reason}.`, { details: { reason } }),
  invalidRedirectUri: (uri: string) =>
    new HubError("INVALID_REDIRECT_URI", `Redirect URI "${uri}" must be an absolute https URL (http only for localhost).`, {
      details: { uri },
    }),
};
