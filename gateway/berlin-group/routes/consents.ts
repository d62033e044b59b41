/**
 * @module AIS consents: POST /v1/consents, GET/DELETE /v1/consents/{consentId}, …/status, and the
 * authorisation sub-resources (start, list, scaStatus, PUT one SCA step).
 */
import { Router } from "express";
import { BerlinGroupError, formatError } from "../errors.js";
import { consentPath, consentRequestOf, toConsentInformation } from "../mappers/consents.js";
import { camelCase } from "../mappers/names.js";
import {
  ConsentAuthorisationsDocument,
  ConsentInformationDocument,
  CreateConsentDocument,
  DeleteConsentDocument,
  StartConsentAuthorisationDocument,
  UpdateConsentAuthorisationDocument,
} from "../operations/generated.js";
import { booleanHeader, header, requireScope, type RequestContext } from "../request-context.js";
import { param, route, sendJson } from "../route.js";
import { authorisationBody, redirectUrisOf, scaApproachOf, scaStepOf } from "../sca.js";

const authorisationPath = (consentId: string, authorisationId: string) => `${consentPath(consentId)}/authorisations/${encodeURIComponent(authorisationId)}`;
/** The hub's page where the PSU authorises (redirect approach). */
const scaRedirectOf = (ctx: RequestContext, consentId: string, authorisationId: string) =>
  `${ctx.origin}/oauth/sca/consents/${encodeURIComponent(consentId)}/authorisations/${encodeURIComponent(authorisationId)}`;

const notFound = { notFoundAs: "CONSENT_UNKNOWN" as const };

function consentIdOf(req: Parameters<typeof param>[0]): string {
  const id = param(req, "consentId");
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw new BerlinGroupError("CONSENT_UNKNOWN", `No consent "${id}".`);
  return id;
}

async function aisConsent(ctx: RequestContext, id: string) {
  const { consent } = await ctx.execute(ConsentInformationDocument, { id }, notFound);
  if (!consent || consent.type !== "AIS") throw new BerlinGroupError("CONSENT_UNKNOWN", `No AIS consent "${id}" of this TPP.`);
  return consent;
}

async function authorisationsOf(ctx: RequestContext, id: string) {
  const { consent } = await ctx.execute(ConsentAuthorisationsDocument, { id }, notFound);
  if (!consent || consent.type !== "AIS") throw new BerlinGroupError("CONSENT_UNKNOWN", `No AIS consent "${id}" of this TPP.`);
  return consent.authorisations;
}

