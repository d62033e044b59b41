/**
 * Dynamic Client Registration (RFC 7591): a TPP registers with a software statement signed by the
 * trusted directory (whose JWKS a loopback server publishes), lands PENDING in the registry, gets no
 * token until an operator approves the TPP and the app, then authenticates with private_key_jwt.
 */
import { exportJWK, generateKeyPair, importJWK, SignJWT, type JWK } from "jose";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateSigningKey, publicPart } from "../../gateway/auth/keys.js";
import { gql, startTestHub, type TestHub } from "../helpers/hub.js";

const DIRECTORY_ISSUER = "https://directory.sandbox.example";
const REDIRECT = "https://newfintech.example/callback";

let hub: TestHub;
let directory: Server;
let directoryKey: JWK;
let appKey: JWK;

beforeAll(async () => {
  directoryKey = await generateSigningKey();
  appKey = await generateSigningKey();
  directory = createServer((_req, res) => res.setHeader("content-type", "application/json").end(JSON.stringify({ keys: [publicPart(directoryKey)] })));
  await new Promise<void>((resolve) => directory.listen(0, "127.0.0.1", resolve));
  const jwksUrl = `http://127.0.0.1:${(directory.address() as AddressInfo).port}/jwks`;
  hub = await startTestHub({ softwareStatementDirectory: { issuer: DIRECTORY_ISSUER, jwksUrl } });
});
afterAll(async () => {
  await hub?.stop();
  directory?.close();
});

const statementClaims = (over: Record<string, unknown> = {}) => ({
  software_id: "newfintech-budget",
  software_client_name: "NewFintech Budget",
  org_id: "PSDDE-BAFIN-777001",
  org_name: "NewFintech GmbH",
  org_competent_authority: "BAFIN",
  org_country: "DE",
  software_roles: ["AISP"],
  software_redirect_uris: [REDIRECT],
  software_jwks: { keys: [publicPart(appKey)] },
  ...over,
});

async function statement(claims = statementClaims(), key = directoryKey, issuer = DIRECTORY_ISSUER): Promise<string> {
  return new SignJWT(claims).setProtectedHeader({ alg: "ES256", kid: key.kid }).setIssuer(issuer).setIssuedAt().setExpirationTime("10m").sign(await importJWK(key, "ES256"));
}

async function register(body: Record<string, unknown>) {
  const response = await fetch(`${hub.url}/oauth/register`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      redirect_uris: [REDIRECT],
      grant_types: ["client_credentials", "authorization_code", "refresh_token"],
      response_types: ["code"],
      token_endpoint_auth_method: "private_key_jwt",
      token_endpoint_auth_signing_alg: "ES256",
      jwks: { keys: [publicPart(appKey)] },
      ...body,
    }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, any> };
}

async function privateKeyJwtToken(clientId: string) {
  const assertion = await new SignJWT({})
    .setProtectedHeader({ alg: "ES256", kid: appKey.kid })
    .setIssuer(clientId)
    .setSubject(clientId)
    .setAudience(hub.issuer)
    .setJti(crypto.randomUUID())
    .setIssuedAt()
    .setExpirationTime("1m")
    .sign(await importJWK(appKey, "ES256"));
  const response = await fetch(`${hub.url}/oauth/token`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      grant_type: "client_credentials",
      scope: "accounts",
      client_id: clientId,
      client_assertion_type: "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
      client_assertion: assertion,
    }),
  });
  return (await response.json()) as Record<string, string>;
}

describe("Dynamic Client Registration with software statements", () => {
  it("registers a PENDING app and TPP that get tokens only after an operator approves both", async () => {
    const registered = await register({ software_statement: await statement() });
    expect(registered.status, JSON.stringify(registered.body)).toBe(201);
    const clientId = registered.body.client_id as string;
    expect(clientId).toBeTruthy();

    const app = await gql(hub.url, `{ tppApplication(clientId: "${clientId}") { id status softwareId name redirectUris tpp { id status legalName roles authorisationNumber } } }`);
    expect(app.data.tppApplication).toMatchObject({
      status: "PENDING",
      softwareId: "newfintech-budget",
      name: "NewFintech Budget",
      redirectUris: [REDIRECT],
      tpp: { status: "PENDING", legalName: "NewFintech GmbH", roles: ["AISP"], authorisationNumber: "PSDDE-BAFIN-777001" },
    });
    expect((await privateKeyJwtToken(clientId)).error).toBe("invalid_client");

    const { id: applicationId, tpp } = app.data.tppApplication;
    const approveTpp = await gql(hub.url, `mutation { decideTpp(input: { tppId: "${tpp.id}", status: ACTIVE, reason: "licence checked" }) { status } }`);
    expect(approveTpp.errors).toBeUndefined();
    expect((await privateKeyJwtToken(clientId)).error).toBe("invalid_client"); // the app itself is still pending

    const approveApp = await gql(hub.url, `mutation { decideTppApplication(input: { applicationId: "${applicationId}", status: ACTIVE, reason: "statement verified" }) { status decisionReason } }`);
    expect(approveApp.data.decideTppApplication).toEqual({ status: "ACTIVE", decisionReason: "statement verified" });
    const token = await privateKeyJwtToken(clientId);
    expect(token.access_token, JSON.stringify(token)).toBeTruthy();

    // A second registration of the same TPP adds an app to it, pending again.
    const again = await register({ software_statement: await statement() });
    const second = await gql(hub.url, `{ tppApplication(clientId: "${again.body.client_id}") { status tpp { id } } }`);
    expect(second.data.tppApplication).toEqual({ status: "PENDING", tpp: { id: tpp.id } });
  });

  it("refuses registrations without a valid statement, with foreign redirect URIs or a shared secret", async () => {
    const stranger = await generateKeyPair("ES256", { extractable: true });
    const strangerJwk = { ...(await exportJWK(stranger.privateKey)), kid: "stranger" };
    const cases: [Record<string, unknown>, string][] = [
      [{}, "invalid_software_statement"],
      [{ software_statement: "not-a-jwt" }, "unapproved_software_statement"],
      [{ software_statement: await statement(statementClaims(), strangerJwk) }, "unapproved_software_statement"],
      [{ software_statement: await statement(statementClaims(), directoryKey, "https://other-directory.example") }, "unapproved_software_statement"],
      [{ software_statement: await statement(statementClaims({ software_roles: ["BANK"] })) }, "invalid_software_statement"],
      [{ software_statement: await statement(statementClaims({ org_id: undefined })) }, "invalid_software_statement"],
      [{ software_statement: await statement(), redirect_uris: ["https://evil.example/cb"] }, "invalid_redirect_uri"],
      [{ software_statement: await statement(), token_endpoint_auth_method: "client_secret_basic", jwks: undefined }, "invalid_client_metadata"],
    ];
    for (const [body, error] of cases) {
      const res = await register(body);
      expect(res.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(res.body.error, JSON.stringify(res.body)).toBe(error);
    }
    const nobody = await gql(hub.url, `{ tppByAuthorisationNumber(authorisationNumber: "PSDDE-BAFIN-777001") { applications { status } } }`);
    expect(nobody.data.tppByAuthorisationNumber.applications.map((a: { status: string }) => a.status)).toEqual(["ACTIVE", "PENDING"]);
  });
});
