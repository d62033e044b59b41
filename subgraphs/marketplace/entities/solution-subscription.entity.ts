import { Entity, Enum, PrimaryKey, Property } from "@mikro-orm/decorators/legacy";
import { Field, ID, ObjectType } from "type-graphql";
import { SolutionSubscriptionStatus } from "./enums.js";

@ObjectType({ description: "A bank's subscription to a solution. A bank holds at most one active subscription per solution." })
@Entity({ tableName: "solution_subscription" })
export class SolutionSubscription {
  @Field(() => ID)
  @PrimaryKey({ type: "uuid" })
  id!: string;

  @Property({ type: "uuid" })
  solutionId!: string;

  /** A Bank key of the accounts subgraph, e.g. "musterbank"; exposed as `bank`. */
  @Property({ type: "string" })
  bankId!: string;

  @Field(() => SolutionSubscriptionStatus)
  @Enum({ items: () => SolutionSubscriptionStatus })
  status!: SolutionSubscriptionStatus;

  @Field(() => String, { description: 'The plan agreed with the vendor, e.g. "standard".' })
  @Property({ type: "string" })
  plan!: string;

  @Field(() => Date)
  @Property({ type: "datetime" })
  since!: Date;

  @Field(() => Date, { nullable: true })
  @Property({ type: "datetime", nullable: true })
  cancelledAt!: Date | null;
}
