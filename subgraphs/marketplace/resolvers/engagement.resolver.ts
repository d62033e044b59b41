import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from "type-graphql";
import type { MarketplaceContext } from "../context.js";
import { Solution, SolutionReview, SolutionSubscription } from "../entities/index.js";
import { forgetSolution } from "../loaders.js";
import { BankReference, bankReference } from "./types/references.js";
import { ReviewSolutionInput, SubscribeToSolutionInput } from "./types/solution.inputs.js";

@Resolver(() => SolutionSubscription)
export class SolutionSubscriptionResolver {
  @Mutation(() => SolutionSubscription, { description: "A bank subscribes to a PUBLISHED solution; one active subscription per bank and solution." })
  async subscribeToSolution(@Arg("input", () => SubscribeToSolutionInput) input: SubscribeToSolutionInput, @Ctx() ctx: MarketplaceContext) {
    const subscription = await ctx.engagement.subscribe(input, ctx.caller);
    forgetSolution(ctx.loaders, subscription.solutionId);
    return subscription;
  }

  @Mutation(() => SolutionSubscription, { description: "Cancel an ACTIVE subscription." })
  async cancelSolutionSubscription(@Arg("subscriptionId", () => ID) subscriptionId: string, @Ctx() ctx: MarketplaceContext) {
    const subscription = await ctx.engagement.cancel(subscriptionId, ctx.caller);
    forgetSolution(ctx.loaders, subscription.solutionId);
    return subscription;
  }

  @FieldResolver(() => Solution)
  solution(@Root() subscription: SolutionSubscription, @Ctx() ctx: MarketplaceContext) {
    return ctx.loaders.solutionById.load(subscription.solutionId);
  }

  @FieldResolver(() => BankReference)
  bank(@Root() subscription: SolutionSubscription) {
    return bankReference(subscription.bankId);
  }
}

@Resolver(() => SolutionReview)
export class SolutionReviewResolver {
  @Mutation(() => SolutionReview, { description: "Rate (1 to 5) and review a PUBLISHED solution." })
  async reviewSolution(@Arg("input", () => ReviewSolutionInput) input: ReviewSolutionInput, @Ctx() ctx: MarketplaceContext) {
    const review = await ctx.engagement.review(input, ctx.caller);
    forgetSolution(ctx.loaders, review.solutionId);
    return review;
  }

  @FieldResolver(() => Solution)
  solution(@Root() review: SolutionReview, @Ctx() ctx: MarketplaceContext) {
    return ctx.loaders.solutionById.load(review.solutionId);
  }

  @FieldResolver(() => BankReference, { nullable: true, description: "The reviewing bank; null for a named reviewer." })
  bank(@Root() review: SolutionReview) {
    return review.bankId ? bankReference(review.bankId) : null;
  }
}
