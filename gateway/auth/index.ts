/**
 * @module Authentication for the gateway: the authorization server it hosts, and the check that
 * turns a request's bearer token into the typed caller every resolver receives.
 */
import type { ApolloServer } from "@apollo/server";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Logger } from "pino";
import type { Caller } from "../../subgraphs/shared/context.js";
import { anonymousCaller } from "../../subgraphs/shared/context.js";
import { HubError } from "../../subgraphs/shared/errors.js";
import type { HubConfig } from "../config.js";
import type { GatewayContext } from "../local-data-source.js";
import { createAuthorizationServer, GRANT_TTL_SECONDS } from "./authorization-server.js";
import { clientDirectory } from "./client-directory.js";
import type { Database } from "../../subgraphs/shared/orm.js";
import { MemoryArtefactStore, SqlArtefactStore } from "./artefact-store.js";
import { dynamicRegistration } from "./dynamic-registration.js";
import { GrantRegistry } from "./grant-registry.js";
import { hubSigningKeys } from "./keys.js";
import { scaSubjects } from "./psu-pages/sca-subjects.js";
import { psuPages } from "./psu-pages/routes.js";
import { registryClients, registryTppStatus } from "./registry-clients.js";
import { registryConsents } from "./registry-consents.js";
import { DEFAULT_TPP_STATUS_TTL_SECONDS, TppStatusCache, type TppStatusEvents } from "./tpp-status-cache.js";
import { localIssuer, remoteIssuer, TokenVerifier } from "./verify-token.js";

export interface Auth {
  issuer: string;
  audience: string;
  /** The authorization server's endpoints and the PSU pages; other requests pass on. */
  handle(req: IncomingMessage, res: ServerResponse, next: () => void): void;
  callerFromRequest(req: IncomingMessage): Promise<Caller>;
  /** Forgets every cached TPP status (a registry mutation answered through this gateway). */
  tppStatusChanged(): void;
  close(): void;
}

export interface AuthOptions {
  /** The gateway's event fan-out when events reach it: cached TPP statuses are dropped on `tpp.status_changed`. */
  events?: TppStatusEvents;
}

function callerFromClaims(claims: Record<string, unknown>): Caller {
  const scopes = typeof claims.scope === "string" ? claims.scope.split(" ").filter(Boolean) : [];
  const str = (value: unknown) => (typeof value === "string" && value ? value : undefined);
  const tppId = str(claims.tpp_id);
  const psuId = str(claims.psu_id);
  const kind = tppId ? "tpp" : scopes.includes("operator") ? "operator" : psuId ? "psu" : "anonymous";
  return { kind, tppId, psuId, consentId: str(claims.consent_id), scopes };
}

/** The Consent-ID header, which must agree with a consent the token is bound to. */
function consentIdOf(req: IncomingMessage, caller: Caller): string | undefined {
  const header = req.headers["consent-id"];
  const fromHeader = typeof header === "string" && header ? header : undefined;
  if (fromHeader && caller.consentId && fromHeader !== caller.consentId) {
    throw new HubError("CONSENT_INVALID", "The Consent-ID header names another consent than the one the token is bound to.", { httpStatus: 401 });
  }
  if (fromHeader && !/^[0-9a-f-]{36}$/i.test(fromHeader)) throw new HubError("CONSENT_UNKNOWN", `"${fromHeader}" is not a consent id.`, { httpStatus: 403 });
  return fromHeader ?? caller.consentId;
}

/** `db` keeps grants, codes and refresh tokens across restarts; without it they live in memory. */
export async function createAuth(config: HubConfig, apollo: ApolloServer<GatewayContext>, baseUrl: string, logger: Logger, db?: Database, options: AuthOptions = {}): Promise<Auth> {
  const issuer = config.authIssuer ?? baseUrl;
  const audience = `${issuer}/graphql`;
  const keys = await hubSigningKeys(config, { generate: true });
  const clients = clientDirectory(registryClients(apollo), config.operatorClient);
  const store = db ? await SqlArtefactStore.open(db) : new MemoryArtefactStore();
  const grants = new GrantRegistry(store, GRANT_TTL_SECONDS);
  const server = createAuthorizationServer({
    issuer,
    audience,
    privateJwks: keys.privateJwks,
    clients,
    grants,
    store,
    registerClient: config.softwareStatementDirectory && dynamicRegistration(config.softwareStatementDirectory, apollo),
    onServerError: (error) => logger.error({ err: error }, "authorization server error"),
  });
  const pages = psuPages({ provider: server.provider, audience, subjects: scaSubjects(apollo), clients, grants });
  const verifier = new TokenVerifier([
    localIssuer(issuer, audience, keys.publicJwks),
    ...config.trustedIssuers.map((t) => remoteIssuer(t.issuer, t.audience ?? audience, t.jwksUrl)),
  ]);
  const tppStatus = new TppStatusCache(registryTppStatus(apollo), (config.tppStatusCacheSeconds ?? DEFAULT_TPP_STATUS_TTL_SECONDS) * 1000, options.events);
  const consents = registryConsents(apollo);
  return {
    issuer,
    audience,
    handle(req, res, next) {
      const url = req.url ?? "";
      if (url.startsWith("/oauth/interaction/") || url.startsWith("/oauth/sca/")) pages(req as never, res as never, next);
      else server.handle(req, res, next);
    },
    async callerFromRequest(req) {
      const header = req.headers.authorization;
      if (!header) return anonymousCaller;
      const match = /^Bearer ([\w-]+\.[\w-]+\.[\w-]*)$/.exec(header);
      if (!match) throw new HubError("UNAUTHENTICATED", "The Authorization header must be `Bearer <access token>`.", { httpStatus: 401 });
      const claims = await verifier.verify(match[1]!);
      if (typeof claims.gid === "string" && (await grants.isRevoked(claims.gid))) {
        throw new HubError("UNAUTHENTICATED", "The access token was refused: its grant was revoked.", { httpStatus: 401, details: { reason: "its grant was revoked" } });
      }
      const caller = callerFromClaims(claims);
      if (caller.tppId && (await tppStatus.status(caller.tppId)) !== "ACTIVE") {
        throw new HubError("TPP_NOT_ACTIVE", "The TPP this token was issued to is not active (suspended or revoked).", { httpStatus: 401 });
      }
      caller.psuPresent = typeof req.headers["psu-ip-address"] === "string";
      const consentId = consentIdOf(req, caller);
      if (consentId) {
        caller.consentId = consentId;
        caller.consent = await consents(consentId);
        if (!caller.consent) throw new HubError("CONSENT_UNKNOWN", `No consent with id "${consentId}".`, { httpStatus: 403 });
      }
      return caller;
    },
    tppStatusChanged: () => tppStatus.invalidate(),
    close: () => tppStatus.close(),
  };
}
