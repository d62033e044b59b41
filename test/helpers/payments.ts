/** A payment's embedded SCA as the sandbox persona max.musterman performs it, over GraphQL. */
import { SANDBOX_PASSWORD, SANDBOX_SCA_CODE } from "../../connectors/sandbox/personas.js";
import { StartPaymentAuthorisationDocument, UpdatePaymentAuthorisationDocument } from "../operations/generated.js";
import { gql } from "./hub.js";

/** Password, the SMS method, the one-time code: the core is called at the last step, whose answer (errors included) this returns. */
export async function authoriseAsMax(hubUrl: string, paymentId: string, headers?: Record<string, string>) {
  const started = await gql(hubUrl, StartPaymentAuthorisationDocument, { input: { paymentId, psuId: "max.musterman", password: SANDBOX_PASSWORD } }, headers);
  const authorisationId = started.data!.startPaymentAuthorisation.authorisation.id;
  await gql(hubUrl, UpdatePaymentAuthorisationDocument, { input: { paymentId, authorisationId, authenticationMethodId: "sms" } }, headers);
  return gql(hubUrl, UpdatePaymentAuthorisationDocument, { input: { paymentId, authorisationId, scaAuthenticationData: SANDBOX_SCA_CODE } }, headers);
}
