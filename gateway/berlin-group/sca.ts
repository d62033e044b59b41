/**
 * @module SCA as Berlin Group shows it: the approach (redirect, decoupled or embedded) chosen from
 * TPP-Redirect-Preferred, TPP-Decoupled-Preferred and TPP-Redirect-URI, announced in
 * ASPSP-SCA-Approach, and the links an authorisation offers for its next step. Decoupled: the PSU
 * confirms in the bank's app while the TPP polls scaStatus; the sandbox bank's app is the hub's PSU
 * page, whose address the psuMessage gives.
 */
import type { Request } from "express";
import { object, optionalString, type Json } from "./body.js";
import { formatError } from "./errors.js";
import { camelCase } from "./mappers/names.js";
import { booleanHeader, header } from "./request-context.js";

export type ScaApproach = "REDIRECT" | "DECOUPLED" | "EMBEDDED";

/**
 * TPP-Redirect-Preferred: true is redirect; else TPP-Decoupled-Preferred: true is decoupled; else
 * TPP-Redirect-Preferred: false is embedded; with neither, a TPP-Redirect-URI asks for redirect.
 */
export function scaApproachOf(req: Request): ScaApproach {
  const redirect = booleanHeader(req, "tpp-redirect-preferred");
  if (redirect === true) return "REDIRECT";
  if (booleanHeader(req, "tpp-decoupled-preferred") === true) return "DECOUPLED";
  if (redirect === false) return "EMBEDDED";
  return header(req, "tpp-redirect-uri") ? "REDIRECT" : "EMBEDDED";
}

type Links = Record<string, { href: string }>;

/** An authorisation started at once (redirect approach): the hub's page for it, and its status. */
export interface ImplicitStart {
  scaRedirect: string;
  scaStatusPath: string;
  scaStatus: string;
}

/**
 * The links of a new consent, payment or cancellation that awaits its first authorisation: redirect
 * starts one at once and links its page (unless TPP-Explicit-Authorisation-Preferred); otherwise the
 * link to start one, named by what the start still needs from the TPP.
 */
export async function firstAuthorisationLinks(req: Request, approach: ScaApproach, startPath: string, startNow: () => Promise<ImplicitStart>): Promise<{ links: Links; scaStatus?: string }> {
  if (approach === "REDIRECT" && !booleanHeader(req, "tpp-explicit-authorisation-preferred")) {
    const started = await startNow();
    return { links: { scaRedirect: { href: started.scaRedirect }, scaStatus: { href: started.scaStatusPath } }, scaStatus: camelCase(started.scaStatus) };
  }
  const identified = header(req, "psu-id") !== undefined;
  const name = approach === "REDIRECT" ? "startAuthorisation"
    : !identified ? "startAuthorisationWithPsuIdentification"
    : approach === "DECOUPLED" ? "startAuthorisation"
    : "startAuthorisationWithPsuAuthentication";
  return { links: { [name]: { href: startPath } } };
}

/**
 * The 201 body of a started authorisation. Embedded (or any start that carried the password) asks for
 * the next step; redirect links the hub's page; decoupled tells the PSU to confirm in the bank's app
 * and leaves the TPP only scaStatus to poll.
 */
export function startedAuthorisationBody(approach: ScaApproach, step: ScaStep, authorisation: AuthorisationLike, authorisationPath: string, pageHref: string) {
  const body = authorisationBody(authorisation, authorisationPath);
  if (approach === "REDIRECT" && !step.password) {
    delete body._links.updatePsuAuthentication;
    body._links.scaRedirect = { href: pageHref };
  }
  if (approach === "DECOUPLED" && !step.password) {
    const psuMessage = `Please confirm in your bank's app. In this sandbox the bank's app is the page ${pageHref}`;
    return { ...body, _links: { scaStatus: { href: authorisationPath } }, psuMessage, authorisationId: authorisation.id };
  }
  return { ...body, authorisationId: authorisation.id };
}

