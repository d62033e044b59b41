import { Arg, Ctx, FieldResolver, Int, Mutation, ObjectType, Field, Resolver, Root } from "type-graphql";
import { requireOperator } from "../../shared/authz.js";
import { Money } from "../../shared/money.type.js";
import type { PaymentsContext } from "../context.js";
import { BulkPaymentEntry, Payment, PaymentKind, PaymentStatus, StandingOrderInstalment } from "../entities/index.js";
import { utcToday } from "../payment-request.js";
import { nextInstalment } from "../standing-order-schedule.js";
import { termsOf } from "../standing-orders.js";
import { InitiatePaymentPayload } from "./types/payment.inputs.js";
import { InitiateBulkPaymentInput, InitiatePeriodicPaymentInput, StandingOrderTermsType } from "./types/periodic-bulk.inputs.js";

@ObjectType()
export class StandingOrderRunPayload {
  @Field(() => Int, { description: "Instalments sent to the bank by this run." }) executed!: number;
}

/** Standing orders and bulks: their initiation, and the fields a single payment does not have. */
@Resolver(() => Payment)
export class PeriodicBulkResolver {
  @FieldResolver(() => StandingOrderTermsType, { nullable: true, description: "A standing order's schedule; null unless PERIODIC." })
  standingOrder(@Root() payment: Payment): StandingOrderTermsType | null {
    if (payment.kind !== PaymentKind.PERIODIC) return null;
    const terms = termsOf(payment);
    const next = payment.status === PaymentStatus.ACCP || payment.status === PaymentStatus.RCVD ? nextInstalment(terms, utcToday()) : null;
    return { ...terms, nextExecutionDate: next?.executionDate ?? null };
  }

  @FieldResolver(() => [StandingOrderInstalment], { nullable: true, description: "A standing order's executions so far, oldest first; null unless PERIODIC." })
  instalments(@Root() payment: Payment, @Ctx() ctx: PaymentsContext) {
    return payment.kind === PaymentKind.PERIODIC ? ctx.loaders.instalmentsByPaymentId.load(payment.id) : null;
  }

  @FieldResolver(() => [BulkPaymentEntry], { nullable: true, description: "A bulk's transfers in their order; null unless BULK." })
  bulkEntries(@Root() payment: Payment, @Ctx() ctx: PaymentsContext) {
    return payment.kind === PaymentKind.BULK ? ctx.loaders.entriesByPaymentId.load(payment.id) : null;
  }

  @Mutation(() => InitiatePaymentPayload, {
    description: "Initiate a standing order. It is RCVD until its PSU's SCA, then ACCP; each instalment executes on its date (the first at once when startDate is today). cancelPayment ends it (with its PSU's cancellation authorisation once it is authorised).",
  })
  initiatePeriodicPayment(@Arg("input", () => InitiatePeriodicPaymentInput) input: InitiatePeriodicPaymentInput, @Ctx() ctx: PaymentsContext) {
    return ctx.payments.initiatePeriodic(input, ctx.caller);
  }

  @Mutation(() => InitiatePaymentPayload, {
    description: "Initiate a bulk of transfers from one account. One SCA authorises all; each executes once; the bulk is then ACSC, PART (some rejected), RJCT (all rejected) or ACSP.",
  })
  initiateBulkPayment(@Arg("input", () => InitiateBulkPaymentInput) input: InitiateBulkPaymentInput, @Ctx() ctx: PaymentsContext) {
    return ctx.payments.initiateBulk(input, ctx.caller);
  }

  @Mutation(() => StandingOrderRunPayload, { description: "Operators: execute the standing-order instalments due today now (the hub also runs this on a timer, see STANDING_ORDERS_INTERVAL_SECONDS)." })
  executeDueStandingOrders(@Ctx() ctx: PaymentsContext) {
    requireOperator(ctx.caller, "execute due standing orders");
    return ctx.standingOrders.runDue(utcToday());
  }
}

@Resolver(() => BulkPaymentEntry)
export class BulkPaymentEntryResolver {
  @FieldResolver(() => Money)
  instructedAmount(@Root() entry: BulkPaymentEntry) {
    return Money.of(entry.amountMinor, entry.currency);
  }

  @FieldResolver(() => String, { nullable: true, description: "Why the bank rejected this transfer; null unless RJCT." })
  rejectionReason(@Root() entry: BulkPaymentEntry) {
    return entry.status === PaymentStatus.RJCT ? entry.statusReason : null;
  }
}
