/**
 * @module Configuration from environment variables, validated once at start. A bad value stops the
 * process with a message that names the variable and what it expects.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { BankConfig } from "../connectors/registry.js";
import { SANDBOX_BANKS } from "../connectors/sandbox/banks.js";
import { WEBHOOK_CONFIG_VARIABLES, webhookConfigFromEnv, type WebhookConfig } from "../events/webhooks/config.js";

export interface HubConfig {
  port: number;
  host: string;
  production: boolean;
  /** PostgreSQL URL; absent means embedded PGlite under dataDir. */
  databaseUrl?: string;
  dataDir: string;
  seed: boolean;
  banks: BankConfig[];
  /** Subgraph URLs by name: set for all of them (distributed mode) or for none (embedded). */
  subgraphUrls: Record<string, string>;
  /** Shared secret the gateway signs forwarded caller identities with (distributed mode). */
  internalSecret?: string;
  maxQueryDepth: number;
  maxQueryCost: number;
  maxBodyBytes: number;
  logLevel: string;
  /** Issuer of the hub's own tokens (default: the gateway's URL). */
  authIssuer?: string;
  /** Private JWKS of the token-signing keys (default: generated in DATA_DIR on first start). */
  authJwksFile?: string;
  /** External identity providers whose tokens the hub accepts. */
  trustedIssuers: { issuer: string; jwksUrl: string; audience?: string }[];
  /** The bank staff's OAuth client (scope operator). */
  operatorClient?: { clientId: string; clientSecret: string };
  /** The directory whose signed software statements open Dynamic Client Registration (absent: registration off). */
  softwareStatementDirectory?: { issuer: string; jwksUrl: string };
  /** Webhook delivery: retry schedule, timeout, target policy (default: defaultWebhookConfig(production)). */
  webhooks?: WebhookConfig;
  /** HTTPS on the gateway's port; with clientCaFile, TPPs may present eIDAS client certificates (mTLS). */
  tls?: TlsConfig;
  /** How long a TPP's status is trusted without an event saying it changed (default 30 s; 0: asked on every request). */
  tppStatusCacheSeconds?: number;
}

export interface TlsConfig {
  certFile: string;
  keyFile: string;
  /** CA certificates whose client certificates identify TPPs (QWAC issuers); absent: no client certificates asked. */
  clientCaFile?: string;
}

/** Every variable the hub reads, with what it means; the README table and docker-compose test check against it. */
export const CONFIG_VARIABLES: Record<string, string> = {
  PORT: "HTTP port of the gateway (default 4000) or of a subgraph server (default its own, 4001–4005).",
  HOST: "Interface to listen on (default 0.0.0.0).",
  NODE_ENV: '"production" turns off the GraphQL IDE landing page and lowers log noise.',
  DATABASE_URL: "postgres:// URL. Absent: embedded PGlite under DATA_DIR. Required by a subgraph server.",
  DATA_DIR: "Where embedded PGlite keeps its files (default .data; memory:// for a throw-away database).",
  SEED: "Write the deterministic sandbox data on first start (default true).",
  BANKS_FILE: "JSON file with the banks and their connectors (default: the two sandbox banks).",
  "<NAME>_SUBGRAPH_URL": "Distributed mode: URL of each subgraph (ACCOUNTS_, PAYMENTS_, CONSENTS_, TPPS_, MARKETPLACE_SUBGRAPH_URL).",
  HUB_INTERNAL_SECRET: "Distributed mode: shared secret (32+ characters) the gateway signs caller identities with.",
  SUBGRAPH: "Which subgraph `npm run start:subgraph` serves, when not given as an argument.",
  MAX_QUERY_DEPTH: "Deepest selection accepted (default 12).",
  MAX_QUERY_COST: "Highest estimated cost accepted: fields multiplied by page sizes (default 20000).",
  MAX_BODY_BYTES: "Largest request body accepted (default 100000).",
  AUTH_ISSUER: "Issuer URL of the hub's tokens, as clients reach the gateway (default: its own URL).",
  AUTH_JWKS_FILE: "Private JWKS with the token-signing keys, signing key first (default: generated in DATA_DIR/auth-jwks.json).",
  AUTH_TRUSTED_ISSUERS: 'JSON list of external identity providers whose tokens are accepted: [{"issuer","jwksUrl","audience"?}].',
  AUTH_DIRECTORY_ISSUER: "Issuer (iss) of the software statements that Dynamic Client Registration accepts; with AUTH_DIRECTORY_JWKS_URL it turns registration on.",
  AUTH_DIRECTORY_JWKS_URL: "JWKS URL of that directory's statement-signing keys.",
  OPERATOR_CLIENT_ID: "OAuth client id of bank staff (scope operator; default hub-operator).",
  OPERATOR_CLIENT_SECRET: "Its secret (32+ characters). Outside production the sandbox default is hub-operator-sandbox-secret.",
  LOG_LEVEL: "pino level: fatal, error, warn, info, debug (default info in production, warn otherwise).",
  TLS_CERT_FILE: "PEM certificate (chain) of the gateway: with TLS_KEY_FILE the gateway serves HTTPS instead of HTTP.",
  TLS_KEY_FILE: "PEM private key of that certificate.",
  TLS_CLIENT_CA_FILE: "PEM CA certificates whose client certificates identify TPPs at the Berlin Group facade (mTLS, eIDAS QWAC issuers).",
  ...WEBHOOK_CONFIG_VARIABLES,
};

