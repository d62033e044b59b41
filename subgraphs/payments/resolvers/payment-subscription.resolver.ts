import { Arg, ID, Resolver, Root, Subscription } from "type-graphql";
import { eventsOf, type HubEvent } from "../../shared/event-source.js";
import { assertUuid } from "../../shared/ids.js";
import { Payment } from "../entities/index.js";
import { PAYMENT_STATUS_CHANGED } from "../payment-store.js";

@Resolver()
export class PaymentSubscriptionResolver {
  @Subscription(() => Payment, {
    description: "Every status change of one payment, as the payment right after it. `after`: the last event id seen, to resume.",
    subscribe: ({ args, context }) =>
      eventsOf(context).stream({ types: [PAYMENT_STATUS_CHANGED], subject: `Payment:${assertUuid(args.paymentId, "paymentId")}`, after: args.after }),
  })
  paymentStatusChanged(
    @Root() event: HubEvent,
    @Arg("paymentId", () => ID) _paymentId: string,
    @Arg("after", () => ID, { nullable: true }) _after?: string,
  ): Pick<Payment, "id"> {
    return { id: String(event.payload.paymentId) };
  }
}
