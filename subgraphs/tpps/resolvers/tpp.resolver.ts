import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import { connectionType, decodeCursor, pageOf, pageSize } from "../../shared/connection.js";
import { requireOperator, requireOperatorOrTpp } from "../../shared/authz.js";
import { assertUuid } from "../../shared/ids.js";
import type { TppsContext } from "../context.js";
import { Tpp, TppApplication, VettingDecision } from "../entities/index.js";
import { DecideTppInput, RegisterTppApplicationInput, RegisterTppInput, TppsArgs } from "./types/tpp.inputs.js";

export const TppConnection = connectionType("Tpp", Tpp);

@Resolver(() => Tpp)
export class TppResolver {
  @Query(() => Tpp, { nullable: true, description: "A TPP by id; null when there is none." })
  tpp(@Arg("id", () => ID) id: string, @Ctx() ctx: TppsContext) {
    return ctx.loaders.tppById.load(assertUuid(id, "id"));
  }

  @Query(() => TppConnection, { description: "Registered TPPs by legal name, optionally of one status." })
  async tpps(@Args(() => TppsArgs) args: TppsArgs, @Ctx() ctx: TppsContext) {
    const size = pageSize(args.first);
    const after = decodeCursor(args.after, 2) as [string, string] | undefined;
    const rows = await ctx.em.find(
      Tpp,
      {
        ...(args.status ? { status: args.status } : {}),
        ...(after ? { $or: [{ legalName: { $gt: after[0] } }, { legalName: after[0], id: { $gt: after[1] } }] } : {}),
      },
      { orderBy: { legalName: "asc", id: "asc" }, limit: size + 1 },
    );
    return pageOf(rows, size, (r) => [r.legalName, r.id], Boolean(after));
  }

  @FieldResolver(() => [VettingDecision], { description: "Every status decision, oldest first." })
  vettingHistory(@Root() tpp: Tpp, @Ctx() ctx: TppsContext) {
    requireOperatorOrTpp(ctx.caller, tpp.id, "read a TPP's vetting history");
    return ctx.loaders.vettingByTppId.load(tpp.id);
  }

  @FieldResolver(() => [TppApplication], { description: "The TPP's OAuth clients." })
  applications(@Root() tpp: Tpp, @Ctx() ctx: TppsContext) {
    requireOperatorOrTpp(ctx.caller, tpp.id, "list a TPP's applications");
    return ctx.loaders.applicationsByTppId.load(tpp.id);
  }

  @Mutation(() => Tpp)
  registerTpp(@Arg("input", () => RegisterTppInput) input: RegisterTppInput, @Ctx() ctx: TppsContext) {
    requireOperator(ctx.caller, "register a TPP");
    return ctx.tpps.register(input, ctx.caller);
  }

  @Mutation(() => Tpp, { description: "Vet a TPP: activate, suspend, reinstate or revoke it, with a reason." })
  decideTpp(@Arg("input", () => DecideTppInput) input: DecideTppInput, @Ctx() ctx: TppsContext) {
    requireOperator(ctx.caller, "vet TPPs");
    return ctx.tpps.decide(input.tppId, input.status, input.reason, ctx.caller);
  }

  @Mutation(() => TppApplication)
  registerTppApplication(@Arg("input", () => RegisterTppApplicationInput) input: RegisterTppApplicationInput, @Ctx() ctx: TppsContext) {
    requireOperatorOrTpp(ctx.caller, input.tppId, "register an application");
    return ctx.tpps.registerApplication(input);
  }
}
