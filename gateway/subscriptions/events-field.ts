/**
 * @module `events(types, after)`: the generic feed, served by the gateway itself (no one subgraph owns
 * every event). An event reaches a subscriber only if the subscriber may read the entity it is about:
 * the gateway asks `<entity>(id:)` as the subscriber, as a query would. The hub's operators see all.
 */
import { extendSchema, parse, type GraphQLSchema } from "graphql";
import { subjectKey, type HubEvent } from "../../events/index.js";
import type { Caller } from "../../subgraphs/shared/context.js";
import { assertConsentOpen, consentWatch, type EventDelivery } from "./event-delivery.js";
import type { EventFanout } from "./event-fanout.js";

const EVENTS_SDL = `
"""Any JSON object."""
scalar JSONObject

"""A committed domain event, as the subgraph that owns its entity recorded it."""
type HubEvent {
  """Time-ordered (UUID v7); pass the last one received as \`after\` to resume."""
  id: ID!
  """e.g. payment.status_changed, consent.status_changed, consent.expiring, transaction.booked."""
  type: String!
  """The entity the event is about, as "Type:id"."""
  subject: String!
  occurredAt: String!
  bankId: ID
  tppId: ID
  psuId: String
  payload: JSONObject!
}

extend type Subscription {
  """Events of these types (all when omitted) about entities the caller may read. \`after\`: the last event id received, to resume."""
  events(types: [String!], after: ID): HubEvent!
}
`;

export interface EventsFieldContext {
  caller: Caller;
}

const lowerFirst = (name: string) => name.charAt(0).toLowerCase() + name.slice(1);

/** The API schema plus `Subscription.events`, executable: graphql-ws serves this schema. */
export function withEventsField(apiSchema: GraphQLSchema, fanout: EventFanout, delivery: EventDelivery): GraphQLSchema {
  const schema = extendSchema(apiSchema, parse(EVENTS_SDL), { assumeValidSDL: true });
  const query = schema.getQueryType()!.getFields();
  const visibility = (event: HubEvent): string | undefined => {
    const { typename } = subjectKey(event.subject);
    const field = query[lowerFirst(typename)];
    return field?.args.some((a) => a.name === "id") ? `query EventSubject($subscriptionKey: ID!) { entity: ${field.name}(id: $subscriptionKey) { __typename } }` : undefined;
  };
  const field = schema.getSubscriptionType()!.getFields().events!;
  field.resolve = (event: HubEvent) => event;
  field.subscribe = (_root, args: { types?: string[] | null; after?: string | null }, context: EventsFieldContext) => {
    const { caller } = context;
    assertConsentOpen(caller);
    const stream = fanout.source(consentWatch(caller)).stream({ types: args.types ?? [], after: args.after });
    const iterator: AsyncIterableIterator<HubEvent> = {
      async next() {
        for (;;) {
          const step = await stream.next();
          if (step.done || caller.kind === "operator") return step;
          const probe = visibility(step.value);
          if (!probe) continue;
          const { entity } = await delivery.resolve(step.value, caller, probe, { subscriptionKey: subjectKey(step.value.subject).id });
          if (entity) return step;
        }
      },
      return: () => stream.return(),
      [Symbol.asyncIterator]: () => iterator,
    };
    return iterator;
  };
  return schema;
}
