import { Arg, Ctx, ID, Query, Resolver } from "type-graphql";
import type { AccountsContext } from "../context.js";
import { toBank } from "../mapper.js";
import { Bank } from "../types/bank.type.js";

@Resolver(() => Bank)
export class BankResolver {
  @Query(() => [Bank], { description: "Every bank the hub fronts." })
  banks(@Ctx() ctx: AccountsContext) {
    return ctx.connectors.banks().map(toBank);
  }

  @Query(() => Bank, { nullable: true })
  bank(@Arg("id", () => ID) id: string, @Ctx() ctx: AccountsContext) {
    const config = ctx.connectors.bank(id);
    return config ? toBank(config) : null;
  }
}
