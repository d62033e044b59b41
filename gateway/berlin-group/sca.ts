/**
 * @module SCA as Berlin Group shows it: the approach (redirect or embedded) chosen from
 * TPP-Redirect-Preferred and TPP-Redirect-URI, announced in ASPSP-SCA-Approach, and the links an
 * authorisation offers for its next step.
 */
import type { Request } from "express";
import { object, optionalString, type Json } from "./body.js";
import { formatError } from "./errors.js";
import { camelCase } from "./mappers/names.js";
import { booleanHeader, header } from "./request-context.js";

export type ScaApproach = "REDIRECT" | "EMBEDDED";

/** TPP-Redirect-Preferred decides when given; otherwise a TPP-Redirect-URI asks for redirect, its absence for embedded. */
export function scaApproachOf(req: Request): ScaApproach {
  const preferred = booleanHeader(req, "tpp-redirect-preferred");
  if (preferred === true) return "REDIRECT";
  if (preferred === false) return "EMBEDDED";
  return header(req, "tpp-redirect-uri") ? "REDIRECT" : "EMBEDDED";
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

const method = (m: NonNullable<AuthorisationLike["chosenScaMethod"]>) => ({ authenticationType: m.authenticationType, authenticationMethodId: m.authenticationMethodId, name: m.name });

/** The body of an authorisation after a step: its scaStatus, the methods to choose from, and the link to the next step. */
export function authorisationBody(authorisation: AuthorisationLike, authorisationPath: string) {
  const links: Record<string, { href: string }> = { scaStatus: { href: authorisationPath } };
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
