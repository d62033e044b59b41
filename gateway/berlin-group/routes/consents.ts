/**
 * @module Consents: AIS at /v1/consents and confirmation of funds at /v2/consents/confirmation-of-funds
 * (the PIIS extension): create, GET, …/status, DELETE, and the authorisation sub-resources (start, list,
 * scaStatus, PUT one SCA step). Both kinds share everything but their body and the role they need.
 */
import { Router } from "express";
import { BerlinGroupError, formatError } from "../errors.js";
import { consentPath, consentRequestOf, fundsConsentPath, fundsConsentRequestOf, toConsentInformation, toFundsConsentInformation } from "../mappers/consents.js";
import { camelCase } from "../mappers/names.js";
import {
  ConsentAuthorisationsDocument,
  ConsentInformationDocument,
  CreateConsentDocument,
  DeleteConsentDocument,
  StartConsentAuthorisationDocument,
  UpdateConsentAuthorisationDocument,
  type ConsentFieldsFragment,
  type ConsentType,
  type CreateConsentInput,
} from "../operations/generated.js";
import { header, isUuid, requireScope, type RequestContext } from "../request-context.js";
import { param, route, sendJson } from "../route.js";
import { authorisationBody, firstAuthorisationLinks, redirectUrisOf, scaApproachOf, scaStepOf, startedAuthorisationBody, updateStepOf } from "../sca.js";

/** What differs between the two kinds of consent resource. */
interface ConsentKind {
  /** Route path below the version, e.g. /consents. */
  route: string;
  type: ConsentType;
  scope: "accounts" | "fundsconfirmation";
  path(id: string): string;
  requestOf(body: unknown): Omit<CreateConsentInput, "type" | "psuId" | "bankId">;
  informationOf(consent: ConsentFieldsFragment): Record<string, unknown>;
}

export const AIS_CONSENTS: ConsentKind = {
  route: "/consents",
  type: "AIS",
  scope: "accounts",
  path: consentPath,
  requestOf: consentRequestOf,
  informationOf: toConsentInformation,
};

export const FUNDS_CONSENTS: ConsentKind = {
  route: "/consents/confirmation-of-funds",
  type: "PIIS",
  scope: "fundsconfirmation",
  path: fundsConsentPath,
  requestOf: fundsConsentRequestOf,
  informationOf: toFundsConsentInformation,
};

/** The hub's page where the PSU authorises (redirect approach). */
const scaRedirectOf = (ctx: RequestContext, consentId: string, authorisationId: string): string =>
  `${ctx.origin}/oauth/sca/consents/${encodeURIComponent(consentId)}/authorisations/${encodeURIComponent(authorisationId)}`;

const notFound = { notFoundAs: "CONSENT_UNKNOWN" as const };

function consentIdOf(req: Parameters<typeof param>[0]): string {
  const id = param(req, "consentId");
  if (!isUuid(id)) throw new BerlinGroupError("CONSENT_UNKNOWN", `No consent "${id}".`);
  return id;
}

