/**
 * @module Where a subscription field's primary stream runs: in-process on the owning subgraph's schema
 * (embedded), or on the owning subgraph's server over graphql-ws (distributed). Either way it yields,
 * per event, the entity key the subgraph resolved and the event it came from.
 */
import { subscribe, type DocumentNode, type ExecutionResult, type GraphQLSchema } from "graphql";
import type { HubEvent } from "../../events/index.js";
import type { Caller } from "../../subgraphs/shared/context.js";
import type { EventFanout } from "./event-fanout.js";

export type EventStamp = Pick<HubEvent, "id" | "type" | "occurredAt">;

/** One result of a primary subscription: the subgraph's answer (data with the key, or errors) and its event. */
export interface KeyedResult {
  result: ExecutionResult;
  event?: EventStamp;
}

export interface SubscriptionOwner {
  open(document: DocumentNode, variables: Record<string, unknown>, caller: Caller): Promise<AsyncIterableIterator<KeyedResult> | ExecutionResult>;
}

/** The subgraph's schema in this process; its context carries an event source on this gateway's fan-out. */
export function localOwner(schema: GraphQLSchema, createContext: (caller: Caller) => object, fanout: EventFanout): SubscriptionOwner {
  return {
    async open(document, variables, caller) {
      const source = fanout.source();
      const primary = await subscribe({ schema, document, variableValues: variables, contextValue: { ...createContext(caller), events: source } });
      if (!(Symbol.asyncIterator in primary)) return primary;
      return stamped(primary, () => source.streams[0]?.current, async () => {
        for (const stream of source.streams) await stream.return();
      });
    },
  };
}

/** Pairs each result with the event its source last yielded (graphql-js executes one event at a time). */
export function stamped(results: AsyncGenerator<ExecutionResult> | AsyncIterableIterator<ExecutionResult>, current: () => EventStamp | undefined, cleanup: () => Promise<void>): AsyncIterableIterator<KeyedResult> {
  const iterator: AsyncIterableIterator<KeyedResult> = {
    async next() {
      const step = await results.next();
      if (step.done) return { value: undefined, done: true };
      const event = current();
      return { value: { result: step.value, event: event && { id: event.id, type: event.type, occurredAt: event.occurredAt } }, done: false };
    },
    async return() {
      await results.return?.(undefined);
      await cleanup();
      return { value: undefined, done: true };
    },
    [Symbol.asyncIterator]: () => iterator,
  };
  return iterator;
}
