import { Entity, Enum, PrimaryKey, Property } from "@mikro-orm/decorators/legacy";
import { Field, ID, ObjectType } from "type-graphql";
import { TppStatus } from "./tpp.entity.js";

@ObjectType({ description: "One step of a TPP's vetting history: who decided what, when and why." })
@Entity({ tableName: "vetting_decision" })
export class VettingDecision {
  @Field(() => ID)
  @PrimaryKey({ type: "uuid" })
  id!: string;

  @Property({ type: "uuid", index: true })
  tppId!: string;

  @Field(() => TppStatus, { nullable: true })
  @Enum({ items: () => TppStatus, nullable: true })
  fromStatus!: TppStatus | null;

  @Field(() => TppStatus)
  @Enum({ items: () => TppStatus })
  toStatus!: TppStatus;

  @Field(() => String, { description: "Who decided: an operator id, or 'system'." })
  @Property({ type: "string" })
  decidedBy!: string;

  @Field(() => String)
  @Property({ type: "text" })
  reason!: string;

  @Field(() => Date)
  @Property({ type: "datetime" })
  decidedAt!: Date;
}
