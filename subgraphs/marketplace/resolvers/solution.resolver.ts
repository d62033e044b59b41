import { Arg, Args, Ctx, ID, Mutation, Query, Resolver } from "type-graphql";
import { connectionType } from "../../shared/connection.js";
import { assertUuid } from "../../shared/ids.js";
import type { MarketplaceContext } from "../context.js";
import { Solution } from "../entities/index.js";
import { forgetSolution } from "../loaders.js";
import { browseSolutions } from "../solution-catalogue.js";
import { CreateSolutionInput, CurateSolutionInput, SolutionsArgs, UpdateSolutionInput } from "./types/solution.inputs.js";

export const SolutionConnection = connectionType("Solution", Solution);

const fresh = (ctx: MarketplaceContext) => (solution: Solution) => (forgetSolution(ctx.loaders, solution.id), solution);

@Resolver(() => Solution)
export class SolutionResolver {
  @Query(() => Solution, { nullable: true, description: "A solution by id, in any listing status; null when there is none." })
  solution(@Arg("id", () => ID) id: string, @Ctx() ctx: MarketplaceContext) {
    return ctx.loaders.solutionById.load(assertUuid(id, "id"));
  }

  @Query(() => Solution, { nullable: true, description: "A solution by its slug; null when there is none." })
  solutionBySlug(@Arg("slug", () => String) slug: string, @Ctx() ctx: MarketplaceContext) {
    return ctx.em.findOne(Solution, { slug });
  }

  @Query(() => SolutionConnection, {
    description: "Browse the catalogue: PUBLISHED solutions by default, by category, vendor and full-text search, ordered by relevance or name.",
  })
  solutions(@Args(() => SolutionsArgs) args: SolutionsArgs, @Ctx() ctx: MarketplaceContext) {
    return browseSolutions(ctx.em, args);
  }

  @Mutation(() => Solution, { description: "List a new solution as a DRAFT." })
  createSolution(@Arg("input", () => CreateSolutionInput) input: CreateSolutionInput, @Ctx() ctx: MarketplaceContext) {
    return ctx.solutions.create(input, ctx.caller);
  }

  @Mutation(() => Solution, { description: "Edit a DRAFT solution." })
  updateSolution(@Arg("input", () => UpdateSolutionInput) input: UpdateSolutionInput, @Ctx() ctx: MarketplaceContext) {
    return ctx.solutions.update(input, ctx.caller).then(fresh(ctx));
  }

  @Mutation(() => Solution, { description: "The vendor hands a DRAFT to curation (→ IN_REVIEW)." })
  submitSolutionForReview(@Arg("solutionId", () => ID) solutionId: string, @Ctx() ctx: MarketplaceContext) {
    return ctx.solutions.submit(solutionId, ctx.caller).then(fresh(ctx));
  }

  @Mutation(() => Solution, { description: "An operator publishes, rejects (with reason), delists (with reason) or re-opens review of a solution." })
  curateSolution(@Arg("input", () => CurateSolutionInput) input: CurateSolutionInput, @Ctx() ctx: MarketplaceContext) {
    return ctx.solutions.curate(input, ctx.caller).then(fresh(ctx));
  }
}
