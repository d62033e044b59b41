import express from "express";
import { importJWK, SignJWT, type JWK } from "jose";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MemoryArtefactStore } from "./artefact-store.js";
import { createAuthorizationServer, GRANT_TTL_SECONDS } from "./authorization-server.js";
import type { RegisteredClient } from "./client-directory.js";
import { GrantRegistry } from "./grant-registry.js";
import { generateSigningKey, publicPart } from "./keys.js";
import { localIssuer, TokenVerifier } from "./verify-token.js";

let server: Server;
let issuer: string;
let verifier: TokenVerifier;
let appKey: JWK;
const clients = new Map<string, RegisteredClient>();

beforeAll(async () => {
  const hubKey = await generateSigningKey();
  const store = new MemoryArtefactStore();
  appKey = await generateSigningKey();
  clients.set("budget-app", { clientId: "budget-app", tppId: "tpp-1", roles: ["AISP"], redirectUris: [], tokenEndpointAuthMethod: "client_secret_basic", clientSecret: "s3cret-s3cret-s3cret" });
  clients.set("pay-app", { clientId: "pay-app", tppId: "tpp-2", roles: ["AISP", "PISP"], redirectUris: [], tokenEndpointAuthMethod: "private_key_jwt", jwks: { keys: [publicPart(appKey)] } });
  const app = express();
  server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const as = createAuthorizationServer({ issuer, audience: `${issuer}/graphql`, privateJwks: { keys: [hubKey] }, clients: async (id) => clients.get(id), grants: new GrantRegistry(store, GRANT_TTL_SECONDS), store });
  app.use((req, res, next) => as.handle(req, res, next));
  verifier = new TokenVerifier([localIssuer(issuer, `${issuer}/graphql`, { keys: [publicPart(hubKey)] })]);
});
afterAll(() => server?.close());

async function token(body: Record<string, string>, headers: Record<string, string> = {}) {
  const response = await fetch(`${issuer}/oauth/token`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
    body: new URLSearchParams({ grant_type: "client_credentials", ...body }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, string> };
}

const basic = (id: string, secret: string) => ({ authorization: `Basic ${Buffer.from(`${id}:${secret}`).toString("base64")}` });

describe("authorization server", () => {
  it("publishes discovery and its JWKS", async () => {
    const discovery = (await (await fetch(`${issuer}/.well-known/openid-configuration`)).json()) as Record<string, unknown>;
    expect(discovery.issuer).toBe(issuer);
    expect(discovery.token_endpoint).toBe(`${issuer}/oauth/token`);
    const jwks = (await (await fetch(discovery.jwks_uri as string)).json()) as { keys: JWK[] };
    expect(jwks.keys[0]!.d).toBeUndefined();
  });

  it("issues a JWT access token to a TPP client authenticating with client_secret_basic", async () => {
    const res = await token({ scope: "accounts" }, basic("budget-app", "s3cret-s3cret-s3cret"));
    expect(res.status).toBe(200);
    const claims = await verifier.verify(res.body.access_token!);
    expect(claims).toMatchObject({ client_id: "budget-app", tpp_id: "tpp-1", scope: "accounts", aud: `${issuer}/graphql` });
  });

  it("issues a token to a client authenticating with private_key_jwt", async () => {
    const assertion = await new SignJWT({})
      .setProtectedHeader({ alg: "ES256", kid: appKey.kid })
      .setIssuer("pay-app")
      .setSubject("pay-app")
      .setAudience(issuer)
      .setJti(crypto.randomUUID())
      .setIssuedAt()
      .setExpirationTime("1m")
      .sign(await importJWK(appKey, "ES256"));
    const res = await token({
      scope: "payments",
      client_id: "pay-app",
      client_assertion_type: "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
      client_assertion: assertion,
    });
    expect(res.status).toBe(200);
    expect(await verifier.verify(res.body.access_token!)).toMatchObject({ tpp_id: "tpp-2", scope: "payments" });
  });

  it("refuses a wrong secret, an unknown client and a scope outside the TPP's roles", async () => {
    expect((await token({ scope: "accounts" }, basic("budget-app", "wrong"))).body.error).toBe("invalid_client");
    expect((await token({ scope: "accounts" }, basic("nobody", "x"))).body.error).toBe("invalid_client");
    expect((await token({ scope: "payments" }, basic("budget-app", "s3cret-s3cret-s3cret"))).body.error).toBe("invalid_scope");
  });

  it("stops issuing tokens to a client whose TPP left the registry's active list", async () => {
    const saved = clients.get("budget-app")!;
    clients.delete("budget-app");
    try {
      expect((await token({ scope: "accounts" }, basic("budget-app", "s3cret-s3cret-s3cret"))).body.error).toBe("invalid_client");
    } finally {
      clients.set("budget-app", saved);
    }
  });
});
