import { ArgsType, Field, ID, InputType, Int } from "type-graphql";
import { PageArgs } from "../../../shared/connection.js";
import { ListingStatus, PricingModel, SolutionApi, SolutionCategory, SolutionOrder } from "../../entities/enums.js";

@ArgsType()
export class SolutionsArgs extends PageArgs {
  @Field(() => SolutionCategory, { nullable: true }) category?: SolutionCategory;

  @Field(() => String, { nullable: true, description: "Words to find in name and description (whole words, up to 200 characters)." })
  search?: string;

  // No schema default: the subgraph build keeps enum defaults as names (PUBLISHED), not values; see browseSolutions.
  @Field(() => ListingStatus, { nullable: true, description: "Listing status to show: PUBLISHED when omitted, every status when null." })
  status?: ListingStatus | null;

  @Field(() => ID, { nullable: true, description: "Only the solutions of this vendor (TPP id)." })
  vendorId?: string;

  @Field(() => SolutionOrder, { nullable: true }) orderBy?: SolutionOrder;
}

@InputType({ description: "A price as a decimal string in an ISO 4217 currency." })
export class SolutionPriceInput {
  @Field(() => String, { description: 'e.g. "49.00"' }) amount!: string;
  @Field(() => String, { description: "ISO 4217 code, e.g. EUR." }) currency!: string;
}

@InputType({ description: "A new listing; it starts as a DRAFT its vendor can still edit." })
export class CreateSolutionInput {
  @Field(() => ID, {
    nullable: true,
    description: "Sandbox/interim path until authentication lands: the vendor TPP id. A TPP caller may omit it; if given it must be its own id.",
  })
  vendorId?: string;

  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true, description: "Defaults to one derived from the name." }) slug?: string;
  @Field(() => SolutionCategory) category!: SolutionCategory;
  @Field(() => String) description!: string;
  @Field(() => PricingModel) pricingModel!: PricingModel;
  @Field(() => SolutionPriceInput, { nullable: true }) price?: SolutionPriceInput | null;
  @Field(() => String, { nullable: true }) pricingNotes?: string | null;
  @Field(() => [SolutionApi]) apisUsed!: SolutionApi[];
}

@InputType({ description: "Changes to a DRAFT; omitted fields stay as they are, a null price or pricingNotes clears it." })
export class UpdateSolutionInput {
  @Field(() => ID) solutionId!: string;
  @Field(() => String, { nullable: true }) name?: string;
  @Field(() => String, { nullable: true }) slug?: string;
  @Field(() => SolutionCategory, { nullable: true }) category?: SolutionCategory;
  @Field(() => String, { nullable: true }) description?: string;
  @Field(() => PricingModel, { nullable: true }) pricingModel?: PricingModel;
  @Field(() => SolutionPriceInput, { nullable: true }) price?: SolutionPriceInput | null;
  @Field(() => String, { nullable: true }) pricingNotes?: string | null;
  @Field(() => [SolutionApi], { nullable: true }) apisUsed?: SolutionApi[];
}

@InputType({ description: "An operator's listing decision: IN_REVIEW → PUBLISHED or DRAFT, PUBLISHED → DELISTED, DELISTED → IN_REVIEW." })
export class CurateSolutionInput {
  @Field(() => ID) solutionId!: string;
  @Field(() => ListingStatus) status!: ListingStatus;
  @Field(() => String, { nullable: true, description: "Required when rejecting (→ DRAFT) or delisting." }) reason?: string;
}

@InputType()
export class SubscribeToSolutionInput {
  @Field(() => ID) solutionId!: string;
  @Field(() => ID, { description: 'Sandbox/interim path until authentication lands: the subscribing bank, e.g. "musterbank".' }) bankId!: string;
  @Field(() => String, { defaultValue: "standard" }) plan!: string;
}

@InputType({ description: "A review of a PUBLISHED solution, written by a bank (bankId) or a named reviewer (reviewerName)." })
export class ReviewSolutionInput {
  @Field(() => ID) solutionId!: string;
  @Field(() => ID, { nullable: true, description: "Sandbox/interim path until authentication lands: the reviewing bank." }) bankId?: string;
  @Field(() => String, { nullable: true }) reviewerName?: string;
  @Field(() => Int, { description: "1 (poor) to 5 (excellent)." }) rating!: number;
  @Field(() => String, { description: "Up to 2000 characters." }) text!: string;
}
