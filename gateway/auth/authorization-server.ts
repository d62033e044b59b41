/**
 * @module The OAuth2 / OpenID Connect authorization server (oidc-provider), mounted in the gateway's
 * HTTP server: discovery at /.well-known/openid-configuration, endpoints under /oauth/. Access tokens
 * are JWTs (ES256) for the hub's audience carrying client_id, tpp_id and the granted scopes; after a
 * PSU's authorisation (code + PKCE, optionally pushed) also psu_id, the consent_id or payment_id the
 * grant is bound to, and the grant id (gid) that revoking its refresh token cuts off.
 */
import Provider, { errors, type Adapter, type AdapterPayload, type ClientMetadata } from "oidc-provider";
import oidcRequestContext from "oidc-provider/lib/helpers/als.js";
import type { JWK } from "jose";
import { randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { scopesOf, type ClientLookup, type RegisteredClient } from "./client-directory.js";
import type { ArtefactStore } from "./artefact-store.js";
import type { ClientRegistration } from "./dynamic-registration.js";
import type { GrantRegistry } from "./grant-registry.js";

export const HUB_SCOPES = ["accounts", "payments", "fundsconfirmation", "operator"] as const;
const ACCESS_TOKEN_TTL_SECONDS = 600;
/** A PSU grant lives as long as the longest consent (180 days); each refresh token as long as that. */
export const GRANT_TTL_SECONDS = 180 * 24 * 3600;
/** The PSU's browser has this long to log in and approve. */
const INTERACTION_TTL_SECONDS = 600;

export interface AuthorizationServerOptions {
  issuer: string;
  /** The audience of access tokens (the hub's resource server). */
  audience: string;
  privateJwks: { keys: JWK[] };
  clients: ClientLookup;
  grants: GrantRegistry;
  /** Grants, codes, refresh tokens, sessions: kept across restarts when backed by the database. */
  store: ArtefactStore;
  /** Dynamic Client Registration: records a new client (after checking its software statement); absent turns registration off. */
  registerClient?: ClientRegistration;
  /** Told about failures behind a "server_error" answer (the client sees no detail). */
  onServerError?: (error: Error) => void;
}

function toClientMetadata(client: RegisteredClient): ClientMetadata {
  // A client with redirect URIs may also send PSUs to authorise (authorization code with PKCE).
  const redirects = client.redirectUris.length > 0;
  return {
    client_id: client.clientId,
    client_secret: client.tokenEndpointAuthMethod === "client_secret_basic" ? client.clientSecret : undefined,
    token_endpoint_auth_method: client.tokenEndpointAuthMethod,
    id_token_signed_response_alg: "ES256",
    ...(client.tokenEndpointAuthMethod === "private_key_jwt" ? { token_endpoint_auth_signing_alg: "ES256", jwks: client.jwks } : {}),
    grant_types: redirects ? ["client_credentials", "authorization_code", "refresh_token"] : ["client_credentials"],
    response_types: redirects ? ["code"] : [],
    redirect_uris: client.redirectUris,
    scope: scopesOf(client).join(" "),
  };
}

/** Storage for oidc-provider: clients come from the registry (and register into it); the rest from the artefact store. */
function adapterFor(clients: ClientLookup, byClient: Map<string, RegisteredClient>, store: ArtefactStore, registerClient?: ClientRegistration) {
  return class HubAdapter implements Adapter {
    constructor(private readonly model: string) {}
    async upsert(id: string, payload: AdapterPayload, expiresIn: number) {
      // A registered client lives in the TPP registry (pending until approved), not here.
      if (this.model === "Client") return registerClient?.(id, payload as Record<string, unknown>);
      return store.upsert(this.model, id, payload, expiresIn);
    }
    async find(id: string) {
      if (this.model !== "Client") return store.find(this.model, id);
      const client = await clients(id);
      if (!client) return undefined;
      byClient.set(id, client);
      return toClientMetadata(client) as AdapterPayload;
    }
    async findByUserCode() {
      return undefined;
    }
    findByUid(uid: string) {
      return store.findByUid(this.model, uid);
    }
    consume(id: string) {
      return store.consume(this.model, id);
    }
    destroy(id: string) {
      return store.destroy(this.model, id);
    }
    revokeByGrantId(grantId: string) {
      return store.revokeByGrantId(grantId);
    }
  };
}

export function createAuthorizationServer(options: AuthorizationServerOptions) {
  const byClient = new Map<string, RegisteredClient>();
  const provider = new Provider(options.issuer, {
    adapter: adapterFor(options.clients, byClient, options.store, options.registerClient),
    jwks: options.privateJwks as never,
    cookies: { keys: [randomBytes(32).toString("hex")] },
    scopes: [...HUB_SCOPES],
    ttl: {
      ClientCredentials: ACCESS_TOKEN_TTL_SECONDS,
      AccessToken: ACCESS_TOKEN_TTL_SECONDS,
      AuthorizationCode: 60,
      RefreshToken: GRANT_TTL_SECONDS,
      Grant: GRANT_TTL_SECONDS,
      Interaction: INTERACTION_TTL_SECONDS,
      Session: INTERACTION_TTL_SECONDS,
    },
    pkce: { required: () => true },
    extraParams: ["consent_id", "payment_id"],
    extraClientMetadata: { properties: ["software_statement"] },
    clientDefaults: { id_token_signed_response_alg: "ES256" } as never,
    interactions: { url: (_ctx, interaction) => `/oauth/interaction/${interaction.uid}` },
    issueRefreshToken: async (_ctx, client) => client.grantTypeAllowed("refresh_token"),
    clientAuthMethods: ["private_key_jwt", "client_secret_basic"],
    enabledJWA: { clientAuthSigningAlgValues: ["ES256", "PS256"], idTokenSigningAlgValues: ["ES256"] } as never,
    routes: {
      authorization: "/oauth/authorize",
      token: "/oauth/token",
      jwks: "/oauth/jwks",
      revocation: "/oauth/revoke",
      introspection: "/oauth/introspect",
      end_session: "/oauth/logout",
      userinfo: "/oauth/userinfo",
      pushed_authorization_request: "/oauth/par",
      registration: "/oauth/register",
    },
    features: {
      devInteractions: { enabled: false },
      clientCredentials: { enabled: true },
      revocation: { enabled: true },
      pushedAuthorizationRequests: { enabled: true, requirePushedAuthorizationRequests: false },
      registration: { enabled: Boolean(options.registerClient), initialAccessToken: false, issueRegistrationAccessToken: false },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => options.audience,
        useGrantedResource: () => true,
        getResourceServerInfo: (_ctx, resource) => {
          if (resource !== options.audience) throw new errors.InvalidTarget();
          return { scope: HUB_SCOPES.join(" "), audience: options.audience, accessTokenTTL: ACCESS_TOKEN_TTL_SECONDS, accessTokenFormat: "jwt", jwt: { sign: { alg: "ES256" } } };
        },
      },
    },
    extraTokenClaims: async (_ctx, token) => {
      const tppId = byClient.get(token.clientId ?? "")?.tppId;
      const grantId = "grantId" in token ? token.grantId : undefined;
      const binding = grantId ? await options.grants.bindingOf(grantId) : undefined;
      return {
        ...(tppId ? { tpp_id: tppId } : {}),
        ...("accountId" in token && token.accountId ? { psu_id: token.accountId } : {}),
        ...(grantId ? { gid: grantId } : {}),
        ...(binding?.consentId ? { consent_id: binding.consentId } : {}),
        ...(binding?.paymentId ? { payment_id: binding.paymentId } : {}),
      };
    },
    findAccount: async (_ctx, sub) => ({ accountId: sub, claims: async () => ({ sub }) }),
  });
  provider.proxy = true;
  provider.on("server_error", (_ctx: unknown, error: Error) => options.onServerError?.(error));
  provider.on("grant.revoked", (_ctx: unknown, grantId: string) => {
    options.grants.revoke(grantId).catch((error: Error) => options.onServerError?.(error));
  });
  const callback = provider.callback() as (req: IncomingMessage, res: ServerResponse) => Promise<void> | void;
  /**
   * oidc-provider keeps each of its requests in an AsyncLocalStorage; once that has run, Node 20 runs
   * a promise hook on every promise of the process (every GraphQL request's too) until it is disabled.
   * So it is disabled again whenever no oidc-provider request is in flight (its next `run` enables it).
   */
  let inFlight = 0;
  const settled = () => {
    if (--inFlight === 0) oidcRequestContext.disable();
  };
  return {
    provider,
    /** Serves the paths oidc-provider owns and passes everything else on. */
    handle(req: IncomingMessage, res: ServerResponse, next: () => void) {
      const url = req.url ?? "";
      if (url.startsWith("/oauth/") || url.startsWith("/.well-known/openid-configuration")) {
        inFlight++;
        Promise.resolve(callback(req, res)).then(settled, settled);
      } else next();
    },
  };
}
