import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from "type-graphql";
import type { PaymentsContext } from "../context.js";
import { awaitsAuthorisation, awaitsCancellationAuthorisation } from "../payment-authorisation.service.js";
import { AuthorisationPurpose, Payment, PaymentAuthorisation } from "../entities/index.js";
import {
  PaymentAuthorisationPayload,
  StartPaymentAuthorisationInput,
  StartPaymentCancellationAuthorisationInput,
  UpdatePaymentAuthorisationInput,
  UpdatePaymentCancellationAuthorisationInput,
} from "./types/payment-authorisation.inputs.js";

@Resolver(() => Payment)
export class PaymentAuthorisationResolver {
  @FieldResolver(() => [PaymentAuthorisation], { description: "The payment's SCAs, oldest first." })
  async authorisations(@Root() payment: Payment, @Ctx() ctx: PaymentsContext) {
    return (await ctx.loaders.authorisationsByPaymentId.load(payment.id)).filter((a) => a.purpose === AuthorisationPurpose.PAYMENT);
  }

  @FieldResolver(() => [PaymentAuthorisation], { description: "The SCAs of the payment's cancellation, oldest first." })
  async cancellationAuthorisations(@Root() payment: Payment, @Ctx() ctx: PaymentsContext) {
    return (await ctx.loaders.authorisationsByPaymentId.load(payment.id)).filter((a) => a.purpose === AuthorisationPurpose.CANCELLATION);
  }

  @FieldResolver(() => Boolean, { description: "Whether the payment still takes an authorisation (RCVD, not yet authorised)." })
  awaitsAuthorisation(@Root() payment: Payment) {
    return awaitsAuthorisation(payment);
  }

  @FieldResolver(() => Boolean, {
    description: "Whether a cancellation the TPP asked for waits for its PSU's SCA (startPaymentCancellationAuthorisation); the payment keeps its status meanwhile.",
  })
  awaitsCancellationAuthorisation(@Root() payment: Payment) {
    return awaitsCancellationAuthorisation(payment);
  }

  @Mutation(() => PaymentAuthorisationPayload, {
    description: "Start the PSU's SCA of a RCVD payment (POST …/authorisations), optionally with the password as its first step.",
  })
  startPaymentAuthorisation(@Arg("input", () => StartPaymentAuthorisationInput) input: StartPaymentAuthorisationInput, @Ctx() ctx: PaymentsContext) {
    return ctx.authorisations.start(input, ctx.caller);
  }

  @Mutation(() => PaymentAuthorisationPayload, {
    description:
      "One SCA step (PUT …/authorisations/{id}): the bank checks the password or one-time code. FINALISED or EXEMPTED sends the payment to the bank; FAILED rejects it (RJCT). A refused password or code is PSU_CREDENTIALS_INVALID.",
  })
  updatePaymentAuthorisation(@Arg("input", () => UpdatePaymentAuthorisationInput) input: UpdatePaymentAuthorisationInput, @Ctx() ctx: PaymentsContext) {
    return ctx.authorisations.update(input, ctx.caller);
  }

  @Mutation(() => PaymentAuthorisationPayload, {
    description:
      "Start the PSU's SCA of a cancellation that cancelPayment answered with authorisationRequired (POST …/cancellation-authorisations), optionally with the password as its first step.",
  })
  startPaymentCancellationAuthorisation(@Arg("input", () => StartPaymentCancellationAuthorisationInput) input: StartPaymentCancellationAuthorisationInput, @Ctx() ctx: PaymentsContext) {
    return ctx.authorisations.start(input, ctx.caller, AuthorisationPurpose.CANCELLATION);
  }

  @Mutation(() => PaymentAuthorisationPayload, {
    description:
      "One SCA step of a cancellation (PUT …/cancellation-authorisations/{id}), as for updatePaymentAuthorisation. FINALISED or EXEMPTED cancels the payment (CANC); FAILED ends the cancellation request and leaves the payment as it was.",
  })
  updatePaymentCancellationAuthorisation(@Arg("input", () => UpdatePaymentCancellationAuthorisationInput) input: UpdatePaymentCancellationAuthorisationInput, @Ctx() ctx: PaymentsContext) {
    return ctx.authorisations.update(input, ctx.caller, AuthorisationPurpose.CANCELLATION);
  }
}
