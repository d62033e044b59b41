/**
 * @module The Berlin Group NextGenPSD2 REST facade at /v1 (and the confirmation-of-funds consents of the
 * PIIS extension at /v2): each route translates one request into typed
 * GraphQL operations run in-process through the gateway as the calling TPP, and answers in the spec's
 * shapes. Errors leave only as tppMessages; every response echoes X-Request-ID.
 *
 * @example
 *   app.use(berlinGroupFacade({ apollo, auth: () => auth, hub: config, logger }));
 */
import type { ApolloServer } from "@apollo/server";
import express, { Router, type NextFunction, type Request, type Response } from "express";
import { randomUUID } from "node:crypto";
import type { Logger } from "pino";
import type { Auth } from "../auth/index.js";
import type { HubConfig } from "../config.js";
import type { GatewayContext } from "../local-data-source.js";
import { berlinGroupConfig } from "./config.js";
import { BerlinGroupError, type TppMessageCode } from "./errors.js";
import { executorFor } from "./execute.js";
import { BodylessError } from "./graphql-errors.js";
import { TppIdentification } from "./identity/tpp-caller.js";
import { MAX_PAIN001_BYTES } from "./pain001.js";
import { bankOf, isUuid, header, requestIdOf, type RequestContext } from "./request-context.js";
import { accountRoutes } from "./routes/accounts.js";
import { aspspRoutes } from "./routes/aspsps.js";
import { AIS_CONSENTS, consentRoutes, FUNDS_CONSENTS } from "./routes/consents.js";
import { fundsConfirmationRoutes } from "./routes/funds-confirmations.js";
import { paymentCancellationRoutes } from "./routes/payment-cancellation.js";
import { paymentRoutes } from "./routes/payments.js";
import { unsupportedRoutes } from "./routes/unsupported.js";

export interface FacadeDependencies {
  apollo: ApolloServer<GatewayContext>;
  /** The hub's authentication, available once the hub listens. */
  auth: () => Auth | undefined;
  hub: HubConfig;
  logger: Logger;
}

/** Every answer carries X-Request-ID: the TPP's own, or a fresh one when the TPP sent none usable. */
function echoRequestId(req: Request, res: Response, next: NextFunction) {
  const given = header(req, "x-request-id");
  res.setHeader("X-Request-ID", isUuid(given) ? given : randomUUID());
  next();
}

function sendError(error: unknown, res: Response, logger: Logger, aliases: Partial<Record<TppMessageCode, TppMessageCode>> = {}) {
  const alias = error instanceof BerlinGroupError ? aliases[error.code] : undefined;
  if (alias && error instanceof BerlinGroupError) return sendError(new BerlinGroupError(alias, error.message, { status: error.status, path: error.path }), res, logger);
  if (error instanceof BerlinGroupError) {
    res.status(error.status).type("application/json").send(JSON.stringify(error.toBody()));
    return;
  }
  if (error instanceof BodylessError) {
    if (error.status === 500) logger.error({ err: error }, "Berlin Group facade: unexpected GraphQL error");
    res.status(error.status).end();
    return;
  }
  const parser = error as { type?: string; status?: number };
  if (parser.type === "entity.too.large") return sendError(new BerlinGroupError("FORMAT_ERROR", "The request body is larger than this ASPSP accepts."), res, logger);
  if (parser.type === "entity.parse.failed" || parser.type === "encoding.unsupported" || parser.type === "charset.unsupported") {
    return sendError(new BerlinGroupError("FORMAT_ERROR", "The request body is not valid JSON."), res, logger);
  }
  logger.error({ err: error }, "Berlin Group facade: unexpected error");
  res.status(500).end();
}

/** Answers only under /v1 and /v2; every other path passes on to the rest of the hub. */
export function berlinGroupFacade(deps: FacadeDependencies): Router {
  const config = berlinGroupConfig(deps.hub);
  const identification = new TppIdentification(deps.apollo, deps.auth, config);

  /** One API version: the shared middleware, its routes, and the tppMessages error handler. */
  const version = (publicRoutes: Router[], routes: Router[], aliases: Partial<Record<TppMessageCode, TppMessageCode>> = {}) => {
    const router = Router();
    router.use(echoRequestId);
    router.use(express.json({ limit: deps.hub.maxBodyBytes, type: ["application/json", "application/*+json"] }));
    router.use(express.text({ limit: MAX_PAIN001_BYTES, type: ["application/xml", "text/xml"] }));
    // A periodic pain.001 initiation: the pain.001 and the standing order's terms as two parts.
    router.use(express.raw({ limit: MAX_PAIN001_BYTES + 16 * 1024, type: "multipart/form-data" }));
    if (publicRoutes.length) router.use(...publicRoutes);
    router.use(async (req: Request, res: Response, next: NextFunction) => {
      const requestId = requestIdOf(req);
      const bankId = bankOf(req, config);
      const caller = await identification.callerOf(req);
      const context: RequestContext = {
        requestId,
        bankId,
        caller,
        execute: executorFor(deps.apollo, caller),
        underConsent: async (consentId) => executorFor(deps.apollo, { ...caller, consentId, consent: await identification.consents(consentId) }),
        origin: `${req.protocol}://${req.get("host")}`,
      };
      res.locals.berlinGroup = context;
      next();
    });
    router.use(...routes);
    router.use((req: Request) => {
      throw new BerlinGroupError("RESOURCE_UNKNOWN", `${req.method} ${req.baseUrl}${req.path} is not a resource of this ASPSP.`);
    });
    router.use((error: unknown, _req: Request, res: Response, _next: NextFunction) => sendError(error, res, deps.logger, aliases));
    return router;
  };

  const root = Router();
  root.use("/v1", version([aspspRoutes(deps.apollo)], [consentRoutes(AIS_CONSENTS), accountRoutes(), fundsConfirmationRoutes(), unsupportedRoutes(), paymentRoutes(), paymentCancellationRoutes()]));
  // The confirmation-of-funds extension's code list predates ROLE_INVALID: a missing role is a certificate (or token) that does not fit.
  root.use("/v2", version([], [consentRoutes(FUNDS_CONSENTS)], { ROLE_INVALID: "CERTIFICATE_INVALID" }));
  return root;
}
