import { Field, ObjectType, registerEnumType } from "type-graphql";
import { Money } from "../../shared/money.type.js";

export enum BalanceType {
  CLOSING_BOOKED = "closingBooked",
  EXPECTED = "expected",
  INTERIM_AVAILABLE = "interimAvailable",
  INTERIM_BOOKED = "interimBooked",
  OPENING_BOOKED = "openingBooked",
}
registerEnumType(BalanceType, { name: "BalanceType", description: "Berlin Group balance types." });

@ObjectType({ description: "One balance of an account, as Berlin Group defines them." })
export class Balance {
  @Field(() => BalanceType) type!: BalanceType;
  @Field(() => Money) amount!: Money;
  @Field(() => String, { description: "YYYY-MM-DD" }) referenceDate!: string;
  @Field(() => Boolean) creditLimitIncluded!: boolean;
}
