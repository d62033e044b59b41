/**
 * @module The consent a TPP acts under (Consent-ID header or the token's consent_id), read from the
 * consents subgraph as the system and forwarded with the caller. The gateway only fetches the facts;
 * the subgraph that owns the data decides what they allow.
 */
import type { ApolloServer } from "@apollo/server";
import { CONSENT_GRANT_FIELDS, toGrant, type ConsentData } from "../../subgraphs/shared/consent-grant.js";
import type { ConsentGrant } from "../../subgraphs/shared/context.js";
import { systemCaller } from "../../subgraphs/shared/context.js";
import type { GatewayContext } from "../local-data-source.js";

const CONSENT_QUERY = `query ConsentGrant($id: ID!) { consent(id: $id) { ${CONSENT_GRANT_FIELDS} } }`;

export function registryConsents(apollo: ApolloServer<GatewayContext>) {
  return async (consentId: string): Promise<ConsentGrant | undefined> => {
    const response = await apollo.executeOperation({ query: CONSENT_QUERY, variables: { id: consentId } }, { contextValue: { caller: systemCaller } });
    if (response.body.kind !== "single") return undefined;
    const data = response.body.singleResult.data as { consent: ConsentData | null } | undefined;
    return data?.consent ? toGrant(data.consent) : undefined;
  };
}