export function redirectUrisOf(req: Request): { tppRedirectUri?: string; tppNokRedirectUri?: string } {
  const ok = header(req, "tpp-redirect-uri");
  const nok = header(req, "tpp-nok-redirect-uri");
  return { ...(ok ? { tppRedirectUri: ok } : {}), ...(nok ? { tppNokRedirectUri: nok } : {}) };
}

export interface AuthorisationLike {
  id: string;
  scaStatus: string;
  scaMethods?: { authenticationType: string; authenticationMethodId: string; name: string }[] | null;
  chosenScaMethod?: { authenticationType: string; authenticationMethodId: string; name: string } | null;
}

/** One SCA step from a PUT (or POST) body: psuData.password, authenticationMethodId or scaAuthenticationData. */
export interface ScaStep {
  password?: string;
  authenticationMethodId?: string;
  scaAuthenticationData?: string;
}

export function scaStepOf(raw: unknown): ScaStep {
  const body: Json = raw === undefined || raw === null || raw === "" ? {} : object(raw, "body");
  const step: ScaStep = {};
  if (body.psuData !== undefined) {
    const psuData = object(body.psuData, "psuData");
    if (psuData.encryptedPassword !== undefined) throw formatError("Encrypted passwords are not supported; send psuData.password over TLS.", "psuData.encryptedPassword");
    step.password = optionalString(psuData, "password", "psuData.password", 200);
  }
  step.authenticationMethodId = optionalString(body, "authenticationMethodId", "authenticationMethodId", 100);
  step.scaAuthenticationData = optionalString(body, "scaAuthenticationData", "scaAuthenticationData", 100);
  if (body.confirmationCode !== undefined) throw formatError("Authorisation confirmation (confirmationCode) is not used by this ASPSP: the redirect pages finish the SCA.", "confirmationCode");
  const given = [step.password, step.authenticationMethodId, step.scaAuthenticationData].filter((v) => v !== undefined).length;
  if (given > 1) throw formatError("Send one SCA step at a time: psuData, authenticationMethodId or scaAuthenticationData.");
  return step;
}

/** A PUT on an authorisation: its one SCA step, or at least the PSU's identification in PSU-ID. */
export function updateStepOf(req: Request): ScaStep & { psuId?: string } {
  const step = scaStepOf(req.body);
  const psuId = header(req, "psu-id");
  if (!step.password && !step.authenticationMethodId && !step.scaAuthenticationData && !psuId) throw formatError("Send psuData.password, authenticationMethodId or scaAuthenticationData.");
  return { ...step, psuId };
}

const method = (m: NonNullable<AuthorisationLike["chosenScaMethod"]>) => ({ authenticationType: m.authenticationType, authenticationMethodId: m.authenticationMethodId, name: m.name });

/** The body of an authorisation after a step: its scaStatus, the methods to choose from, and the link to the next step. */
export function authorisationBody(authorisation: AuthorisationLike, authorisationPath: string) {
  const links: Links = { scaStatus: { href: authorisationPath } };
  const status = authorisation.scaStatus;
  const several = (authorisation.scaMethods?.length ?? 0) > 1;
  if (status === "RECEIVED" || status === "PSU_IDENTIFIED") links.updatePsuAuthentication = { href: authorisationPath };
  if (status === "PSU_AUTHENTICATED" && several) links.selectAuthenticationMethod = { href: authorisationPath };
  if (status === "SCA_METHOD_SELECTED") links.authoriseTransaction = { href: authorisationPath };
  return {
    scaStatus: camelCase(status),
    ...(status === "PSU_AUTHENTICATED" && authorisation.scaMethods?.length ? { scaMethods: authorisation.scaMethods.map(method) } : {}),
    ...(authorisation.chosenScaMethod ? { chosenScaMethod: method(authorisation.chosenScaMethod) } : {}),
    _links: links,
  };
}
