/**
 * @module A client subscription to a subgraph's field: the owning subgraph runs it (its filter and
 * checks) and yields entity keys; each key is resolved with the client's selection through the
 * gateway, as the subscriber. Each result carries its event in `extensions.event`, whose `id` is what
 * the client passes as `after` to resume. A subscription made under a consent ends when that consent does.
 */
import type { DocumentNode, ExecutionResult, GraphQLSchema, OperationDefinitionNode } from "graphql";
import type { Caller } from "../../subgraphs/shared/context.js";
import { assertConsentOpen, consentGuard, type EventDelivery } from "./event-delivery.js";
import type { EventFanout } from "./event-fanout.js";
import type { SubscriptionOwner } from "./subscription-owner.js";
import { planSubscription } from "./subscription-plan.js";

const DENIALS = new Set(["FORBIDDEN", "UNAUTHENTICATED", "CONSENT_REQUIRED", "TPP_NOT_ACTIVE"]);
const isDenial = (code: unknown) => typeof code === "string" && (DENIALS.has(code) || code.endsWith("_NOT_FOUND"));

export interface FederatedDeps {
  apiSchema: GraphQLSchema;
  fanout: EventFanout;
  delivery: EventDelivery;
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
  const primary = await owner.open(plan.primary, variables, caller);
  if (!(Symbol.asyncIterator in primary)) return primary;
  const guard = consentGuard(deps.fanout, caller);

  const nextResult = async (): Promise<IteratorResult<ExecutionResult>> => {
    for (;;) {
      const step = await Promise.race([primary.next(), guard.ended]);
      if (step.done) return { value: undefined, done: true };
      const { result, event } = step.value;
      if (result.errors?.length || !event) return { value: result, done: false };
      const key = (result.data?.[plan.responseKey] as { id?: string } | null)?.id;
      if (!key) continue;
      const { entity, errors } = await Promise.race([deps.delivery.resolve(event, caller, plan.refetch, { ...variables, subscriptionKey: key }), guard.ended]);
      // Not visible to this subscriber (null, or refused): it gets nothing, not even that something happened.
      // Other errors (ACCESS_EXCEEDED, CORE_UNAVAILABLE) reach it as they would reach a query.
      if (!entity && (!errors?.length || errors.some((e) => isDenial(e.extensions?.code)))) continue;
      return {
        done: false,
        value: { data: entity ? { [plan.responseKey]: entity } : null, ...(errors?.length ? { errors: errors as never } : {}), extensions: { event } },
      };
    }
  };
  const iterator: AsyncIterableIterator<ExecutionResult> = {
    next: nextResult,
    async return() {
      guard.stop();
      await primary.return?.();
      return { value: undefined, done: true };
    },
    [Symbol.asyncIterator]: () => iterator,
  };
  return iterator;
}
