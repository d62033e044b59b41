import { Arg, ID, Resolver, Root, Subscription } from "type-graphql";
import { EventType } from "../../../events/event.js";
import { eventsOf, type HubEvent } from "../../shared/event-source.js";
import { assertUuid } from "../../shared/ids.js";
import { Tpp } from "../entities/index.js";

@Resolver()
export class TppSubscriptionResolver {
  @Subscription(() => Tpp, {
    description: "Every status change of one TPP (vetted, suspended, revoked). `after`: the last event id seen, to resume.",
    subscribe: ({ args, context }) =>
      eventsOf(context).stream({ types: [EventType.TppStatusChanged], subject: `Tpp:${assertUuid(args.tppId, "tppId")}`, after: args.after }),
  })
  tppStatusChanged(@Root() event: HubEvent, @Arg("tppId", () => ID) _tppId: string, @Arg("after", () => ID, { nullable: true }) _after?: string): Pick<Tpp, "id"> {
    return { id: event.subject.slice("Tpp:".length) };
  }
}
