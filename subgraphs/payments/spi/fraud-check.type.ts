import { Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";

export enum FraudCheckOutcome {
  APPROVED = "approved",
  REJECTED = "rejected",
  /** No usable answer; the bank's policy let the payment through. */
  FAILED_OPEN = "failed_open",
  /** No usable answer; the bank's policy rejected the payment. */
  FAILED_CLOSED = "failed_closed",
}
registerEnumType(FraudCheckOutcome, { name: "FraudCheckOutcome" });

/** What the fraud check of a payment decided, as stored on the payment. */
export interface FraudCheckRecord {
  endpointId: string;
  outcome: FraudCheckOutcome;
  reason: string | null;
  checkedAt: string;
  durationMs: number;
}

@ObjectType("FraudCheck", { description: "The fraud check a fintech ran on the payment before the bank executed it." })
export class FraudCheckType implements FraudCheckRecord {
  @Field(() => ID) endpointId!: string;
  @Field(() => FraudCheckOutcome) outcome!: FraudCheckOutcome;
  @Field(() => String, { nullable: true, description: "The fintech's reason, or why there was no usable answer." }) reason!: string | null;
  @Field(() => String) checkedAt!: string;
  @Field(() => Int) durationMs!: number;
}

export const passes = (record: FraudCheckRecord) => record.outcome === FraudCheckOutcome.APPROVED || record.outcome === FraudCheckOutcome.FAILED_OPEN;
