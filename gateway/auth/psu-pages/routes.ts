/**
 * @module The hub's PSU pages: the PSU sees what a TPP asks (consent access, or a payment's amount and
 * creditor), logs in with the bank's credentials, picks an SCA method when there are several, enters
 * the one-time code, and approves or denies. Two entries lead here:
 * - OAuth (authorization code + PKCE, pushed or not): /oauth/interaction/{uid}, with `consent_id` or
 *   `payment_id` in the authorization request; approval ends in a grant bound to it.
 * - Berlin Group redirect SCA: /oauth/sca/{consents|payments|payment-cancellations}/{id}/authorisations/{authorisationId};
 *   the PSU then returns to the TPP-Redirect-URI (or TPP-Nok-Redirect-URI).
 */
import express, { type Request, type Response } from "express";
import { randomBytes, timingSafeEqual } from "node:crypto";
import type Provider from "oidc-provider";
import type { ClientLookup } from "../client-directory.js";
import type { GrantRegistry } from "../grant-registry.js";
import { confirmPage, loginPage, methodPage, resultPage } from "./pages.js";
import { ScaStepError, type AuthorisationView, type ScaSubjects, type SubjectKind, type SubjectView } from "./sca-subjects.js";

export interface PsuPagesOptions {
  provider: Provider;
  audience: string;
  subjects: ScaSubjects;
  clients: ClientLookup;
  grants: GrantRegistry;
}

interface Flow {
  csrf: string;
  kind: SubjectKind;
  subjectId: string;
  authorisationId?: string;
  psuId?: string;
  /** Set for the OAuth entry: the client the grant is for. */
  clientId?: string;
  expiresAt: number;
}

type Outcome = { approved: true; psuId: string } | { approved: false; message: string };
type Next = { page: string } | { outcome: Outcome };

const FLOW_TTL_MS = 10 * 60_000;
const KINDS: Record<string, SubjectKind> = { consents: "consent", payments: "payment", "payment-cancellations": "paymentCancellation" };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function sendPage(res: Response, html: string, status = 200): void {
  res
    .status(status)
    .set({
      "content-type": "text/html; charset=utf-8",
      "cache-control": "no-store",
      "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
      "x-frame-options": "DENY",
      "referrer-policy": "no-referrer",
    })
    .send(html);
}

const sameSecret = (a: string, b: unknown) => typeof b === "string" && a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
const field = (body: Record<string, unknown>, name: string) => (typeof body[name] === "string" ? (body[name] as string).trim() : "");

