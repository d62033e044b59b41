import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import type { AccountsContext } from "../context.js";
import { Account } from "../types/account.type.js";
import { Psu } from "../types/psu.type.js";

@Resolver(() => Psu)
export class PsuResolver {
  @Query(() => Psu, { nullable: true, description: "A PSU by login; null when no bank knows them." })
  async psu(@Arg("id", () => ID) id: string, @Ctx() ctx: AccountsContext) {
    const accounts = await ctx.loaders.accountsOfPsu.load(id);
    return accounts.length ? Object.assign(new Psu(), { id }) : null;
  }

  @FieldResolver(() => [Account], { description: "The PSU's accounts at every bank of the hub, optionally of some banks." })
  async accounts(@Root() psu: Psu, @Arg("bankIds", () => [ID], { nullable: true }) bankIds: string[] | null, @Ctx() ctx: AccountsContext) {
    const accounts = await ctx.loaders.accountsOfPsu.load(psu.id);
    return bankIds ? accounts.filter((a) => bankIds.includes(a.bankId)) : accounts;
  }
}