export function consentRoutes(): Router {
  const router = Router();

  router.post("/consents", route(async (ctx, req, res) => {
    requireScope(ctx, "accounts");
    const request = consentRequestOf(req.body);
    const psuId = header(req, "psu-id");
    const approach = scaApproachOf(req);
    const created = await ctx.execute(CreateConsentDocument, {
      input: { type: "AIS", psuId, bankId: ctx.bankId, ...redirectUrisOf(req), ...request },
    });
    const { id, status } = created.createConsent.consent;
    const links: Record<string, { href: string }> = { self: { href: consentPath(id) }, status: { href: `${consentPath(id)}/status` } };
    let scaStatus: string | undefined;
    if (approach === "REDIRECT" && !booleanHeader(req, "tpp-explicit-authorisation-preferred")) {
      const started = await ctx.execute(StartConsentAuthorisationDocument, { input: { consentId: id, psuId } }, notFound);
      const authorisation = started.startConsentAuthorisation.authorisation;
      links.scaRedirect = { href: scaRedirectOf(ctx, id, authorisation.id) };
      links.scaStatus = { href: authorisationPath(id, authorisation.id) };
      scaStatus = camelCase(authorisation.scaStatus);
    } else if (approach === "REDIRECT") {
      links.startAuthorisation = { href: `${consentPath(id)}/authorisations` };
    } else {
      links[psuId ? "startAuthorisationWithPsuAuthentication" : "startAuthorisationWithPsuIdentification"] = { href: `${consentPath(id)}/authorisations` };
    }
    sendJson(res, 201, { consentStatus: camelCase(status), consentId: id, ...(scaStatus ? { scaStatus } : {}), _links: links }, {
      "X-Request-ID": ctx.requestId,
      Location: consentPath(id),
      "ASPSP-SCA-Approach": approach,
    });
  }));

  router.get("/consents/:consentId", route(async (ctx, req, res) => {
    requireScope(ctx, "accounts");
    sendJson(res, 200, toConsentInformation(await aisConsent(ctx, consentIdOf(req))), { "X-Request-ID": ctx.requestId });
  }));

  router.get("/consents/:consentId/status", route(async (ctx, req, res) => {
    requireScope(ctx, "accounts");
    const consent = await aisConsent(ctx, consentIdOf(req));
    sendJson(res, 200, { consentStatus: camelCase(consent.status) }, { "X-Request-ID": ctx.requestId });
  }));

  router.delete("/consents/:consentId", route(async (ctx, req, res) => {
    requireScope(ctx, "accounts");
    const id = consentIdOf(req);
    await aisConsent(ctx, id);
    await ctx.execute(DeleteConsentDocument, { consentId: id }, notFound);
    res.setHeader("X-Request-ID", ctx.requestId);
    res.status(204).end();
  }));

  router.post("/consents/:consentId/authorisations", route(async (ctx, req, res) => {
    requireScope(ctx, "accounts");
    const id = consentIdOf(req);
    await aisConsent(ctx, id);
    const step = scaStepOf(req.body);
    const approach = scaApproachOf(req);
    const started = await ctx.execute(StartConsentAuthorisationDocument, { input: { consentId: id, psuId: header(req, "psu-id"), ...step } }, notFound);
    const authorisation = started.startConsentAuthorisation.authorisation;
    const body = authorisationBody(authorisation, authorisationPath(id, authorisation.id));
    if (approach === "REDIRECT" && !step.password) {
      delete (body._links as Record<string, unknown>).updatePsuAuthentication;
      (body._links as Record<string, { href: string }>).scaRedirect = { href: scaRedirectOf(ctx, id, authorisation.id) };
    }
    sendJson(res, 201, { ...body, authorisationId: authorisation.id }, {
      "X-Request-ID": ctx.requestId,
      Location: authorisationPath(id, authorisation.id),
      "ASPSP-SCA-Approach": approach,
    });
  }));

  router.get("/consents/:consentId/authorisations", route(async (ctx, req, res) => {
    requireScope(ctx, "accounts");
    const authorisations = await authorisationsOf(ctx, consentIdOf(req));
    sendJson(res, 200, { authorisationIds: authorisations.map((a) => a.id) }, { "X-Request-ID": ctx.requestId });
  }));

  router.get("/consents/:consentId/authorisations/:authorisationId", route(async (ctx, req, res) => {
    requireScope(ctx, "accounts");
    const id = consentIdOf(req);
    const authorisationId = param(req, "authorisationId");
    const authorisation = (await authorisationsOf(ctx, id)).find((a) => a.id === authorisationId);
    if (!authorisation) throw new BerlinGroupError("RESOURCE_UNKNOWN", `No authorisation "${authorisationId}" of consent ${id}.`, { status: 403 });
    sendJson(res, 200, { scaStatus: camelCase(authorisation.scaStatus) }, { "X-Request-ID": ctx.requestId });
  }));

  router.put("/consents/:consentId/authorisations/:authorisationId", route(async (ctx, req, res) => {
    requireScope(ctx, "accounts");
    const id = consentIdOf(req);
    const authorisationId = param(req, "authorisationId");
    if (!/^[0-9a-f-]{36}$/i.test(authorisationId)) throw new BerlinGroupError("RESOURCE_UNKNOWN", `No authorisation "${authorisationId}".`, { status: 403 });
    await aisConsent(ctx, id);
    const step = scaStepOf(req.body);
    const psuId = header(req, "psu-id");
    if (!step.password && !step.authenticationMethodId && !step.scaAuthenticationData && !psuId) throw formatError("Send psuData.password, authenticationMethodId or scaAuthenticationData.");
    const updated = await ctx.execute(UpdateConsentAuthorisationDocument, { input: { consentId: id, authorisationId, psuId, ...step } }, notFound);
    const authorisation = updated.updateConsentAuthorisation.authorisation;
    sendJson(res, 200, authorisationBody(authorisation, authorisationPath(id, authorisation.id)), { "X-Request-ID": ctx.requestId });
  }));

  return router;
}