export class ConfigError extends Error {
  override name = "ConfigError";
}

type Env = Record<string, string | undefined>;

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) throw new ConfigError(`${name} must be a whole number from ${min} to ${max}, got "${raw}".`);
  return value;
}

function flag(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name]?.toLowerCase();
  if (raw === undefined || raw === "") return fallback;
  if (["1", "true", "yes"].includes(raw)) return true;
  if (["0", "false", "no"].includes(raw)) return false;
  throw new ConfigError(`${name} must be true or false, got "${env[name]}".`);
}

function tls(env: Env): TlsConfig | undefined {
  const certFile = env.TLS_CERT_FILE || undefined;
  const keyFile = env.TLS_KEY_FILE || undefined;
  const clientCaFile = env.TLS_CLIENT_CA_FILE || undefined;
  if (!certFile && !keyFile) {
    if (clientCaFile) throw new ConfigError("TLS_CLIENT_CA_FILE needs TLS_CERT_FILE and TLS_KEY_FILE: client certificates come with HTTPS.");
    return undefined;
  }
  if (!certFile || !keyFile) throw new ConfigError("HTTPS needs both TLS_CERT_FILE and TLS_KEY_FILE.");
  return { certFile: path.resolve(certFile), keyFile: path.resolve(keyFile), clientCaFile: clientCaFile && path.resolve(clientCaFile) };
}

function databaseUrl(env: Env): string | undefined {
  const raw = env.DATABASE_URL;
  if (!raw) return undefined;
  if (!/^postgres(ql)?:\/\//.test(raw)) throw new ConfigError(`DATABASE_URL must be a postgres:// URL, got "${raw}".`);
  return raw;
}

function banks(env: Env): BankConfig[] {
  const file = env.BANKS_FILE;
  if (!file) return SANDBOX_BANKS;
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new ConfigError(`BANKS_FILE "${file}" is not a readable JSON file: ${(error as Error).message}`);
  }
  if (!Array.isArray(parsed) || parsed.length === 0) throw new ConfigError(`BANKS_FILE "${file}" must hold a non-empty JSON array of banks.`);
  for (const bank of parsed as BankConfig[]) {
    if (typeof bank?.id !== "string" || typeof bank.connector?.kind !== "string") {
      throw new ConfigError(`Every bank in BANKS_FILE needs an "id" and a "connector": { "kind": … }.`);
    }
  }
  return parsed as BankConfig[];
}

export function subgraphUrls(env: Env, names: readonly string[]): Record<string, string> {
  const urls: Record<string, string> = {};
  for (const name of names) {
    const variable = `${name.toUpperCase()}_SUBGRAPH_URL`;
    const raw = env[variable];
    if (!raw) continue;
    try {
      urls[name] = new URL(raw).toString();
    } catch {
      throw new ConfigError(`${variable} must be a URL such as http://accounts:4001/graphql, got "${raw}".`);
    }
  }
  const given = Object.keys(urls).length;
  if (given > 0 && given < names.length) {
    const missing = names.filter((n) => !urls[n]).map((n) => `${n.toUpperCase()}_SUBGRAPH_URL`);
    throw new ConfigError(`Distributed mode needs a URL for every subgraph; missing ${missing.join(", ")}.`);
  }
  return urls;
}

