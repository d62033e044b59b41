/**
 * @module The OAuth2 / OpenID Connect authorization server (oidc-provider), mounted in the gateway's
 * HTTP server: discovery at /.well-known/openid-configuration, endpoints under /oauth/. Access tokens
 * are JWTs (ES256) for the hub's audience carrying client_id, tpp_id and the granted scopes.
 */
import Provider, { errors, type Adapter, type AdapterPayload, type ClientMetadata } from "oidc-provider";
import type { JWK } from "jose";
import { randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { scopesOf, type ClientLookup, type RegisteredClient } from "./client-directory.js";

export const HUB_SCOPES = ["accounts", "payments", "fundsconfirmation", "operator"] as const;
const ACCESS_TOKEN_TTL_SECONDS = 600;

export interface AuthorizationServerOptions {
  issuer: string;
  /** The audience of access tokens (the hub's resource server). */
  audience: string;
  privateJwks: { keys: JWK[] };
  clients: ClientLookup;
  /** Told about failures behind a "server_error" answer (the client sees no detail). */
  onServerError?: (error: Error) => void;
}

function toClientMetadata(client: RegisteredClient): ClientMetadata {
  return {
    client_id: client.clientId,
    client_secret: client.tokenEndpointAuthMethod === "client_secret_basic" ? client.clientSecret : undefined,
    token_endpoint_auth_method: client.tokenEndpointAuthMethod,
    id_token_signed_response_alg: "ES256",
    ...(client.tokenEndpointAuthMethod === "private_key_jwt" ? { token_endpoint_auth_signing_alg: "ES256", jwks: client.jwks } : {}),
    grant_types: ["client_credentials"],
    response_types: [],
    redirect_uris: [],
    scope: scopesOf(client).join(" "),
  };
}

/** Storage for oidc-provider: clients come from the registry; short-lived artefacts live in memory. */
function adapterFor(clients: ClientLookup, byClient: Map<string, RegisteredClient>) {
  const store = new Map<string, { payload: AdapterPayload; expiresAt: number }>();
  return class HubAdapter implements Adapter {
    constructor(private readonly model: string) {}
    async upsert(id: string, payload: AdapterPayload, expiresIn: number) {
      store.set(`${this.model}:${id}`, { payload, expiresAt: Date.now() + expiresIn * 1000 });
    }
    async find(id: string) {
      if (this.model === "Client") {
        const client = await clients(id);
        if (!client) return undefined;
        byClient.set(id, client);
        return toClientMetadata(client) as AdapterPayload;
      }
      const entry = store.get(`${this.model}:${id}`);
      if (!entry || entry.expiresAt < Date.now()) return undefined;
      return entry.payload;
    }
    async findByUserCode() {
      return undefined;
    }
    async findByUid() {
      return undefined;
    }
    async consume(id: string) {
      const entry = store.get(`${this.model}:${id}`);
      if (entry) entry.payload.consumed = Math.floor(Date.now() / 1000);
    }
    async destroy(id: string) {
      store.delete(`${this.model}:${id}`);
    }
    async revokeByGrantId(grantId: string) {
      for (const [key, entry] of store) if (entry.payload.grantId === grantId) store.delete(key);
    }
  };
}

export function createAuthorizationServer(options: AuthorizationServerOptions) {
  const byClient = new Map<string, RegisteredClient>();
  const provider = new Provider(options.issuer, {
    adapter: adapterFor(options.clients, byClient),
    jwks: options.privateJwks as never,
    cookies: { keys: [randomBytes(32).toString("hex")] },
    scopes: [...HUB_SCOPES],
    ttl: { ClientCredentials: ACCESS_TOKEN_TTL_SECONDS, AccessToken: ACCESS_TOKEN_TTL_SECONDS },
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
    extraTokenClaims: (_ctx, token) => {
      const client = byClient.get(token.clientId ?? "");
      return client?.tppId ? { tpp_id: client.tppId } : undefined;
    },
    findAccount: async (_ctx, sub) => ({ accountId: sub, claims: async () => ({ sub }) }),
  });
  provider.proxy = true;
  provider.on("server_error", (_ctx: unknown, error: Error) => options.onServerError?.(error));
  const callback = provider.callback() as (req: IncomingMessage, res: ServerResponse) => void;
  return {
    provider,
    /** Serves the paths oidc-provider owns and passes everything else on. */
    handle(req: IncomingMessage, res: ServerResponse, next: () => void) {
      const url = req.url ?? "";
      if (url.startsWith("/oauth/") || url.startsWith("/.well-known/openid-configuration")) callback(req, res);
      else next();
    },
  };
}
