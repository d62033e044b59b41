/**
 * @module Settings of the Berlin Group facade, from environment variables (validated at start):
 * BG_DEFAULT_BANK, BG_CLIENT_CERT_HEADER and BG_SANDBOX. See the README section "Berlin Group REST facade".
 */
import type { HubConfig } from "../config.js";
import { ConfigError } from "../config.js";

export interface BerlinGroupConfig {
  /** The bank a request goes to when it names none (X-GTW-ASPSP-ID). */
  defaultBank: string;
  bankIds: string[];
  /** Header in which a TLS-terminating proxy forwards the client certificate (PEM, URL-encoded or not); unset: not trusted. */
  clientCertHeader?: string;
  /** Sandbox: TPP-Signature-Certificate identifies a TPP, and unknown test certificates register their TPP. */
  sandbox: boolean;
}

export function berlinGroupConfig(hub: HubConfig, env: Record<string, string | undefined> = process.env): BerlinGroupConfig {
  const bankIds = hub.banks.map((b) => b.id);
  const defaultBank = env.BG_DEFAULT_BANK || (bankIds.includes("musterbank") ? "musterbank" : bankIds[0]!);
  if (!bankIds.includes(defaultBank)) throw new ConfigError(`BG_DEFAULT_BANK must be one of the configured banks (${bankIds.join(", ")}), got "${defaultBank}".`);
  const header = env.BG_CLIENT_CERT_HEADER?.trim().toLowerCase();
  if (header && !/^[a-z0-9-]+$/.test(header)) throw new ConfigError(`BG_CLIENT_CERT_HEADER must be an HTTP header name, got "${env.BG_CLIENT_CERT_HEADER}".`);
  const sandboxRaw = env.BG_SANDBOX?.toLowerCase();
  if (sandboxRaw && !["true", "false", "1", "0"].includes(sandboxRaw)) throw new ConfigError(`BG_SANDBOX must be true or false, got "${env.BG_SANDBOX}".`);
  const sandbox = sandboxRaw ? sandboxRaw === "true" || sandboxRaw === "1" : !hub.production;
  return { defaultBank, bankIds, clientCertHeader: header || undefined, sandbox };
}