function trustedIssuers(env: Env): HubConfig["trustedIssuers"] {
  const raw = env.AUTH_TRUSTED_ISSUERS;
  if (!raw) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new ConfigError("AUTH_TRUSTED_ISSUERS must be JSON: a list of {\"issuer\", \"jwksUrl\"} objects.");
  }
  if (!Array.isArray(parsed)) throw new ConfigError("AUTH_TRUSTED_ISSUERS must be a JSON list.");
  return parsed.map((entry, i) => {
    const { issuer, jwksUrl, audience } = (entry ?? {}) as Record<string, unknown>;
    if (typeof issuer !== "string" || typeof jwksUrl !== "string" || !URL.canParse(jwksUrl)) {
      throw new ConfigError(`AUTH_TRUSTED_ISSUERS[${i}] needs an "issuer" and a "jwksUrl" URL.`);
    }
    return { issuer, jwksUrl, audience: typeof audience === "string" ? audience : undefined };
  });
}

function softwareStatementDirectory(env: Env): HubConfig["softwareStatementDirectory"] {
  const issuer = env.AUTH_DIRECTORY_ISSUER;
  const jwksUrl = env.AUTH_DIRECTORY_JWKS_URL;
  if (!issuer && !jwksUrl) return undefined;
  if (!issuer || !jwksUrl || !URL.canParse(jwksUrl)) throw new ConfigError("AUTH_DIRECTORY_ISSUER and AUTH_DIRECTORY_JWKS_URL (a URL) go together.");
  return { issuer, jwksUrl };
}

function operatorClient(env: Env, production: boolean): HubConfig["operatorClient"] {
  const clientId = env.OPERATOR_CLIENT_ID || "hub-operator";
  const clientSecret = env.OPERATOR_CLIENT_SECRET || (production ? undefined : "hub-operator-sandbox-secret");
  if (!clientSecret) return undefined;
  if (production && clientSecret.length < 32) throw new ConfigError("OPERATOR_CLIENT_SECRET must be at least 32 characters in production.");
  return { clientId, clientSecret };
}

function webhooks(env: Env, production: boolean): WebhookConfig {
  try {
    return webhookConfigFromEnv(env, production);
  } catch (error) {
    throw new ConfigError((error as Error).message);
  }
}

export function loadConfig(env: Env, subgraphNames: readonly string[]): HubConfig {
  const production = env.NODE_ENV === "production";
  const urls = subgraphUrls(env, subgraphNames);
  const internalSecret = env.HUB_INTERNAL_SECRET || undefined;
  if (internalSecret !== undefined && internalSecret.length < 32) throw new ConfigError("HUB_INTERNAL_SECRET must be at least 32 characters.");
  if (Object.keys(urls).length > 0 && !internalSecret) {
    throw new ConfigError("Distributed mode (…_SUBGRAPH_URL set) needs HUB_INTERNAL_SECRET, shared with every subgraph, to sign caller identities.");
  }
  return {
    port: integer(env, "PORT", 4000, 0, 65535),
    host: env.HOST || "0.0.0.0",
    production,
    databaseUrl: databaseUrl(env),
    dataDir: env.DATA_DIR?.startsWith("memory:") ? env.DATA_DIR : path.resolve(env.DATA_DIR || ".data"),
    seed: flag(env, "SEED", true),
    banks: banks(env),
    subgraphUrls: urls,
    internalSecret,
    maxQueryDepth: integer(env, "MAX_QUERY_DEPTH", 12, 2, 100),
    maxQueryCost: integer(env, "MAX_QUERY_COST", 20_000, 10, 10_000_000),
    maxBodyBytes: integer(env, "MAX_BODY_BYTES", 100_000, 1_000, 10_000_000),
    logLevel: env.LOG_LEVEL || (production ? "info" : "warn"),
    authIssuer: env.AUTH_ISSUER || undefined,
    authJwksFile: env.AUTH_JWKS_FILE || undefined,
    trustedIssuers: trustedIssuers(env),
    operatorClient: operatorClient(env, production),
    softwareStatementDirectory: softwareStatementDirectory(env),
    webhooks: webhooks(env, production),
    tls: tls(env),
  };
}
