/**
 * @module OAuth clients and TPP status from the TPP registry, asked through the hub's own GraphQL
 * pipeline as the system caller (the gateway reads no subgraph's tables). Only ACTIVE apps of ACTIVE
 * TPPs are clients.
 */
import type { ApolloServer } from "@apollo/server";
import { systemCaller } from "../../subgraphs/shared/context.js";
import type { GatewayContext } from "../local-data-source.js";
import type { ClientLookup, RegisteredClient } from "./client-directory.js";

const CLIENT_QUERY = `query OAuthClient($clientId: String!) {
  tppApplication(clientId: $clientId) { clientId status redirectUris tokenEndpointAuthMethod jwks clientSecret tpp { id status roles } }
}`;
const TPP_STATUS_QUERY = `query TppStatus($id: ID!) { tpp(id: $id) { status } }`;

async function run<T>(apollo: ApolloServer<GatewayContext>, query: string, variables: Record<string, unknown>): Promise<T> {
  const response = await apollo.executeOperation({ query, variables }, { contextValue: { caller: systemCaller } });
  if (response.body.kind !== "single" || response.body.singleResult.errors) {
    throw new Error(`registry lookup failed: ${JSON.stringify(response.body.kind === "single" ? response.body.singleResult.errors : "incremental")}`);
  }
  return response.body.singleResult.data as T;
}

export function registryClients(apollo: ApolloServer<GatewayContext>): ClientLookup {
  return async (clientId) => {
    const data = await run<{ tppApplication: null | { clientId: string; status: string; redirectUris: string[]; tokenEndpointAuthMethod: string; jwks: string | null; clientSecret: string | null; tpp: { id: string; status: string; roles: string[] } } }>(
      apollo,
      CLIENT_QUERY,
      { clientId },
    );
    const app = data.tppApplication;
    if (!app || app.status !== "ACTIVE" || app.tpp.status !== "ACTIVE") return undefined;
    return {
      clientId: app.clientId,
      tppId: app.tpp.id,
      roles: app.tpp.roles,
      redirectUris: app.redirectUris,
      tokenEndpointAuthMethod: app.tokenEndpointAuthMethod === "CLIENT_SECRET_BASIC" ? "client_secret_basic" : "private_key_jwt",
      jwks: app.jwks ? JSON.parse(app.jwks) : undefined,
      clientSecret: app.clientSecret ?? undefined,
    } satisfies RegisteredClient;
  };
}

/** Whether a TPP may still act, asked on every authenticated request so a suspension bites at once. */
export function registryTppStatus(apollo: ApolloServer<GatewayContext>) {
  return async (tppId: string): Promise<string | null> => {
    const data = await run<{ tpp: { status: string } | null }>(apollo, TPP_STATUS_QUERY, { id: tppId });
    return data.tpp?.status ?? null;
  };
}
