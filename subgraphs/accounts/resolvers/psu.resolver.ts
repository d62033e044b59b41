import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import { HubError } from "../../shared/errors.js";
import { authorizePsuList, visible } from "../authorize.js";
import type { AccountsContext } from "../context.js";
import type { PsuAccountEntry } from "../loaders.js";
import { Account } from "../types/account.type.js";
import { Psu } from "../types/psu.type.js";

const bankIdOf = (entry: PsuAccountEntry) => (entry instanceof HubError ? String(entry.extensions.bankId) : entry.bankId);

@Resolver(() => Psu)
export class PsuResolver {
  @Query(() => Psu, { nullable: true, description: "A PSU by login; null when no bank knows them (and every bank answered)." })
  async psu(@Arg("id", () => ID) id: string, @Ctx() ctx: AccountsContext) {
    authorizePsuList(ctx, id);
    const entries = await ctx.loaders.accountsOfPsu.load(id);
    return entries.length ? Object.assign(new Psu(), { id }) : null;
  }

  /**
   * Partial data, the GraphQL way: the list items are nullable, so a bank whose core is unavailable
   * costs one null item with a CORE_UNAVAILABLE error at exactly that path (`psu.accounts.<i>`,
   * `extensions.bankId`), while the other banks' accounts are returned as usual.
   */
  @FieldResolver(() => [Account], {
    nullable: "items",
    description:
      "The PSU's accounts at every bank of the hub, optionally of some banks. A bank whose core is unavailable is one null item, with a CORE_UNAVAILABLE error (extensions.bankId) at its path; the other banks' accounts are still listed.",
  })
  async accounts(@Root() psu: Psu, @Arg("bankIds", () => [ID], { nullable: true }) bankIds: string[] | null, @Ctx() ctx: AccountsContext) {
    const entries = await ctx.loaders.accountsOfPsu.load(psu.id);
    const seen = entries.filter((entry) => entry instanceof HubError || visible(ctx, entry));
    return bankIds ? seen.filter((entry) => bankIds.includes(bankIdOf(entry))) : seen;
  }
}
