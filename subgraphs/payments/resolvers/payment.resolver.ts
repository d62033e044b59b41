import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import { connectionType, pageOf, pageSize } from "../../shared/connection.js";
import { assertUuid } from "../../shared/ids.js";
import { Money } from "../../shared/money.type.js";
import { actingTppId, isVisible, visiblePayments } from "../acting-party.js";
import type { PaymentsContext } from "../context.js";
import { Payment, PaymentStatus, PaymentStatusChange } from "../entities/index.js";
import { decodePaymentCursor, paymentCursor } from "../payment-cursor.js";
import { AccountReference, BankReference, TppReference } from "./types/references.js";
import { CancelPaymentInput, CancelPaymentPayload, InitiatePaymentInput, InitiatePaymentPayload, PaymentsArgs } from "./types/payment.inputs.js";

export const PaymentConnection = connectionType("Payment", Payment);

@Resolver(() => Payment)
export class PaymentResolver {
  @Query(() => Payment, { nullable: true, description: "A payment by id, its status refreshed from the bank while not final; null when there is none." })
  async payment(@Arg("id", () => ID) id: string, @Ctx() ctx: PaymentsContext) {
    const payment = await ctx.loaders.paymentById.load(assertUuid(id, "id"));
    if (!payment || !isVisible(payment, visiblePayments(ctx.caller))) return null;
    return ctx.payments.refreshStatus(payment);
  }

  @Query(() => PaymentConnection, { description: "Payments, newest first, optionally of one TPP, bank or status." })
  async payments(@Args(() => PaymentsArgs) args: PaymentsArgs, @Ctx() ctx: PaymentsContext) {
    const size = pageSize(args.first);
    const after = decodePaymentCursor(args.after);
    const afterDate = after ? new Date(after[0]) : undefined;
    const tppId = actingTppId(ctx.caller, args.tppId);
    const { psuId } = visiblePayments(ctx.caller);
    const rows = await ctx.em.find(
      Payment,
      {
        ...(tppId ? { tppId } : {}),
        ...(psuId ? { psuId } : {}),
        ...(args.bankId ? { bankId: args.bankId } : {}),
        ...(args.status ? { status: args.status } : {}),
        ...(after ? { $or: [{ createdAt: { $lt: afterDate } }, { createdAt: afterDate, id: { $lt: after[1] } }] } : {}),
      },
      { orderBy: { createdAt: "desc", id: "desc" }, limit: size + 1 },
    );
    return pageOf(rows, size, paymentCursor, Boolean(after));
  }

  @FieldResolver(() => Money)
  instructedAmount(@Root() payment: Payment) {
    return Money.of(payment.amountMinor, payment.currency);
  }

  @FieldResolver(() => BankReference)
  bank(@Root() payment: Payment): BankReference {
    return { id: payment.bankId };
  }

  @FieldResolver(() => AccountReference, { description: "The account debited, by IBAN." })
  debtorAccount(@Root() payment: Payment): AccountReference {
    return { iban: payment.debtorIban };
  }

  @FieldResolver(() => TppReference, { description: "The TPP that initiated the payment." })
  tpp(@Root() payment: Payment): TppReference {
    return { id: payment.tppId };
  }

  @FieldResolver(() => String, { nullable: true, description: "Why the bank rejected the payment (e.g. INSUFFICIENT_FUNDS); null unless RJCT." })
  rejectionReason(@Root() payment: Payment) {
    return payment.status === PaymentStatus.RJCT ? payment.statusReason : null;
  }

  @FieldResolver(() => [PaymentStatusChange], { description: "Every status the payment went through, oldest first." })
  statusHistory(@Root() payment: Payment, @Ctx() ctx: PaymentsContext) {
    return ctx.loaders.historyByPaymentId.load(payment.id);
  }

  @Mutation(() => InitiatePaymentPayload, {
    description:
      "Initiate a single credit transfer. A bank rejection (e.g. INSUFFICIENT_FUNDS) is a payment in RJCT, not an error. When the bank does not answer, the error CORE_UNAVAILABLE carries the recorded paymentId.",
  })
  initiatePayment(@Arg("input", () => InitiatePaymentInput) input: InitiatePaymentInput, @Ctx() ctx: PaymentsContext) {
    return ctx.payments.initiate(input, ctx.caller);
  }

  @Mutation(() => CancelPaymentPayload, {
    description:
      "Cancel a payment that has not been executed yet (e.g. future-dated, or a standing order). One its PSU has not authorised yet is cancelled at once; an authorised one keeps its status and answers authorisationRequired: the cancellation then needs the PSU's SCA (startPaymentCancellationAuthorisation).",
  })
  cancelPayment(@Arg("input", () => CancelPaymentInput) input: CancelPaymentInput, @Ctx() ctx: PaymentsContext) {
    return ctx.payments.cancel(input, ctx.caller);
  }
}
