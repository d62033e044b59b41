import { Field, ID, InputType, ObjectType } from "type-graphql";
import { ScaStepInput } from "../../../shared/sca/sca-step.input.js";
import { Payment, PaymentAuthorisation } from "../../entities/index.js";

@InputType({ description: "Start the SCA of a RCVD payment, optionally with its first step (password)." })
export class StartPaymentAuthorisationInput extends ScaStepInput {
  @Field(() => ID) paymentId!: string;
}

@InputType({ description: "One SCA step of a payment authorisation; give exactly one of password, authenticationMethodId, scaAuthenticationData or deny." })
export class UpdatePaymentAuthorisationInput extends ScaStepInput {
  @Field(() => ID) paymentId!: string;
  @Field(() => ID) authorisationId!: string;
}

@InputType({ description: "Start the PSU's SCA of a cancellation the TPP asked for (awaitsCancellationAuthorisation), optionally with its first step (password)." })
export class StartPaymentCancellationAuthorisationInput extends StartPaymentAuthorisationInput {}

@InputType({ description: "One SCA step of a cancellation authorisation; give exactly one of password, authenticationMethodId, scaAuthenticationData or deny." })
export class UpdatePaymentCancellationAuthorisationInput extends UpdatePaymentAuthorisationInput {}

@ObjectType()
export class PaymentAuthorisationPayload {
  @Field(() => Payment, {
    description:
      "The payment after the step. A payment authorisation FINALISED or EXEMPTED has it executed by the bank, FAILED rejects it (RJCT); a cancellation authorisation FINALISED or EXEMPTED cancels it (CANC), FAILED leaves it as it was.",
  })
  payment!: Payment;
  @Field(() => PaymentAuthorisation) authorisation!: PaymentAuthorisation;
}