export function consentRoutes(kind: ConsentKind): Router {
  const router = Router();
  const consentPath = kind.path;
  const authorisationPath = (consentId: string, authorisationId: string) => `${consentPath(consentId)}/authorisations/${encodeURIComponent(authorisationId)}`;

  async function consentOf(ctx: RequestContext, id: string) {
    const { consent } = await ctx.execute(ConsentInformationDocument, { id }, notFound);
    if (!consent || consent.type !== kind.type) throw new BerlinGroupError("CONSENT_UNKNOWN", `No ${kind.type} consent "${id}" of this TPP.`);
    return consent;
  }

  async function authorisationsOf(ctx: RequestContext, id: string) {
    const { consent } = await ctx.execute(ConsentAuthorisationsDocument, { id }, notFound);
    if (!consent || consent.type !== kind.type) throw new BerlinGroupError("CONSENT_UNKNOWN", `No ${kind.type} consent "${id}" of this TPP.`);
    return consent.authorisations;
  }

  router.post(kind.route, route(async (ctx, req, res) => {
    requireScope(ctx, kind.scope);
    if (!header(req, "psu-ip-address")) throw formatError("The header PSU-IP-Address is required for a consent request.", "PSU-IP-Address");
    const request = kind.requestOf(req.body);
    const psuId = header(req, "psu-id");
    const approach = scaApproachOf(req);
    const created = await ctx.execute(CreateConsentDocument, {
      input: { type: kind.type, psuId, bankId: ctx.bankId, ...redirectUrisOf(req), ...request, idempotencyKey: ctx.requestId },
    });
    const { id, status } = created.createConsent.consent;
    const { links, scaStatus } = await firstAuthorisationLinks(req, approach, `${consentPath(id)}/authorisations`, async () => {
      // A repeated request (same X-Request-ID) gets the authorisation its first answer linked to.
      const earlier = created.createConsent.replayed ? (await authorisationsOf(ctx, id)).at(-1) : undefined;
      const authorisation = earlier ?? (await ctx.execute(StartConsentAuthorisationDocument, { input: { consentId: id, psuId } }, notFound)).startConsentAuthorisation.authorisation;
      return { scaRedirect: scaRedirectOf(ctx, id, authorisation.id), scaStatusPath: authorisationPath(id, authorisation.id), scaStatus: authorisation.scaStatus };
    });
    const self = { self: { href: consentPath(id) }, status: { href: `${consentPath(id)}/status` } };
    sendJson(res, 201, { consentStatus: camelCase(status), consentId: id, ...(scaStatus ? { scaStatus } : {}), _links: { ...self, ...links } }, {
      "X-Request-ID": ctx.requestId,
      Location: consentPath(id),
      "ASPSP-SCA-Approach": approach,
    });
  }));

  router.get(`${kind.route}/:consentId`, route(async (ctx, req, res) => {
    requireScope(ctx, kind.scope);
    sendJson(res, 200, kind.informationOf(await consentOf(ctx, consentIdOf(req))), { "X-Request-ID": ctx.requestId });
  }));

  router.get(`${kind.route}/:consentId/status`, route(async (ctx, req, res) => {
    requireScope(ctx, kind.scope);
    const consent = await consentOf(ctx, consentIdOf(req));
    sendJson(res, 200, { consentStatus: camelCase(consent.status) }, { "X-Request-ID": ctx.requestId });
  }));

  router.delete(`${kind.route}/:consentId`, route(async (ctx, req, res) => {
    requireScope(ctx, kind.scope);
    const id = consentIdOf(req);
    await consentOf(ctx, id);
    await ctx.execute(DeleteConsentDocument, { consentId: id }, notFound);
    res.setHeader("X-Request-ID", ctx.requestId);
    res.status(204).end();
  }));

  router.post(`${kind.route}/:consentId/authorisations`, route(async (ctx, req, res) => {
    requireScope(ctx, kind.scope);
    const id = consentIdOf(req);
    await consentOf(ctx, id);
    const step = scaStepOf(req.body);
    const approach = scaApproachOf(req);
    const started = await ctx.execute(StartConsentAuthorisationDocument, { input: { consentId: id, psuId: header(req, "psu-id"), ...step } }, notFound);
    const authorisation = started.startConsentAuthorisation.authorisation;
    const body = startedAuthorisationBody(approach, step, authorisation, authorisationPath(id, authorisation.id), scaRedirectOf(ctx, id, authorisation.id));
    sendJson(res, 201, body, {
      "X-Request-ID": ctx.requestId,
      Location: authorisationPath(id, authorisation.id),
      "ASPSP-SCA-Approach": approach,
    });
  }));

  router.get(`${kind.route}/:consentId/authorisations`, route(async (ctx, req, res) => {
    requireScope(ctx, kind.scope);
    const authorisations = await authorisationsOf(ctx, consentIdOf(req));
    sendJson(res, 200, { authorisationIds: authorisations.map((a) => a.id) }, { "X-Request-ID": ctx.requestId });
  }));

  router.get(`${kind.route}/:consentId/authorisations/:authorisationId`, route(async (ctx, req, res) => {
    requireScope(ctx, kind.scope);
    const id = consentIdOf(req);
    const authorisationId = param(req, "authorisationId");
    const authorisation = (await authorisationsOf(ctx, id)).find((a) => a.id === authorisationId);
    if (!authorisation) throw new BerlinGroupError("RESOURCE_UNKNOWN", `No authorisation "${authorisationId}" of consent ${id}.`, { status: 403 });
    sendJson(res, 200, { scaStatus: camelCase(authorisation.scaStatus) }, { "X-Request-ID": ctx.requestId });
  }));

  router.put(`${kind.route}/:consentId/authorisations/:authorisationId`, route(async (ctx, req, res) => {
    requireScope(ctx, kind.scope);
    const id = consentIdOf(req);
    const authorisationId = param(req, "authorisationId");
    if (!isUuid(authorisationId)) throw new BerlinGroupError("RESOURCE_UNKNOWN", `No authorisation "${authorisationId}".`, { status: 403 });
    await consentOf(ctx, id);
    const step = updateStepOf(req);
    const updated = await ctx.execute(UpdateConsentAuthorisationDocument, { input: { consentId: id, authorisationId, ...step } }, notFound);
    const authorisation = updated.updateConsentAuthorisation.authorisation;
    sendJson(res, 200, authorisationBody(authorisation, authorisationPath(id, authorisation.id)), { "X-Request-ID": ctx.requestId });
  }));

  return router;
}
