import { ArgsType, Field, ID, InputType, ObjectType } from "type-graphql";
import { PageArgs } from "../../../shared/connection.js";
import { Payment, PaymentProduct, PaymentStatus } from "../../entities/index.js";

@InputType({ description: "An amount to transfer, as a decimal string (never a float)." })
export class InstructedAmountInput {
  @Field(() => String, { description: 'Decimal string, e.g. "12.50"; positive, at most the currency\'s decimal places.' }) amount!: string;
  @Field(() => String, { description: "ISO 4217 code, e.g. EUR." }) currency!: string;
}

@InputType({ description: "A single credit transfer from a PSU's account." })
export class InitiatePaymentInput {
  @Field(() => ID, { description: 'The bank holding the debtor account, e.g. "musterbank".' }) bankId!: string;
  // No GraphQL default: the federated schema would hand the enum's name, not its value, to the resolver.
  @Field(() => PaymentProduct, { nullable: true, description: "Default SEPA_CREDIT_TRANSFERS." }) product?: PaymentProduct | null;
  @Field(() => String) debtorIban!: string;
  @Field(() => String, { description: "1 to 70 characters." }) creditorName!: string;
  @Field(() => String) creditorIban!: string;
  @Field(() => InstructedAmountInput) instructedAmount!: InstructedAmountInput;
  @Field(() => String, { nullable: true, description: "Up to 140 characters." }) remittanceInformationUnstructured?: string | null;
  @Field(() => String, { nullable: true, description: "Up to 35 characters; generated when absent." }) endToEndId?: string | null;
  @Field(() => String, { nullable: true, description: 'Calendar date "YYYY-MM-DD", today or later; absent means now.' })
  requestedExecutionDate?: string | null;
  @Field(() => String, {
    nullable: true,
    description: "Makes the request safe to repeat: the same key with the same request returns the same payment; with another request it fails with IDEMPOTENCY_KEY_REUSED.",
  })
  idempotencyKey?: string | null;
  @Field(() => ID, { nullable: true, description: "Interim (sandbox) path until authentication arrives: the initiating TPP when the caller is not a signed-in TPP." })
  tppId?: string | null;
  @Field(() => String, { nullable: true, description: "Interim (sandbox) path: the PSU login when the caller is not a signed-in PSU." })
  psuId?: string | null;
  @Field(() => String, { nullable: true, description: "TPP-Redirect-URI: where the PSU returns after a successful redirect SCA." })
  tppRedirectUri?: string | null;
  @Field(() => String, { nullable: true, description: "TPP-Nok-Redirect-URI: where the PSU returns after a failed or denied redirect SCA." })
  tppNokRedirectUri?: string | null;
}

@ObjectType()
export class InitiatePaymentPayload {
  @Field(() => Payment) payment!: Payment;
  @Field(() => Boolean, { description: "True when an earlier request with the same idempotency key made this payment." }) replayed!: boolean;
}

@InputType()
export class CancelPaymentInput {
  @Field(() => ID) paymentId!: string;
  @Field(() => ID, { nullable: true, description: "Interim (sandbox) path: the cancelling TPP when the caller is not a signed-in TPP." })
  tppId?: string | null;
}

@ObjectType()
export class CancelPaymentPayload {
  @Field(() => Payment, { description: "CANC, or unchanged while the cancellation awaits its PSU's authorisation." }) payment!: Payment;
  @Field(() => Boolean, {
    description:
      "True when the payment was already authorised by its PSU: it is not cancelled yet, its PSU must authorise the cancellation (startPaymentCancellationAuthorisation).",
  })
  authorisationRequired!: boolean;
}

@ArgsType()
export class PaymentsArgs extends PageArgs {
  @Field(() => ID, { nullable: true, description: "Only payments this TPP initiated (a signed-in TPP always sees only its own)." }) tppId?: string;
  @Field(() => ID, { nullable: true }) bankId?: string;
  @Field(() => PaymentStatus, { nullable: true }) status?: PaymentStatus;
}

@ArgsType()
export class AccountPaymentsArgs extends PageArgs {
  @Field(() => PaymentStatus, { nullable: true }) status?: PaymentStatus;
}
