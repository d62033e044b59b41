/**
 * @module How a subgraph declares a subscription: its resolver's `subscribe` asks the context's event
 * source for the events that concern the field (types, subject, a filter on the event) and resolves
 * each one to its entity's key. The gateway supplies the source (the bus, with replay after an event
 * id) and resolves the client's selection for that key through the whole supergraph.
 *
 * @example
 * @Subscription(() => Payment, { subscribe: ({ args, context }) => eventsOf(context).stream({ types: ["payment.status_changed"], subject: `Payment:${args.paymentId}`, after: args.after }) })
 * paymentStatusChanged(@Root() event: HubEvent, …) { return { id: event.payload.paymentId }; }
 */
import type { HubEvent } from "../../events/event.js";
import { HubError } from "./errors.js";

export type { HubEvent } from "../../events/event.js";

export interface EventFilter {
  types: readonly string[];
  /** Only events about this entity ("Type:id"). */
  subject?: string;
  /** Any further condition on the event (e.g. one of several accounts). */
  match?: (event: HubEvent) => boolean;
  /** Replay what followed this event id first (the client's last seen event). */
  after?: string | null;
}

export interface EventSource {
  stream(filter: EventFilter): AsyncIterable<HubEvent>;
}

export function eventsOf(context: unknown): EventSource {
  const events = (context as { events?: EventSource } | undefined)?.events;
  if (!events) throw new HubError("SUBSCRIPTIONS_UNAVAILABLE", "Subscriptions are served over graphql-ws at the gateway's /graphql.", { httpStatus: 400 });
  return events;
}
