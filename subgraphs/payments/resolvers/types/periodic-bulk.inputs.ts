import { Field, ID, InputType, Int, ObjectType } from "type-graphql";
import { ExecutionRule, Frequency, PaymentProduct } from "../../entities/index.js";
import { InitiatePaymentInput, InstructedAmountInput } from "./payment.inputs.js";

@InputType({ description: "A standing order: the transfer of InitiatePaymentInput (without requestedExecutionDate), repeated on a schedule." })
export class InitiatePeriodicPaymentInput extends InitiatePaymentInput {
  @Field(() => String, { description: 'First date "YYYY-MM-DD", today or later.' }) startDate!: string;
  @Field(() => String, { nullable: true, description: "Last date; absent means until cancelled." }) endDate?: string | null;
  @Field(() => Frequency) frequency!: Frequency;
  @Field(() => ExecutionRule, { nullable: true, description: "Default FOLLOWING." }) executionRule?: ExecutionRule | null;
  @Field(() => Int, { nullable: true, description: "Day of the month (1–31, 31 = the last day) for monthly and longer frequencies; default the start date's day." })
  dayOfExecution?: number | null;
  @Field(() => [Int], { nullable: true, description: "MonthlyVariable only, and required there: the months (1–12) it executes in." })
  monthsOfExecution?: number[] | null;
}

@InputType({ description: "One credit transfer of a bulk." })
export class BulkPaymentEntryInput {
  @Field(() => String, { description: "1 to 70 characters." }) creditorName!: string;
  @Field(() => String) creditorIban!: string;
  @Field(() => InstructedAmountInput) instructedAmount!: InstructedAmountInput;
  @Field(() => String, { nullable: true, description: "Up to 140 characters." }) remittanceInformationUnstructured?: string | null;
  @Field(() => String, { nullable: true, description: "Up to 35 characters; generated when absent." }) endToEndId?: string | null;
}

@InputType({ description: "Several credit transfers from one debtor account, authorised by one SCA." })
export class InitiateBulkPaymentInput {
  @Field(() => ID, { description: 'The bank holding the debtor account, e.g. "musterbank".' }) bankId!: string;
  @Field(() => PaymentProduct, { nullable: true, description: "Default SEPA_CREDIT_TRANSFERS." }) product?: PaymentProduct | null;
  @Field(() => String) debtorIban!: string;
  @Field(() => [BulkPaymentEntryInput], { description: "1 to 100 transfers, all in one currency." }) payments!: BulkPaymentEntryInput[];
  @Field(() => Boolean, { nullable: true }) batchBookingPreferred?: boolean | null;
  @Field(() => String, { nullable: true, description: 'Calendar date "YYYY-MM-DD", today or later; absent means now.' }) requestedExecutionDate?: string | null;
  @Field(() => String, { nullable: true, description: "As for initiatePayment: the same key with the same request returns the same bulk." }) idempotencyKey?: string | null;
  @Field(() => ID, { nullable: true, description: "Interim (sandbox) path: the initiating TPP when the caller is not a signed-in TPP." }) tppId?: string | null;
  @Field(() => String, { nullable: true, description: "Interim (sandbox) path: the PSU login when the caller is not a signed-in PSU." }) psuId?: string | null;
  @Field(() => String, { nullable: true }) tppRedirectUri?: string | null;
  @Field(() => String, { nullable: true }) tppNokRedirectUri?: string | null;
}

@ObjectType("StandingOrderTerms", { description: "A standing order's schedule (Berlin Group standingOrderDetails)." })
export class StandingOrderTermsType {
  @Field(() => String) startDate!: string;
  @Field(() => String, { nullable: true }) endDate!: string | null;
  @Field(() => Frequency) frequency!: Frequency;
  @Field(() => ExecutionRule, { nullable: true }) executionRule!: ExecutionRule | null;
  @Field(() => Int, { nullable: true }) dayOfExecution!: number | null;
  @Field(() => [Int], { nullable: true }) monthsOfExecution!: number[] | null;
  @Field(() => String, { nullable: true, description: "The working day of the next execution on or after today; null when the order has ended." })
  nextExecutionDate!: string | null;
}
