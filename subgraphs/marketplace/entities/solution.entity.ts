import { Entity, Enum, PrimaryKey, Property } from "@mikro-orm/decorators/legacy";
import { Directive, Field, ID, ObjectType } from "type-graphql";
import { ListingStatus, PricingModel, SolutionApi, SolutionCategory } from "./enums.js";

@Directive('@key(fields: "id")')
@ObjectType({ description: "A fintech's product listed in the marketplace, which banks subscribe to and review." })
@Entity({ tableName: "solution" })
export class Solution {
  @Field(() => ID)
  @PrimaryKey({ type: "uuid" })
  id!: string;

  /** The TPP that offers the solution (a Tpp key of the tpps subgraph). */
  @Property({ type: "uuid" })
  vendorId!: string;

  @Field(() => String)
  @Property({ type: "string" })
  name!: string;

  @Field(() => String, { description: "URL-friendly unique name, e.g. finanzblick-budget-planner." })
  @Property({ type: "string", unique: true })
  slug!: string;

  @Field(() => SolutionCategory)
  @Enum({ items: () => SolutionCategory })
  category!: SolutionCategory;

  @Field(() => String)
  @Property({ type: "text" })
  description!: string;

  @Field(() => PricingModel)
  @Enum({ items: () => PricingModel })
  pricingModel!: PricingModel;

  /** Minor units of `priceCurrency`; exposed as `price: Money`. */
  @Property({ type: "bigint", nullable: true })
  priceMinor!: bigint | null;

  @Property({ type: "string", nullable: true })
  priceCurrency!: string | null;

  @Field(() => String, { nullable: true, description: "Free text on pricing, e.g. what a revenue share is a share of." })
  @Property({ type: "text", nullable: true })
  pricingNotes!: string | null;

  @Field(() => [SolutionApi])
  @Property({ type: "json" })
  apisUsed!: SolutionApi[];

  @Field(() => ListingStatus)
  @Enum({ items: () => ListingStatus })
  listingStatus!: ListingStatus;

  @Field(() => Date)
  @Property({ type: "datetime" })
  createdAt!: Date;

  @Field(() => Date)
  @Property({ type: "datetime" })
  updatedAt!: Date;

  @Field(() => Date, { nullable: true, description: "When the solution was last published." })
  @Property({ type: "datetime", nullable: true })
  publishedAt!: Date | null;
}
