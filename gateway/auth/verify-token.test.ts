import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { exportJWK, generateKeyPair, importJWK, SignJWT, type JWK } from "jose";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { generateSigningKey, publicPart } from "./keys.js";
import { localIssuer, remoteIssuer, TokenVerifier } from "./verify-token.js";

const ISSUER = "http://hub.test";
const AUDIENCE = "http://hub.test/graphql";
let hubKey: JWK;
let otherKey: JWK;
let verifier: TokenVerifier;
let idp: Server;
let idpUrl: string;

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
const now = () => Math.floor(Date.now() / 1000);
const claims = (extra: Record<string, unknown> = {}) => ({ iss: ISSUER, aud: AUDIENCE, client_id: "app", tpp_id: "t1", scope: "accounts", iat: now(), exp: now() + 300, ...extra });

async function sign(key: JWK, payload: Record<string, unknown>, header: Record<string, unknown> = {}) {
  return new SignJWT(payload).setProtectedHeader({ alg: "ES256", kid: key.kid, ...header }).sign(await importJWK(key, "ES256"));
}

beforeAll(async () => {
  hubKey = await generateSigningKey();
  otherKey = await generateSigningKey();
  // A bank's own IdP, serving its JWKS over real HTTP on loopback.
  idp = createServer((_req, res) => res.setHeader("content-type", "application/json").end(JSON.stringify({ keys: [publicPart(otherKey)] })));
  await new Promise<void>((resolve) => idp.listen(0, "127.0.0.1", resolve));
  idpUrl = `http://127.0.0.1:${(idp.address() as AddressInfo).port}`;
  verifier = new TokenVerifier([
    localIssuer(ISSUER, AUDIENCE, { keys: [publicPart(hubKey)] }),
    remoteIssuer("http://bank-idp.test", AUDIENCE, `${idpUrl}/jwks`),
  ]);
});
afterAll(() => idp?.close());

const refused = (token: string, reason: RegExp) => expect(verifier.verify(token)).rejects.toMatchObject({ code: "UNAUTHENTICATED", message: expect.stringMatching(reason) });

describe("access token verification", () => {
  it("accepts a token the hub signed for its audience", async () => {
    const payload = await verifier.verify(await sign(hubKey, claims()));
    expect(payload).toMatchObject({ client_id: "app", tpp_id: "t1" });
  });

  it("accepts a token of a configured external issuer, fetching its JWKS", async () => {
    const payload = await verifier.verify(await sign(otherKey, claims({ iss: "http://bank-idp.test" })));
    expect(payload.iss).toBe("http://bank-idp.test");
  });

  it("refuses alg none", async () => {
    await refused(`${b64({ alg: "none", typ: "JWT" })}.${b64(claims())}.`, /algorithm/);
  });

  it("refuses HS256 signed with the public key as the secret", async () => {
    const secret = new TextEncoder().encode(JSON.stringify(publicPart(hubKey)));
    const token = await new SignJWT(claims()).setProtectedHeader({ alg: "HS256", kid: hubKey.kid }).sign(secret);
    await refused(token, /algorithm/);
  });

  it("refuses a key id the issuer does not publish", async () => {
    const { privateKey } = await generateKeyPair("ES256", { extractable: true });
    const stranger = { ...(await exportJWK(privateKey)), kid: "not-ours" };
    await refused(await sign(stranger, claims()), /unknown key/);
  });

  it("refuses an expired token and one not valid yet", async () => {
    await refused(await sign(hubKey, claims({ exp: now() - 120 })), /expired/);
    await refused(await sign(hubKey, claims({ nbf: now() + 600 })), /not valid yet/);
  });

  it("refuses a wrong issuer and a wrong audience", async () => {
    await refused(await sign(hubKey, claims({ iss: "http://evil.test" })), /issuer is not trusted/);
    await refused(await sign(hubKey, claims({ aud: "http://other-api.test" })), /aud claim/);
  });

  it("refuses a tampered payload", async () => {
    const [header, , signature] = (await sign(hubKey, claims())).split(".");
    await refused(`${header}.${b64(claims({ tpp_id: "someone-else" }))}.${signature}`, /signature does not verify/);
  });

  it("refuses a token of another issuer's key claiming to be the hub", async () => {
    await refused(await sign(otherKey, claims()), /unknown key/);
  });

  it("remembers a verified token only until it expires", async () => {
    const token = await sign(hubKey, claims({ exp: now() + 60 }));
    expect(await verifier.verify(token)).toMatchObject({ client_id: "app" });
    vi.useFakeTimers({ now: Date.now() + 120_000 });
    try {
      await refused(token, /expired/);
    } finally {
      vi.useRealTimers();
    }
  });

  it("refuses garbage", async () => {
    await refused("not.a.jwt", /not a JWT|malformed/);
  });
});
