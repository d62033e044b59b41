/**
 * @module Dynamic Client Registration (RFC 7591) for TPPs: the registration must carry a software
 * statement signed by the trusted directory (its JWKS URL is configured); the statement, not the
 * request, says who the TPP is, which PSD2 roles it holds, its redirect URIs and its keys. The app
 * lands in the TPP registry as PENDING and gets no token until an operator approves it.
 */
import type { ApolloServer } from "@apollo/server";
import { createRemoteJWKSet, errors as joseErrors, jwtVerify, type JWK } from "jose";
import { errors } from "oidc-provider";
import { systemCaller } from "../../subgraphs/shared/context.js";
import type { GatewayContext } from "../local-data-source.js";
import { ALLOWED_ALGORITHMS } from "./verify-token.js";

export interface DirectoryConfig {
  /** The `iss` of software statements. */
  issuer: string;
  jwksUrl: string;
}

interface SoftwareStatement {
  softwareId: string;
  clientName: string;
  orgId: string;
  orgName: string;
  competentAuthority: string;
  country: string;
  roles: string[];
  redirectUris: string[];
  jwks: { keys: JWK[] };
}

const ROLES = new Set(["AISP", "PISP", "PIISP"]);
const text = (value: unknown) => (typeof value === "string" && value.trim() ? value.trim() : undefined);
const texts = (value: unknown) => (Array.isArray(value) && value.every((v) => typeof v === "string") ? (value as string[]) : undefined);

function statementFrom(claims: Record<string, unknown>): SoftwareStatement {
  const jwks = claims.software_jwks as { keys?: unknown } | undefined;
  const statement = {
    softwareId: text(claims.software_id),
    clientName: text(claims.software_client_name) ?? text(claims.software_id),
    orgId: text(claims.org_id),
    orgName: text(claims.org_name),
    competentAuthority: text(claims.org_competent_authority),
    country: text(claims.org_country),
    roles: texts(claims.software_roles),
    redirectUris: texts(claims.software_redirect_uris),
    jwks: Array.isArray(jwks?.keys) && jwks.keys.length > 0 ? (jwks as { keys: JWK[] }) : undefined,
  };
  const missing = Object.entries(statement).filter(([, v]) => v === undefined).map(([k]) => k);
  if (missing.length) throw new errors.InvalidSoftwareStatement(`the software statement lacks ${missing.join(", ")}`);
  if (!statement.roles!.length || !statement.roles!.every((r) => ROLES.has(r))) {
    throw new errors.InvalidSoftwareStatement(`software_roles must be PSD2 roles (${[...ROLES].join(", ")})`);
  }
  return statement as SoftwareStatement;
}

const REGISTER = `mutation RegisterDynamicClient($input: RegisterDynamicClientInput!) { registerDynamicClient(input: $input) { id status } }`;

/** What the authorization server calls when it stores a newly registered client. */
export function dynamicRegistration(directory: DirectoryConfig, apollo: ApolloServer<GatewayContext>) {
  const keys = createRemoteJWKSet(new URL(directory.jwksUrl), { timeoutDuration: 2_000, cooldownDuration: 30_000 });

  async function verify(statement: unknown): Promise<SoftwareStatement> {
    if (typeof statement !== "string") throw new errors.InvalidSoftwareStatement("a software_statement signed by the trusted directory is required");
    try {
      const { payload } = await jwtVerify(statement, keys, { issuer: directory.issuer, algorithms: ALLOWED_ALGORITHMS, clockTolerance: 30 });
      return statementFrom(payload);
    } catch (error) {
      if (error instanceof errors.InvalidSoftwareStatement) throw error;
      const why = error instanceof joseErrors.JOSEError ? error.code : "it could not be checked";
      throw new errors.UnapprovedSoftwareStatement(`the software statement was not signed by the trusted directory (${why})`);
    }
  }

  return async function register(clientId: string, metadata: Record<string, unknown>): Promise<void> {
    const statement = await verify(metadata.software_statement);
    if (metadata.token_endpoint_auth_method !== "private_key_jwt") {
      throw new errors.InvalidClientMetadata("token_endpoint_auth_method must be private_key_jwt");
    }
    const asked = texts(metadata.redirect_uris) ?? [];
    const unlisted = asked.filter((uri) => !statement.redirectUris.includes(uri));
    if (unlisted.length) throw new errors.InvalidRedirectUri(`redirect_uris not in the software statement: ${unlisted.join(", ")}`);
    const input = {
      clientId,
      name: statement.clientName,
      softwareId: statement.softwareId,
      authorisationNumber: statement.orgId,
      legalName: statement.orgName,
      nationalCompetentAuthority: statement.competentAuthority,
      country: statement.country,
      roles: statement.roles,
      redirectUris: asked.length ? asked : statement.redirectUris,
      jwks: JSON.stringify(statement.jwks),
    };
    const response = await apollo.executeOperation({ query: REGISTER, variables: { input } }, { contextValue: { caller: systemCaller } });
    const error = response.body.kind === "single" ? response.body.singleResult.errors?.[0] : undefined;
    if (error) throw new errors.InvalidClientMetadata(error.message);
  };
}

export type ClientRegistration = ReturnType<typeof dynamicRegistration>;
