/**
 * @module Who receives a webhook for an event that names no TPP: the ledger's `transaction.booked`
 * and `balance.changed`. Those go to every TPP holding a valid AIS consent of one of the account's
 * holders that covers that data of the account (transactions, balances), decided by the same access
 * policy as a query (subgraphs/shared/account-access.ts) on the consents the consents subgraph holds.
 * The consents are read through GraphQL as the system: in process where the consents subgraph runs
 * here, else from its server (distributed mode, `CONSENTS_SUBGRAPH_URL`, signed with `HUB_INTERNAL_SECRET`).
 */
import { execute, parse } from "graphql";

import { accessProblem, type DataKind, type HeldAccount } from "../../subgraphs/shared/account-access.js";
import { CALLER_HEADER, signCaller } from "../../subgraphs/shared/caller-token.js";
import { CONSENT_GRANT_FIELDS, toGrant, type ConsentData } from "../../subgraphs/shared/consent-grant.js";
import { systemCaller, type Caller } from "../../subgraphs/shared/context.js";
import type { RunningSubgraph, Subgraph } from "../../subgraphs/shared/subgraph.js";
import { EventType, type HubEvent } from "../event.js";

/** The ids of the TPPs an event without a TPP of its own concerns. */
export type WebhookAudience = (event: HubEvent) => Promise<string[]>;

/** Runs a query as the system on the consents subgraph; throws when it cannot answer (the bus redelivers). */
export type ConsentsQuery = (query: string, variables: Record<string, unknown>) => Promise<Record<string, unknown>>;

const KIND_BY_TYPE: Record<string, DataKind> = { [EventType.TransactionBooked]: "transactions", [EventType.BalanceChanged]: "balances" };

const VALID_CONSENTS = `query WebhookAudience($psuId: String!, $after: String) {
  consents(psuId: $psuId, status: VALID, first: 100, after: $after) {
    edges { node { ${CONSENT_GRANT_FIELDS} } }
    pageInfo { hasNextPage endCursor }
  }
}`;

type ConsentPage = { consents: { edges: { node: ConsentData }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } };

export function consentAudience(query: ConsentsQuery, today: () => string = () => new Date().toISOString().slice(0, 10)): WebhookAudience {
  return async (event) => {
    const kind = KIND_BY_TYPE[event.type];
    const iban = event.payload.iban;
    const psuIds = event.payload.psuIds;
    if (!kind || typeof iban !== "string" || !Array.isArray(psuIds)) return [];
    const account: HeldAccount = { iban, psuIds: psuIds.map(String) };
    const tppIds = new Set<string>();
    for (const psuId of account.psuIds) {
      let after: string | null = null;
      do {
        const page = (await query(VALID_CONSENTS, { psuId, after })) as ConsentPage;
        for (const { node } of page.consents.edges) {
          const grant = toGrant(node);
          const caller: Caller = { kind: "tpp", tppId: grant.tppId, consentId: grant.id, consent: grant, scopes: ["accounts"] };
          if (!accessProblem(caller, account, kind, today())) tppIds.add(grant.tppId);
        }
        after = page.consents.pageInfo.hasNextPage ? page.consents.pageInfo.endCursor : null;
      } while (after);
    }
    return [...tppIds];
  };
}

/** The consents subgraph running in this process. */
export function localConsentsQuery(subgraph: Subgraph, running: RunningSubgraph): ConsentsQuery {
  return async (query, variables) => {
    const result = await execute({ schema: subgraph.schema, document: parse(query), variableValues: variables, contextValue: running.createContext(systemCaller) });
    if (result.errors?.length || !result.data) throw new Error(`consents subgraph: ${result.errors?.[0]?.message ?? "no data"}`);
    return result.data as Record<string, unknown>;
  };
}

/** The consents subgraph's server (distributed mode). */
export function remoteConsentsQuery(url: string, secret: string, timeoutMs = 10_000): ConsentsQuery {
  return async (query, variables) => {
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", [CALLER_HEADER]: await signCaller(systemCaller, secret) },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const body = (await response.json()) as { data?: Record<string, unknown>; errors?: { message: string }[] };
    if (!response.ok || body.errors?.length || !body.data) throw new Error(`consents subgraph at ${url}: ${body.errors?.[0]?.message ?? `HTTP ${response.status}`}`);
    return body.data;
  };
}
