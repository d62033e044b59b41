/**
 * @module Distributed mode: a subscription field's primary stream runs on the owning subgraph's
 * server, reached over graphql-ws. All subscriptions to one subgraph share one WebSocket (opened on
 * the first, closed after the last); each carries its caller, signed as for HTTP fetches, in the
 * subscribe message's extensions. The owner is found in the supergraph (`@join__field(graph:)`).
 */
import { GraphQLError, Kind, parse, print, type ConstDirectiveNode, type ExecutionResult } from "graphql";
import { createClient, type Client } from "graphql-ws";
import WebSocket from "ws";
import { CALLER_HEADER, signCaller } from "../../subgraphs/shared/caller-token.js";
import { systemCaller } from "../../subgraphs/shared/context.js";
import type { EventStamp, KeyedResult, SubscriptionOwner } from "./subscription-owner.js";
import { SubscriptionEnded } from "./end-reasons.js";

/** Subscription field → subgraph name, from the composed supergraph. */
export function subscriptionFieldOwners(supergraphSdl: string): Map<string, string> {
  return rootFieldOwners(supergraphSdl, "Subscription");
}

/** The subgraph (by name) that serves each field of a root type (Query, Mutation, Subscription) of the supergraph. */
export function rootFieldOwners(supergraphSdl: string, rootType: string): Map<string, string> {
  const document = parse(supergraphSdl);
  const graphNames = new Map<string, string>();
  const owners = new Map<string, string>();
  const arg = (directive: ConstDirectiveNode, name: string) => {
    const value = directive.arguments?.find((a) => a.name.value === name)?.value;
    return value?.kind === Kind.STRING || value?.kind === Kind.ENUM ? value.value : undefined;
  };
  for (const definition of document.definitions) {
    if (definition.kind === Kind.ENUM_TYPE_DEFINITION && definition.name.value === "join__Graph") {
      for (const value of definition.values ?? []) {
        const graph = value.directives?.find((d) => d.name.value === "join__graph");
        if (graph) graphNames.set(value.name.value, arg(graph, "name")!);
      }
    }
  }
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION || definition.name.value !== rootType) continue;
    for (const field of definition.fields ?? []) {
      const graph = field.directives?.find((d) => d.name.value === "join__field");
      const name = graph && graphNames.get(arg(graph, "graph") ?? "");
      if (name) owners.set(field.name.value, name);
    }
  }
  return owners;
}

function asGraphQLError(error: unknown): GraphQLError {
  const first = Array.isArray(error) ? error[0] : error;
  if (first instanceof GraphQLError) return first;
  const formatted = first as { message?: string; extensions?: Record<string, unknown>; code?: number; reason?: string };
  if (typeof formatted?.code === "number") return new SubscriptionEnded("EVENTS_UNAVAILABLE", `The subgraph's event stream closed (${formatted.code} ${formatted.reason ?? ""}); resubscribe with \`after\`.`);
  return new GraphQLError(formatted?.message ?? String(first), { extensions: formatted?.extensions });
}

/** One connection per subgraph server: the gateway authenticates it as itself, each subscription as its caller. */
const clients = new Map<string, Client>();

function sharedClient(url: string, secret: string): Client {
  const key = `${url} ${secret}`;
  let client = clients.get(key);
  if (!client) {
    // A dropped connection ends its subscriptions (they resume with `after`); the next one reconnects.
    client = createClient({ url, webSocketImpl: WebSocket, connectionParams: async () => ({ [CALLER_HEADER]: await signCaller(systemCaller, secret) }), retryAttempts: 0, lazy: true });
    clients.set(key, client);
  }
  return client;
}

export function remoteOwner(subgraphUrl: string, secret: string): SubscriptionOwner {
  const url = subgraphUrl.replace(/^http/, "ws");
  return {
    async open(document, variables, caller) {
      const token = await signCaller(caller, secret);
      const results = sharedClient(url, secret).iterate<Record<string, unknown>, { event?: EventStamp }>({ query: print(document), variables, extensions: { [CALLER_HEADER]: token } });
      const iterator: AsyncIterableIterator<KeyedResult> = {
        async next() {
          try {
            const step = await results.next();
            if (step.done) return { value: undefined, done: true };
            return { value: { result: step.value as ExecutionResult, event: step.value.extensions?.event }, done: false };
          } catch (error) {
            throw asGraphQLError(error);
          }
        },
        async return() {
          await results.return?.();
          return { value: undefined, done: true };
        },
        [Symbol.asyncIterator]: () => iterator,
      };
      return iterator;
    },
  };
}
