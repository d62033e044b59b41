/**
 * @module Resolving an event for one subscriber through the gateway, with the subscriber's caller:
 * the same query plan, loaders and authorisation as a query. Answers are shared for a moment between
 * subscribers with the same identity and selection, so a fan-out of one event costs one query per
 * distinct (caller, selection), not one per socket.
 */
import type { ApolloServer } from "@apollo/server";
import type { GraphQLFormattedError } from "graphql";
import type { HubEvent } from "../../events/index.js";
import type { Caller } from "../../subgraphs/shared/context.js";
import type { GatewayContext } from "../local-data-source.js";
import { consentEndReason, consentErrorReason, SubscriptionEnded } from "./end-reasons.js";

export interface Resolved {
  entity: Record<string, unknown> | null;
  errors?: readonly GraphQLFormattedError[];
}

const MEMO_SIZE = 4_096;

export class EventDelivery {
  private readonly memo = new Map<string, Promise<Resolved>>();

  constructor(private readonly apollo: ApolloServer<GatewayContext>) {}

  /** The entity for `key` as the caller sees it; throws SubscriptionEnded when the caller's consent no longer grants access. */
  async resolve(event: Pick<HubEvent, "id">, caller: Caller, query: string, variables: Record<string, unknown>): Promise<Resolved> {
    const memoKey = `${event.id}\u0000${callerKey(caller)}\u0000${query}\u0000${JSON.stringify(variables)}`;
    let answer = this.memo.get(memoKey);
    if (!answer) {
      answer = this.run(caller, query, variables);
      this.memo.set(memoKey, answer);
      if (this.memo.size > MEMO_SIZE) this.memo.delete(this.memo.keys().next().value!);
    }
    const resolved = await answer;
    for (const error of resolved.errors ?? []) {
      const reason = consentErrorReason(error.extensions?.code);
      if (reason) throw new SubscriptionEnded(reason, error.message);
    }
    return resolved;
  }

  private async run(caller: Caller, query: string, variables: Record<string, unknown>): Promise<Resolved> {
    const response = await this.apollo.executeOperation({ query, variables }, { contextValue: { caller } });
    if (response.body.kind !== "single") return { entity: null };
    const { data, errors } = response.body.singleResult;
    return { entity: ((data as { entity?: Record<string, unknown> | null } | null)?.entity ?? null) as Resolved["entity"], errors };
  }
}

function callerKey(caller: Caller): string {
  return JSON.stringify([caller.kind, caller.tppId, caller.psuId, caller.consentId, caller.consent?.status, caller.psuPresent, caller.scopes]);
}

/**
 * Watches the subscriber's own consent and TPP: keeps the consent's status current on the caller (the
 * subgraphs decide with it) and ends the subscription when the consent reaches a final state or the
 * TPP is suspended or revoked.
 */
export function consentWatch(caller: Caller) {
  const { consentId, tppId } = caller;
  return (event: HubEvent, stream: { fail(error: unknown): void }) => {
    if (tppId && event.type === "tpp.status_changed" && event.subject === `Tpp:${tppId}`) {
      // The same rule as a token check: a TPP that is not ACTIVE gets nothing.
      const status = String(event.payload.status).toLowerCase();
      if (status !== "active") stream.fail(new SubscriptionEnded("TPP_NOT_ACTIVE", `TPP ${tppId} is ${status}; its subscriptions have ended.`));
      return;
    }
    if (!consentId || event.type !== "consent.status_changed" || event.subject !== `Consent:${consentId}`) return;
    const status = String(event.payload.to);
    if (caller.consent) caller.consent = { ...caller.consent, status };
    const reason = consentEndReason(status);
    if (reason) stream.fail(new SubscriptionEnded(reason, `Consent ${consentId} is ${status} (${String(event.payload.reason ?? "no reason given")}); this subscription has ended.`));
  };
}

/**
 * For a subscription that does not read these events itself: `ended` rejects with the reason when the
 * caller's consent reaches a final state or its TPP is suspended (it never resolves).
 */
export function consentGuard(fanout: { source(watch?: ReturnType<typeof consentWatch>): { stream(filter: { types: string[]; match?: (event: HubEvent) => boolean }): AsyncIterator<HubEvent> } }, caller: Caller) {
  if (!caller.consentId && !caller.tppId) return { ended: new Promise<never>(() => {}), stop: () => {} };
  // Only the watch acts; the stream itself lets nothing through.
  const stream = fanout.source(consentWatch(caller)).stream({ types: ["consent.status_changed", "tpp.status_changed"], match: () => false });
  const ended = new Promise<never>((_resolve, reject) => {
    const pump = (): void => void stream.next().then((step) => (step.done ? undefined : pump()), reject);
    pump();
  });
  ended.catch(() => {});
  return { ended, stop: () => void stream.return?.() };
}

/** Ends at once a subscription made under a consent that is already final. */
export function assertConsentOpen(caller: Caller): void {
  const status = caller.consent?.status;
  const reason = status ? consentEndReason(status) : undefined;
  if (reason) throw new SubscriptionEnded(reason, `Consent ${caller.consentId} is ${status}; it grants no subscription.`);
}
