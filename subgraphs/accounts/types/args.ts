import { ArgsType, Field, ID, Int } from "type-graphql";
import { PageArgs } from "../../shared/connection.js";
import { BookingStatus } from "./transaction.type.js";

@ArgsType()
export class TransactionArgs {
  @Field(() => Int, { nullable: true, description: "Page size, 1 to 100 (default 20)." }) first?: number;
  @Field(() => String, { nullable: true }) after?: string;
  @Field(() => BookingStatus, { defaultValue: BookingStatus.BOOKED }) bookingStatus!: BookingStatus;
  @Field(() => String, { nullable: true, description: "YYYY-MM-DD, inclusive." }) dateFrom?: string;
  @Field(() => String, { nullable: true, description: "YYYY-MM-DD, inclusive." }) dateTo?: string;
}

@ArgsType()
export class AccountsArgs extends PageArgs {
  @Field(() => ID, { nullable: true, description: "Only accounts of this bank." }) bankId?: string;
}