export function psuPages(options: PsuPagesOptions): express.Router {
  const flows = new Map<string, Flow>();
  const router = express.Router();
  router.use(express.urlencoded({ extended: false, limit: "4kb" }));

  function openFlow(key: string, flow: Omit<Flow, "csrf" | "expiresAt">): Flow {
    const now = Date.now();
    for (const [k, f] of flows) if (f.expiresAt < now) flows.delete(k);
    const opened = { ...flow, csrf: randomBytes(24).toString("base64url"), expiresAt: now + FLOW_TTL_MS };
    flows.set(key, opened);
    return opened;
  }

  function pageAfter(subject: SubjectView, flow: Flow, authorisation: AuthorisationView): Next {
    flow.authorisationId = authorisation.id;
    switch (authorisation.scaStatus) {
      case "FINALISED":
      case "EXEMPTED":
        return { outcome: { approved: true, psuId: authorisation.psuId ?? flow.psuId! } };
      case "PSU_AUTHENTICATED":
        return { page: methodPage(subject, flow.csrf, authorisation.scaMethods ?? []) };
      case "SCA_METHOD_SELECTED":
      case "STARTED":
        return { page: confirmPage(subject, flow.csrf, authorisation.chosenScaMethod) };
      case "FAILED":
        return { outcome: { approved: false, message: "The authorisation failed." } };
      default:
        return { page: loginPage(subject, flow.csrf, flow.psuId ?? subject.psuId) };
    }
  }

  /** One form submission: the step it carries, checked by the subgraphs (and the bank). */
  async function advance(subject: SubjectView, flow: Flow, body: Record<string, unknown>): Promise<Next> {
    const { subjects } = options;
    const move = (step: Record<string, unknown>) =>
      flow.authorisationId ? subjects.step(flow.kind, flow.subjectId, flow.authorisationId, step) : subjects.start(flow.kind, flow.subjectId, step);
    const action = field(body, "action");
    try {
      if (action === "deny") {
        await move({ deny: true });
        return { outcome: { approved: false, message: "You denied the request." } };
      }
      if (action === "login") {
        const psuId = field(body, "psuId");
        const password = typeof body.password === "string" ? body.password : "";
        if (!psuId || !password) return { page: loginPage(subject, flow.csrf, psuId, "Enter your login and password.") };
        flow.psuId = psuId;
        return pageAfter(subject, flow, await move({ psuId, password }));
      }
      if (action === "select") return pageAfter(subject, flow, await move({ authenticationMethodId: field(body, "authenticationMethodId") }));
      if (action === "approve") return pageAfter(subject, flow, await move({ scaAuthenticationData: field(body, "scaAuthenticationData") }));
      return { page: loginPage(subject, flow.csrf, flow.psuId ?? subject.psuId, "Unknown action.") };
    } catch (error) {
      if (!(error instanceof ScaStepError)) throw error;
      if (error.code === "PSU_MISMATCH" || error.code === "BAD_USER_INPUT") {
        return { page: loginPage(subject, flow.csrf, flow.psuId ?? subject.psuId, "This login may not authorise this request.") };
      }
      const message = error.code === "PSU_CREDENTIALS_INVALID" ? "The login, password or code was not correct." : error.message;
      return { outcome: { approved: false, message } };
    }
  }

  async function finishOAuth(req: Request, res: Response, subject: SubjectView, flow: Flow, outcome: Outcome): Promise<void> {
    const { provider, audience, grants } = options;
    if (!outcome.approved) {
      await provider.interactionFinished(req, res, { error: "access_denied", error_description: outcome.message }, { mergeWithLastSubmission: false });
      return;
    }
    const grant = new provider.Grant({ accountId: outcome.psuId, clientId: flow.clientId! });
    // The hub's scopes are both registered scopes of the provider and scopes of the hub's API (resource).
    grant.addOIDCScope(subject.scope);
    grant.addResourceScope(audience, subject.scope);
    const grantId = await grant.save();
    grants.bind(grantId, subject.kind === "consent" ? { consentId: subject.id } : { paymentId: subject.id });
    await provider.interactionFinished(req, res, { login: { accountId: outcome.psuId }, consent: { grantId } }, { mergeWithLastSubmission: false });
  }

  function finishRedirect(res: Response, subject: SubjectView, outcome: Outcome): void {
    const target = outcome.approved ? subject.redirectUri : (subject.nokRedirectUri ?? subject.redirectUri);
    if (target) res.redirect(303, target);
    else sendPage(res, resultPage(outcome.approved, outcome.approved ? "The bank has your authorisation." : outcome.message));
  }

  /** The flow of this request, after its CSRF token is checked; undefined answers the request. */
  function postedFlow(req: Request, res: Response, key: string): Flow | undefined {
    const flow = flows.get(key);
    if (!flow || flow.expiresAt < Date.now() || !sameSecret(flow.csrf, req.body?.csrf)) {
      sendPage(res, resultPage(false, "This page has expired. Start again from the application."), 400);
      return undefined;
    }
    return flow;
  }

  router.get("/oauth/interaction/:uid", async (req, res, next) => {
    try {
      const details = await options.provider.interactionDetails(req, res);
      const params = details.params as Record<string, string | undefined>;
      const [kind, subjectId] = params.consent_id ? (["consent", params.consent_id] as const) : (["payment", params.payment_id ?? ""] as const);
      const client = await options.clients(String(params.client_id));
      const subject = UUID.test(subjectId) && params.consent_id !== undefined !== (params.payment_id !== undefined) ? await options.subjects.describe(kind, subjectId) : null;
      if (!subject || !client || subject.tppId !== client.tppId || !subject.awaitsAuthorisation) {
        const error_description = subject?.awaitsAuthorisation === false
          ? `The ${kind} takes no authorisation any more.`
          : "The authorization request must name exactly one consent_id or payment_id of this client's TPP.";
        await options.provider.interactionFinished(req, res, { error: "invalid_request", error_description }, { mergeWithLastSubmission: false });
        return;
      }
      const flow = openFlow(details.uid, { kind, subjectId, clientId: client.clientId });
      sendPage(res, loginPage(subject, flow.csrf, subject.psuId));
    } catch (error) {
      next(error);
    }
  });

  router.post("/oauth/interaction/:uid", async (req, res, next) => {
    try {
      const details = await options.provider.interactionDetails(req, res);
      const flow = postedFlow(req, res, details.uid);
      if (!flow) return;
      const subject = (await options.subjects.describe(flow.kind, flow.subjectId))!;
      const result = await advance(subject, flow, req.body ?? {});
      if ("page" in result) return sendPage(res, result.page);
      flows.delete(details.uid);
      await finishOAuth(req, res, subject, flow, result.outcome);
    } catch (error) {
      next(error);
    }
  });

  router.get("/oauth/sca/:kinds/:id/authorisations/:authorisationId", async (req, res, next) => {
    try {
      const kind = KINDS[req.params.kinds];
      const { id, authorisationId } = req.params;
      const subject = kind && UUID.test(id) && UUID.test(authorisationId) ? await options.subjects.describe(kind, id) : null;
      const authorisation = subject?.authorisations.find((a) => a.id === authorisationId);
      if (!subject || !authorisation) return sendPage(res, resultPage(false, "There is no such authorisation."), 404);
      const flow = openFlow(authorisationId, { kind: kind!, subjectId: id, authorisationId, psuId: authorisation.psuId ?? undefined });
      const next = pageAfter(subject, flow, authorisation);
      if ("page" in next) return sendPage(res, next.page);
      return sendPage(res, resultPage(next.outcome.approved, next.outcome.approved ? "This request is already authorised." : next.outcome.message));
    } catch (error) {
      next(error);
    }
  });

  router.post("/oauth/sca/:kinds/:id/authorisations/:authorisationId", async (req, res, next) => {
    try {
      const flow = postedFlow(req, res, req.params.authorisationId);
      if (!flow || flow.subjectId !== req.params.id) return;
      const subject = (await options.subjects.describe(flow.kind, flow.subjectId))!;
      const result = await advance(subject, flow, req.body ?? {});
      if ("page" in result) return sendPage(res, result.page);
      flows.delete(req.params.authorisationId);
      finishRedirect(res, subject, result.outcome);
    } catch (error) {
      next(error);
    }
  });

  // An expired or foreign interaction (oidc-provider answers 4xx) is a page for the PSU, not an API error.
  router.use((error: Error & { status?: number }, _req: Request, res: Response, next: express.NextFunction) => {
    if (!error.status || error.status >= 500 || res.headersSent) return next(error);
    sendPage(res, resultPage(false, "This page has expired or is not yours. Start again from the application."), error.status);
  });

  return router;
}
