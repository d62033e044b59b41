import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import type { AccountsContext } from "../context.js";
import { toBank, toBankHealth } from "../mapper.js";
import { BankHealth } from "../types/bank-health.type.js";
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

  @FieldResolver(() => BankHealth, {
    description: "The bank's core connector now: circuit state and a health probe (reused for about a second). DOWN means its fields answer CORE_UNAVAILABLE.",
  })
  async health(@Root() bank: Bank, @Ctx() ctx: AccountsContext) {
    return toBankHealth(await ctx.connectors.health(bank.id));
  }
}
