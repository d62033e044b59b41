/**
 * @module Access-token checks with jose: signature against the issuer's JWKS, allowed algorithms
 * only, issuer, audience, expiry and not-before with a small clock skew. Tokens of an external
 * issuer (a bank's own IdP) are accepted when configured with that issuer's JWKS URL.
 */
import { createLocalJWKSet, createRemoteJWKSet, decodeJwt, errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from "jose";
import { HubError } from "../../subgraphs/shared/errors.js";

export const ALLOWED_ALGORITHMS = ["ES256", "PS256"];
const CLOCK_TOLERANCE_SECONDS = 30;

export interface TrustedIssuer {
  issuer: string;
  audience: string;
  keys: JWTVerifyGetKey;
}

export function localIssuer(issuer: string, audience: string, publicJwks: Parameters<typeof createLocalJWKSet>[0]): TrustedIssuer {
  return { issuer, audience, keys: createLocalJWKSet(publicJwks) };
}

/** An external IdP: its JWKS is fetched from the configured URL, cached, and refetched on an unknown kid. */
export function remoteIssuer(issuer: string, audience: string, jwksUrl: string): TrustedIssuer {
  return { issuer, audience, keys: createRemoteJWKSet(new URL(jwksUrl), { timeoutDuration: 2_000, cooldownDuration: 30_000 }) };
}

const unauthenticated = (reason: string, cause?: unknown) =>
  new HubError("UNAUTHENTICATED", `The access token was refused: ${reason}.`, { httpStatus: 401, cause, details: { reason } });

function reasonOf(error: unknown): string {
  if (error instanceof errors.JWTExpired) return "it has expired";
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === "nbf") return "it is not valid yet";
    return `its ${error.claim} claim is not acceptable`;
  }
  if (error instanceof errors.JOSEAlgNotAllowed) return `its algorithm is not one of ${ALLOWED_ALGORITHMS.join(", ")}`;
  if (error instanceof errors.JWKSNoMatchingKey) return "it was signed with an unknown key";
  if (error instanceof errors.JWSSignatureVerificationFailed) return "its signature does not verify";
  return "it is malformed";
}

/** Verified tokens, so a client's repeated requests skip the signature check (until the token expires). */
const MAX_VERIFIED = 10_000;

export class TokenVerifier {
  private readonly issuers: Map<string, TrustedIssuer>;
  private readonly verified = new Map<string, JWTPayload>();

  constructor(issuers: TrustedIssuer[]) {
    this.issuers = new Map(issuers.map((i) => [i.issuer, i]));
  }

  async verify(token: string): Promise<JWTPayload> {
    const known = this.verified.get(token);
    const now = Date.now() / 1000;
    if (known && known.exp! + CLOCK_TOLERANCE_SECONDS > now && (known.nbf ?? 0) - CLOCK_TOLERANCE_SECONDS <= now) return known;
    if (known) this.verified.delete(token);
    const payload = await this.check(token);
    if (this.verified.size >= MAX_VERIFIED) this.verified.delete(this.verified.keys().next().value!);
    this.verified.set(token, payload);
    return payload;
  }

  private async check(token: string): Promise<JWTPayload> {
    let issuer: TrustedIssuer | undefined;
    try {
      issuer = this.issuers.get(String(decodeJwt(token).iss));
    } catch (error) {
      throw unauthenticated("it is not a JWT", error);
    }
    if (!issuer) throw unauthenticated("its issuer is not trusted by this hub");
    try {
      const { payload } = await jwtVerify(token, issuer.keys, {
        issuer: issuer.issuer,
        audience: issuer.audience,
        algorithms: ALLOWED_ALGORITHMS,
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
        requiredClaims: ["exp", "iat", "client_id"],
      });
      return payload;
    } catch (error) {
      throw unauthenticated(reasonOf(error), error);
    }
  }
}
