import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import { connectionType, decodeCursor, pageOf, pageSize } from "../../shared/connection.js";
import { assertUuid } from "../../shared/ids.js";
import { authorize, authorizeDirectory } from "../authorize.js";
import type { AccountsContext } from "../context.js";
import { assertDate, accountErrors, normalizeIban } from "../errors.js";
import { toBalance, toBank, toTransaction } from "../mapper.js";
import { Account } from "../types/account.type.js";
import { AccountsArgs, TransactionArgs } from "../types/args.js";
import { Balance } from "../types/balance.type.js";
import { Bank } from "../types/bank.type.js";
import { TransactionConnection } from "../types/transaction.type.js";

export const AccountConnection = connectionType("Account", Account);

@Resolver(() => Account)
export class AccountResolver {
  @Query(() => Account, { nullable: true, description: "An account by its hub id; null when there is none." })
  async account(@Arg("id", () => ID) id: string, @Ctx() ctx: AccountsContext) {
    const account = await ctx.loaders.accountById.load(assertUuid(id, "id"));
    if (account) await authorize(ctx, account, "account");
    return account;
  }

  @Query(() => Account, { nullable: true, description: "An account by IBAN (any spacing or case); null when no bank holds it." })
  async accountByIban(@Arg("iban", () => String) iban: string, @Ctx() ctx: AccountsContext) {
    const account = await ctx.loaders.accountByIban.load(normalizeIban(iban));
    if (account) await authorize(ctx, account, "account");
    return account;
  }

  @Query(() => AccountConnection, { description: "The hub's account directory, a page at a time (operator view)." })
  async accounts(@Args(() => AccountsArgs) args: AccountsArgs, @Ctx() ctx: AccountsContext) {
    authorizeDirectory(ctx);
    const size = pageSize(args.first);
    const after = decodeCursor(args.after, 1)?.[0] as string | undefined;
    if (args.bankId) ctx.connectors.get(args.bankId);
    const links = await ctx.directory.page(ctx.em, { bankId: args.bankId, after, size: size + 1 });
    const accounts = await ctx.loaders.accountById.loadMany(links.map((l) => l.id));
    const found = accounts.filter((a): a is Account => a !== null && !(a instanceof Error));
    const failed = accounts.find((a): a is Error => a instanceof Error);
    if (failed && found.length === 0) throw failed;
    return pageOf(found, size, (a) => [a.id], Boolean(after));
  }

  @FieldResolver(() => Bank)
  bank(@Root() account: Account, @Ctx() ctx: AccountsContext) {
    return toBank(ctx.connectors.bank(account.bankId)!);
  }

  @FieldResolver(() => [Balance], { description: "Current balances from the bank's core." })
  async balances(@Root() account: Account, @Ctx() ctx: AccountsContext) {
    await authorize(ctx, account, "balances");
    return (await ctx.loaders.balances.load(account)).map(toBalance);
  }

  @FieldResolver(() => TransactionConnection, { description: "Transactions, newest first." })
  async transactions(@Root() account: Account, @Args(() => TransactionArgs) args: TransactionArgs, @Ctx() ctx: AccountsContext) {
    await authorize(ctx, account, "transactions");
    const first = pageSize(args.first);
    const dateFrom = assertDate("dateFrom", args.dateFrom);
    const dateTo = assertDate("dateTo", args.dateTo);
    if (dateFrom && dateTo && dateFrom > dateTo) throw accountErrors.dateRange(dateFrom, dateTo);
    const query = { bookingStatus: args.bookingStatus, dateFrom, dateTo, first, after: args.after ?? undefined };
    const page = (await ctx.loaders.transactions.load({ account, query }))!;
    const nodes = page.transactions.map((t) => ({ node: toTransaction(account.bankId, t), cursor: t.cursor }));
    return {
      edges: nodes,
      pageInfo: {
        hasNextPage: page.hasMore,
        hasPreviousPage: Boolean(args.after),
        startCursor: nodes[0]?.cursor ?? null,
        endCursor: nodes.at(-1)?.cursor ?? null,
      },
    };
  }
}
