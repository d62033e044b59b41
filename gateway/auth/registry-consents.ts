/**
 * @module The consent a TPP acts under (Consent-ID header or the token's consent_id), read from the
 * consents subgraph as the system and forwarded with the caller. The gateway only fetches the facts;
 * the subgraph that owns the data decides what they allow.
 */
import type { ApolloServer } from "@apollo/server";
import type { ConsentGrant } from "../../subgraphs/shared/context.js";
import { systemCaller } from "../../subgraphs/shared/context.js";
import type { GatewayContext } from "../local-data-source.js";

const CONSENT_QUERY = `query ConsentGrant($id: ID!) { consent(id: $id) {
  id type status validUntil frequencyPerDay recurringIndicator tpp { id } psu { id }
  access { accounts { iban } balances { iban } transactions { iban } availableAccounts availableAccountsWithBalance allPsd2 fundsConfirmation { account { iban } } }
} }`;

interface ConsentData {
  id: string;
  type: ConsentGrant["type"];
  status: string;
  validUntil: string;
  frequencyPerDay: number;
  recurringIndicator: boolean;
  tpp: { id: string };
  psu: { id: string } | null;
  access: {
    accounts: { iban: string }[];
    balances: { iban: string }[];
    transactions: { iban: string }[];
    availableAccounts: string | null;
    availableAccountsWithBalance: string | null;
    allPsd2: string | null;
    fundsConfirmation: { account: { iban: string } } | null;
  };
}

/** REVOKED_BY_PSU → revokedByPsu: the Berlin Group spelling subgraphs compare against. */
const camel = (screaming: string) => screaming.toLowerCase().replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase());

export function toGrant(data: ConsentData): ConsentGrant {
  const { access } = data;
  return {
    id: data.id,
    type: data.type,
    status: camel(data.status),
    validUntil: data.validUntil,
    frequencyPerDay: data.frequencyPerDay,
    recurring: data.recurringIndicator,
    tppId: data.tpp.id,
    psuId: data.psu?.id ?? null,
    accounts: access.accounts.map((a) => a.iban),
    balances: access.balances.map((a) => a.iban),
    transactions: access.transactions.map((a) => a.iban),
    all: access.allPsd2 ? "allPsd2" : access.availableAccountsWithBalance ? "accountsWithBalances" : access.availableAccounts ? "accounts" : "none",
    ...(access.fundsConfirmation ? { fundsAccount: access.fundsConfirmation.account.iban } : {}),
  };
}

export function registryConsents(apollo: ApolloServer<GatewayContext>) {
  return async (consentId: string): Promise<ConsentGrant | undefined> => {
    const response = await apollo.executeOperation({ query: CONSENT_QUERY, variables: { id: consentId } }, { contextValue: { caller: systemCaller } });
    if (response.body.kind !== "single") return undefined;
    const data = response.body.singleResult.data as { consent: ConsentData | null } | undefined;
    return data?.consent ? toGrant(data.consent) : undefined;
  };
}
