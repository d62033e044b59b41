import { Arg, Args, Ctx, FieldResolver, Float, Int, Resolver, Root } from "type-graphql";
import { validate as isUuid } from "uuid";
import { connectionType, decodeCursor, PageArgs, pageSize } from "../../shared/connection.js";
import { HubError } from "../../shared/errors.js";
import { Money } from "../../shared/money.type.js";
import type { MarketplaceContext } from "../context.js";
import { CurationDecision, Solution, SolutionReview, SolutionSubscription, SolutionSubscriptionStatus } from "../entities/index.js";
import { TppReference, tppReference } from "./types/references.js";

export const SolutionReviewConnection = connectionType("SolutionReview", SolutionReview);


@Resolver(() => Solution)
export class SolutionFieldsResolver {
  @FieldResolver(() => TppReference, { description: "The TPP that offers the solution." })
  vendor(@Root() solution: Solution) {
    return tppReference(solution.vendorId);
  }

  @FieldResolver(() => Money, { nullable: true, description: "Per month (FLAT_MONTHLY) or per call (PER_CALL); null when the model has no price." })
  price(@Root() solution: Solution) {
    return solution.priceMinor != null && solution.priceCurrency ? Money.of(solution.priceMinor, solution.priceCurrency) : null;
  }

  @FieldResolver(() => [CurationDecision], { description: "Every listing decision, oldest first." })
  curationHistory(@Root() solution: Solution, @Ctx() ctx: MarketplaceContext) {
    return ctx.loaders.curationBySolutionId.load(solution.id);
  }

  @FieldResolver(() => [SolutionSubscription], { description: "Banks' subscriptions, oldest first; all statuses unless one is given." })
  async subscriptions(
    @Root() solution: Solution,
    @Arg("status", () => SolutionSubscriptionStatus, { nullable: true }) status: SolutionSubscriptionStatus | undefined,
    @Ctx() ctx: MarketplaceContext,
  ) {
    const all = await ctx.loaders.subscriptionsBySolutionId.load(solution.id);
    return status ? all.filter((s) => s.status === status) : all;
  }

  @FieldResolver(() => SolutionReviewConnection, { description: "Reviews, newest first." })
  reviews(@Root() solution: Solution, @Args(() => PageArgs) page: PageArgs, @Ctx() ctx: MarketplaceContext) {
    const size = pageSize(page.first);
    const parts = decodeCursor(page.after, 2);
    if (parts && (typeof parts[0] !== "string" || Number.isNaN(Date.parse(parts[0])) || typeof parts[1] !== "string" || !isUuid(parts[1]))) {
      throw new HubError("INVALID_CURSOR", `Cursor "${page.after}" is not a review cursor this API returned.`, { details: { cursor: page.after } });
    }
    const after = parts ? { createdAt: parts[0] as string, id: parts[1] as string } : undefined;
    return ctx.loaders.reviewPage.load({ solutionId: solution.id, size, after });
  }

  @FieldResolver(() => Float, { nullable: true, description: "Mean rating to two decimals; null when there are no reviews." })
  async averageRating(@Root() solution: Solution, @Ctx() ctx: MarketplaceContext) {
    return (await ctx.loaders.ratingsBySolutionId.load(solution.id)).averageRating;
  }

  @FieldResolver(() => Int)
  async reviewCount(@Root() solution: Solution, @Ctx() ctx: MarketplaceContext) {
    return (await ctx.loaders.ratingsBySolutionId.load(solution.id)).reviewCount;
  }
}
