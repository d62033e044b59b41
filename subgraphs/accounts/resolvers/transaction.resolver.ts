import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import { authorize } from "../authorize.js";
import type { AccountsContext } from "../context.js";
import { accountIdOf, parseTransactionId } from "../mapper.js";
import { Account } from "../types/account.type.js";
import { Transaction } from "../types/transaction.type.js";

@Resolver(() => Transaction)
export class TransactionResolver {
  @Query(() => Transaction, { nullable: true, description: "One transaction by the id a transaction list returned." })
  async transaction(@Arg("id", () => ID) id: string, @Ctx() ctx: AccountsContext) {
    parseTransactionId(id); // rejects a malformed id before it reaches a batch
    const transaction = await ctx.loaders.transactionById.load(id);
    if (!transaction) return null;
    const account = await ctx.loaders.accountById.load(accountIdOf(transaction.bankId, transaction.accountRef));
    if (!account) return null;
    await authorize(ctx, account, "transactions");
    return transaction;
  }

  @FieldResolver(() => Account)
  account(@Root() transaction: Transaction, @Ctx() ctx: AccountsContext) {
    return ctx.loaders.accountById.load(accountIdOf(transaction.bankId, transaction.accountRef));
  }
}
