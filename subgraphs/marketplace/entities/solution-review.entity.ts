import { Entity, PrimaryKey, Property } from "@mikro-orm/decorators/legacy";
import { Field, ID, Int, ObjectType } from "type-graphql";

@ObjectType({ description: "A rating (1 to 5) and review of a published solution." })
@Entity({ tableName: "solution_review" })
export class SolutionReview {
  @Field(() => ID)
  @PrimaryKey({ type: "uuid" })
  id!: string;

  @Property({ type: "uuid" })
  solutionId!: string;

  /** Set when a bank wrote the review; exposed as `bank`. */
  @Property({ type: "string", nullable: true })
  bankId!: string | null;

  @Field(() => String, { description: "Who wrote it: the reviewing bank's id, or the reviewer's name." })
  @Property({ type: "string" })
  author!: string;

  @Field(() => Int)
  @Property({ type: "smallint" })
  rating!: number;

  @Field(() => String)
  @Property({ type: "text" })
  text!: string;

  @Field(() => Date)
  @Property({ type: "datetime" })
  createdAt!: Date;
}
