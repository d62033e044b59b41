/**
 * @module What a consent grants (ConsentGrant), as read from the consents subgraph: the selection to ask
 * for and its mapping. The gateway forwards it with a caller; webhook delivery uses it to find whom a
 * ledger event concerns. The subgraph that owns the data decides what a grant allows.
 */
import type { ConsentGrant } from "./context.js";

/** The Consent fields a ConsentGrant is made of. */
export const CONSENT_GRANT_FIELDS = `id type status validUntil frequencyPerDay recurringIndicator tpp { id } psu { id }
  access { accounts { iban } balances { iban } transactions { iban } availableAccounts availableAccountsWithBalance allPsd2 fundsConfirmation { account { iban } } }`;

export interface ConsentData {
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
