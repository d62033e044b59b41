import { Entity, Enum, PrimaryKey, Property } from "@mikro-orm/decorators/legacy";
import { Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";

export enum ExtensionPoint {
  PAYMENT_FRAUD_CHECK = "payment.fraud_check",
}
registerEnumType(ExtensionPoint, { name: "ExtensionPoint", description: "A step of a bank's process where a fintech's endpoint takes part." });

export enum SpiFailurePolicy {
  APPROVE = "approve",
  REJECT = "reject",
}
registerEnumType(SpiFailurePolicy, {
  name: "SpiFailurePolicy",
  description: "What the bank decides when the endpoint does not answer in time or answers nonsense: APPROVE (fail open) or REJECT (fail closed).",
});

@ObjectType({ description: "A fintech's endpoint on an extension point of a bank's process (a service provider interface)." })
@Entity({ tableName: "spi_endpoint" })
export class SpiEndpoint {
  @Field(() => ID)
  @PrimaryKey({ type: "uuid" })
  id!: string;

  @Field(() => ID)
  @Property({ type: "string" })
  bankId!: string;

  @Field(() => ExtensionPoint)
  @Enum({ items: () => ExtensionPoint })
  extensionPoint!: ExtensionPoint;

  @Field(() => ID, { description: "The fintech (a TPP of the registry) that answers." })
  @Property({ type: "uuid" })
  tppId!: string;

  @Field(() => String)
  @Property({ type: "string" })
  url!: string;

  @Field(() => Int)
  @Property({ type: "integer" })
  timeoutMs!: number;

  @Field(() => SpiFailurePolicy)
  @Enum({ items: () => SpiFailurePolicy })
  onFailure!: SpiFailurePolicy;

  @Field(() => Boolean)
  @Property({ type: "boolean" })
  enabled!: boolean;

  @Field(() => Date)
  @Property({ type: "datetime" })
  createdAt!: Date;
}
