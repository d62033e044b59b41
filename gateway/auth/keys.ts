/**
 * @module The hub's token-signing keys. Given in configuration (AUTH_JWKS_FILE) or, in embedded mode,
 * generated on first start and kept in DATA_DIR. The first key signs; every key in the set verifies,
 * so a key can be rotated in by prepending it and rotated out once its tokens have expired.
 */
import { calculateJwkThumbprint, exportJWK, generateKeyPair, type JWK } from "jose";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

export interface SigningKeys {
  /** Private JWKs (for the authorization server), signing key first. */
  privateJwks: { keys: JWK[] };
  /** Public JWKs (for token verification and /jwks). */
  publicJwks: { keys: JWK[] };
}

const PUBLIC_MEMBERS = ["kty", "crv", "x", "y", "n", "e", "kid", "alg", "use"] as const;

export function publicPart(jwk: JWK): JWK {
  return Object.fromEntries(PUBLIC_MEMBERS.filter((m) => jwk[m] !== undefined).map((m) => [m, jwk[m]])) as JWK;
}

export async function generateSigningKey(): Promise<JWK> {
  const { privateKey } = await generateKeyPair("ES256", { extractable: true });
  const jwk = await exportJWK(privateKey);
  return { ...jwk, alg: "ES256", use: "sig", kid: await calculateJwkThumbprint(jwk) };
}

function assertKeySet(value: unknown, source: string): JWK[] {
  const keys = (value as { keys?: unknown })?.keys;
  if (!Array.isArray(keys) || keys.length === 0) throw new Error(`${source} must hold a JSON Web Key Set with at least one private key.`);
  for (const key of keys as JWK[]) {
    if (!key.kid || !key.d || !["ES256", "PS256"].includes(key.alg ?? "")) {
      throw new Error(`${source}: every key needs a kid, its private part and alg ES256 or PS256.`);
    }
  }
  return keys as JWK[];
}

/** Keys from `file` if it exists; otherwise (when allowed) a new key written there. */
export async function loadSigningKeys(file: string, options: { generate: boolean }): Promise<SigningKeys> {
  let keys: JWK[];
  if (existsSync(file)) {
    keys = assertKeySet(JSON.parse(readFileSync(file, "utf8")), file);
  } else if (options.generate) {
    keys = [await generateSigningKey()];
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify({ keys }, null, 2), { mode: 0o600 });
  } else {
    throw new Error(`No signing keys at ${file}; set AUTH_JWKS_FILE to a private JWKS.`);
  }
  return { privateJwks: { keys }, publicJwks: { keys: keys.map(publicPart) } };
}
