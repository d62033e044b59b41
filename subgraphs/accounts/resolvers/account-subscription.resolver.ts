import { Arg, ID, Resolver, Root, Subscription } from "type-graphql";
import { EventType } from "../../../events/event.js";
import { eventsOf, type HubEvent } from "../../shared/event-source.js";
import { Account } from "../types/account.type.js";
import { Transaction } from "../types/transaction.type.js";

const onAccounts = (accountIds: string[]) => (event: HubEvent) => accountIds.includes(String(event.payload.accountId));

@Resolver()
export class AccountSubscriptionResolver {
  @Subscription(() => Transaction, {
    description: "Each transaction booked on one of these accounts (hub account ids). `after`: the last event id seen, to resume.",
    subscribe: ({ args, context }) => eventsOf(context).stream({ types: [EventType.TransactionBooked], match: onAccounts(args.accountIds), after: args.after }),
  })
  transactionBooked(
    @Root() event: HubEvent,
    @Arg("accountIds", () => [ID]) _accountIds: string[],
    @Arg("after", () => ID, { nullable: true }) _after?: string,
  ): Pick<Transaction, "id"> {
    return { id: String(event.payload.transactionId) };
  }

  @Subscription(() => Account, {
    description: "One of these accounts after a change of its balances. `after`: the last event id seen, to resume.",
    subscribe: ({ args, context }) => eventsOf(context).stream({ types: [EventType.BalanceChanged], match: onAccounts(args.accountIds), after: args.after }),
  })
  balanceChanged(
    @Root() event: HubEvent,
    @Arg("accountIds", () => [ID]) _accountIds: string[],
    @Arg("after", () => ID, { nullable: true }) _after?: string,
  ): Pick<Account, "id"> {
    return { id: String(event.payload.accountId) };
  }
}
