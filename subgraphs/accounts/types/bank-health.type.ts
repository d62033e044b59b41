import { Field, Float, ObjectType, registerEnumType } from "type-graphql";

export enum BankHealthStatus {
  UP = "up",
  DEGRADED = "degraded",
  DOWN = "down",
}
registerEnumType(BankHealthStatus, {
  name: "BankHealthStatus",
  valuesConfig: {
    UP: { description: "The core answers, the circuit is closed." },
    DEGRADED: { description: "The core answers, but slowly, with every slot busy, or while the circuit tests it (half-open)." },
    DOWN: { description: "The core does not answer, or the circuit is open: its fields answer CORE_UNAVAILABLE." },
  },
});

export enum CircuitState {
  CLOSED = "closed",
  OPEN = "open",
  HALF_OPEN = "half-open",
  ISOLATED = "isolated",
}
registerEnumType(CircuitState, {
  name: "CircuitState",
  description: "The bank's circuit breaker: OPEN sheds calls to the core until a trial call (or health probe) after the half-open delay succeeds.",
});

@ObjectType({ description: "The state of a bank's core connector, as the hub sees it now." })
export class BankHealth {
  @Field(() => BankHealthStatus) status!: BankHealthStatus;
  @Field(() => CircuitState) circuit!: CircuitState;
  @Field(() => Float, { nullable: true, description: "How long the last health probe of the core took; null when the open circuit spared the core a probe." })
  latencyMs!: number | null;
  @Field(() => String, { nullable: true, description: "Why the bank is not UP, in words." }) detail!: string | null;
  @Field(() => Date, { description: "When the state was determined (probes are reused for a second or so)." }) checkedAt!: Date;
}
