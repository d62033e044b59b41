/**
 * @module Where the authorization server finds OAuth clients: the TPP registry (tpps subgraph), read
 * through the hub's own GraphQL pipeline as the system, plus the operator client from configuration.
 * Only clients of ACTIVE TPPs exist as far as OAuth is concerned.
 */
import type { JWK } from "jose";

export interface RegisteredClient {
  clientId: string;
  tppId: string | null;
  /** Roles of the TPP (AISP, PISP, PIISP) or ["OPERATOR"]. */
  roles: string[];
  redirectUris: string[];
  tokenEndpointAuthMethod: "private_key_jwt" | "client_secret_basic";
  jwks?: { keys: JWK[] };
  clientSecret?: string;
}

export type ClientLookup = (clientId: string) => Promise<RegisteredClient | undefined>;

/** OAuth scopes a client may ask for, from the TPP's PSD2 roles. */
export function scopesOf(client: RegisteredClient): string[] {
  const scopes = new Set<string>();
  for (const role of client.roles) {
    if (role === "AISP") scopes.add("accounts");
    if (role === "PISP") scopes.add("payments");
    if (role === "PIISP") scopes.add("fundsconfirmation");
    if (role === "OPERATOR") scopes.add("operator");
  }
  return [...scopes];
}

export interface OperatorClientConfig {
  clientId: string;
  clientSecret: string;
}

/** The registry lookup, with the configured operator client in front of it. */
export function clientDirectory(registry: ClientLookup, operator?: OperatorClientConfig): ClientLookup {
  return async (clientId) => {
    if (operator && clientId === operator.clientId) {
      return {
        clientId,
        tppId: null,
        roles: ["OPERATOR"],
        redirectUris: [],
        tokenEndpointAuthMethod: "client_secret_basic",
        clientSecret: operator.clientSecret,
      };
    }
    return registry(clientId);
  };
}
