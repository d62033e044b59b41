import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from "type-graphql";
import type { PaymentsContext } from "../context.js";
import { awaitsAuthorisation } from "../payment-authorisation.service.js";
import { Payment, PaymentAuthorisation } from "../entities/index.js";
import { PaymentAuthorisationPayload, StartPaymentAuthorisationInput, UpdatePaymentAuthorisationInput } from "./types/payment-authorisation.inputs.js";

@Resolver(() => Payment)
export class PaymentAuthorisationResolver {
  @FieldResolver(() => [PaymentAuthorisation], { description: "The payment's SCAs, oldest first." })
  authorisations(@Root() payment: Payment, @Ctx() ctx: PaymentsContext) {
    return ctx.loaders.authorisationsByPaymentId.load(payment.id);
  }

  @FieldResolver(() => Boolean, { description: "Whether the payment still takes an authorisation (RCVD, not yet authorised)." })
  awaitsAuthorisation(@Root() payment: Payment) {
    return awaitsAuthorisation(payment);
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
}
