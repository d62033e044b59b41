import { Arg, ID, Resolver, Root, Subscription } from "type-graphql";
import { EventType } from "../../../events/event.js";
import { eventsOf, type HubEvent } from "../../shared/event-source.js";
import { Solution } from "../entities/solution.entity.js";

@Resolver()
export class SolutionPublishedResolver {
  @Subscription(() => Solution, {
    description: "Each solution as it is published in the marketplace. `after`: the last event id seen, to resume.",
    subscribe: ({ args, context }) => eventsOf(context).stream({ types: [EventType.SolutionPublished], after: args.after }),
  })
  solutionPublished(@Root() event: HubEvent, @Arg("after", () => ID, { nullable: true }) _after?: string): Pick<Solution, "id"> {
    return { id: event.subject.slice("Solution:".length) };
  }
}
