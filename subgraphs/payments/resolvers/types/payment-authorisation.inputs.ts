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

@ObjectType()
export class PaymentAuthorisationPayload {
  @Field(() => Payment, { description: "The payment after the step: executed by the bank once SCA is FINALISED or EXEMPTED, RJCT when it FAILED." })
  payment!: Payment;
  @Field(() => PaymentAuthorisation) authorisation!: PaymentAuthorisation;
}
