/**
 * @module A client subscription to a subgraph's field: the owning subgraph runs it (its filter and
 * checks, on this subscriber's event stream) and yields entity keys; each key is resolved with the
 * client's selection through the gateway. Each result carries its event in `extensions.event`, whose
 * `id` is what the client passes as `after` to resume.
 */
import { subscribe, type DocumentNode, type ExecutionResult, type GraphQLSchema, type OperationDefinitionNode } from "graphql";
import type { Caller } from "../../subgraphs/shared/context.js";
import { assertConsentOpen, consentWatch, type EventDelivery } from "./event-delivery.js";
import type { EventFanout } from "./event-fanout.js";
import { planSubscription } from "./subscription-plan.js";

export interface SubscriptionOwner {
  schema: GraphQLSchema;
  createContext(caller: Caller): object;
}

export interface FederatedDeps {
  apiSchema: GraphQLSchema;
  fanout: EventFanout;
  delivery: EventDelivery;
  /** The subgraph that declares a subscription field (embedded mode). */
  ownerOf(field: string): SubscriptionOwner | undefined;
}

export async function subscribeFederated(
  deps: FederatedDeps,
  request: { document: DocumentNode; operation: OperationDefinitionNode; variables: Record<string, unknown>; caller: Caller },
): Promise<AsyncIterableIterator<ExecutionResult> | ExecutionResult> {
  const { caller, variables } = request;
  assertConsentOpen(caller);
  const plan = planSubscription(deps.apiSchema, request.document, request.operation);
  const owner = deps.ownerOf(plan.field);
  if (!owner) return { errors: [{ message: `Subscription "${plan.field}" is not served by this hub.`, extensions: { code: "SUBSCRIPTIONS_UNAVAILABLE" } } as never] };
  const source = deps.fanout.source(consentWatch(caller));
  const primary = await subscribe({ schema: owner.schema, document: plan.primary, variableValues: variables, contextValue: { ...owner.createContext(caller), events: source } });
  if (!(Symbol.asyncIterator in primary)) return primary;
  const keys = primary[Symbol.asyncIterator]();

  const nextResult = async (): Promise<IteratorResult<ExecutionResult>> => {
    for (;;) {
      const step = await keys.next();
      if (step.done) return step;
      const event = source.streams[0]?.current;
      if (step.value.errors?.length || !event) return step;
      const key = (step.value.data?.[plan.responseKey] as { id?: string } | null)?.id;
      if (!key) continue;
      const { entity, errors } = await deps.delivery.resolve(event, caller, plan.refetch, { ...variables, subscriptionKey: key });
      if (!entity) continue; // not visible to this subscriber, exactly as a query would answer null
      return {
        done: false,
        value: { data: { [plan.responseKey]: entity }, ...(errors ? { errors: errors as never } : {}), extensions: { event: { id: event.id, type: event.type, occurredAt: event.occurredAt } } },
      };
    }
  };
  const iterator: AsyncIterableIterator<ExecutionResult> = {
    next: nextResult,
    async return() {
      await keys.return?.();
      for (const stream of source.streams) await stream.return();
      return { value: undefined, done: true };
    },
    [Symbol.asyncIterator]() {
      return iterator;
    },
  };
  return iterator;
}
