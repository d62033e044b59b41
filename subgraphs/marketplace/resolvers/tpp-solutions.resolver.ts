import { Arg, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { MarketplaceContext } from "../context.js";
import { ListingStatus, Solution } from "../entities/index.js";
import { TppReference } from "./types/references.js";

/** Contributes `Tpp.solutions` to the tpps subgraph's entity. */
@Resolver(() => TppReference)
export class TppSolutionsResolver {
  @FieldResolver(() => [Solution], { description: "The TPP's marketplace listings by name: PUBLISHED ones when status is omitted, every status when null." })
  solutions(
    @Root() tpp: TppReference,
    @Arg("status", () => ListingStatus, { nullable: true }) status: ListingStatus | null | undefined,
    @Ctx() ctx: MarketplaceContext,
  ) {
    // Omitted vs null is told apart here, not by a schema default (enum defaults stay names in the subgraph build).
    const wanted = status === undefined ? ListingStatus.PUBLISHED : status;
    return ctx.loaders.solutionsByVendor.load(`${tpp.id}|${wanted ?? "*"}`);
  }
}
