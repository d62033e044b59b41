import { Entity, Enum, PrimaryKey, Property } from "@mikro-orm/decorators/legacy";
import { Field, ID, ObjectType } from "type-graphql";
import { CurationAction, ListingStatus } from "./enums.js";

@ObjectType({ description: "One step of a solution's listing history: what was decided, by whom, when and why." })
@Entity({ tableName: "curation_decision" })
export class CurationDecision {
  @Field(() => ID)
  @PrimaryKey({ type: "uuid" })
  id!: string;

  @Property({ type: "uuid" })
  solutionId!: string;

  @Field(() => CurationAction)
  @Enum({ items: () => CurationAction })
  decision!: CurationAction;

  @Field(() => ListingStatus, { nullable: true, description: "Null for the step that created the solution." })
  @Enum({ items: () => ListingStatus, nullable: true })
  fromStatus!: ListingStatus | null;

  @Field(() => ListingStatus)
  @Enum({ items: () => ListingStatus })
  toStatus!: ListingStatus;

  @Field(() => String, { description: "Who decided: a TPP id, an operator id, or 'system'." })
  @Property({ type: "string" })
  decidedBy!: string;

  @Field(() => String, { nullable: true })
  @Property({ type: "text", nullable: true })
  reason!: string | null;

  @Field(() => Date)
  @Property({ type: "datetime" })
  decidedAt!: Date;
}
