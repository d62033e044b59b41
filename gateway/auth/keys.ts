/**
 * @module The hub's token-signing keys. Given in configuration (AUTH_JWKS_FILE) or, in embedded mode,
 * generated on first start and kept in DATA_DIR (with DATA_DIR=memory://, generated and kept in
 * memory). The first key signs; every key in the set verifies, so a key can be rotated in by
 * prepending it and rotated out once its tokens have expired. The same keys sign what the hub sends
 * (webhooks, SPI calls), so receivers verify those with the published JWKS too: `hubSigningKeys`
 * hands every user in a process the keys the authorization server signs with.
 */
import { calculateJwkThumbprint, exportJWK, generateKeyPair, type JWK } from "jose";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { HubConfig } from "../config.js";

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

/** The hub's signing keys, for whatever signs with them in this process. */
export type HubKeySource = () => Promise<SigningKeys>;

/** One key set per hub configuration in a process: the authorization server's, shared with every signer. */
const keySets = new WeakMap<HubConfig, Promise<SigningKeys>>();

/**
 * The hub's signing keys: AUTH_JWKS_FILE, else DATA_DIR/auth-jwks.json, else (DATA_DIR=memory://) a key
 * made in this process. `generate`: make the key when there is none yet; the gateway's process does
 * (its authorization server publishes it), other processes (a subgraph server) must find the file the
 * gateway shares. Memoized per configuration, so every caller in a process signs with the same key.
 */
export function hubSigningKeys(config: HubConfig, options: { generate: boolean }): Promise<SigningKeys> {
  const known = keySets.get(config);
  if (known) return known;
  const memory = !config.authJwksFile && config.dataDir.startsWith("memory:");
  if (memory && !options.generate) {
    return Promise.reject(new Error("With DATA_DIR=memory:// the hub's signing key lives in the gateway's process only; set AUTH_JWKS_FILE to share it."));
  }
  const keys = config.authJwksFile
    ? loadSigningKeys(config.authJwksFile, { generate: false })
    : memory
      ? generateSigningKey().then((key) => ({ privateJwks: { keys: [key] }, publicJwks: { keys: [publicPart(key)] } }))
      : loadSigningKeys(path.join(config.dataDir, "auth-jwks.json"), options);
  keySets.set(config, keys);
  keys.catch(() => keySets.get(config) === keys && keySets.delete(config));
  return keys;
}
