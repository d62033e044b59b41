import { electronicFormatIBAN } from "ibantools";
import { Args, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { pageSize } from "../../shared/connection.js";
import { accessProblem } from "../../shared/account-access.js";
import { isVisible, visiblePayments } from "../acting-party.js";
import { Payment } from "../entities/index.js";
import { utcToday } from "../payment-request.js";
import type { PaymentsContext } from "../context.js";
import { decodePaymentCursor } from "../payment-cursor.js";
import { PaymentConnection } from "./payment.resolver.js";
import { AccountPaymentsArgs } from "./types/payment.inputs.js";
import { AccountReference } from "./types/references.js";

/** Contributes `Account.payments`: the payments debited from the account, by its IBAN. */
@Resolver(() => AccountReference)
export class AccountPaymentsResolver {
  @FieldResolver(() => PaymentConnection, { description: "Payments initiated from this account, newest first: for a TPP only its own, for a PSU only theirs." })
  payments(@Root() account: AccountReference, @Args(() => AccountPaymentsArgs) args: AccountPaymentsArgs, @Ctx() ctx: PaymentsContext) {
    const after = decodePaymentCursor(args.after);
    return ctx.loaders.paymentsByAccount.load({
      iban: electronicFormatIBAN(account.iban) ?? account.iban,
      scope: visiblePayments(ctx.caller),
      status: args.status,
      size: pageSize(args.first),
      after,
    });
  }

  @FieldResolver(() => [Payment], {
    description:
      "The account's active standing orders (authorised, not cancelled or ended), oldest first. A TPP sees all of them under an AIS consent covering the account's transactions, else only its own; a PSU theirs.",
  })
  async standingOrders(@Root() account: AccountReference, @Ctx() ctx: PaymentsContext): Promise<Payment[]> {
    const iban = electronicFormatIBAN(account.iban) ?? account.iban;
    const orders = await ctx.loaders.standingOrdersByIban.load(iban);
    if (orders.length === 0) return [];
    // Under a consent, what a transactions read of the account would be allowed (its holders asked of the bank).
    const consent = ctx.caller.kind === "tpp" ? ctx.caller.consent : undefined;
    if (consent?.psuId) {
      const bankId = orders[0]!.bankId;
      const held = await ctx.connectors.get(bankId).accountsByIbans({ tppId: consent.tppId, psuId: consent.psuId }, [iban]).then((found) => found.get(iban), () => undefined);
      if (held && !accessProblem(ctx.caller, { iban, psuIds: held.psuIds }, "transactions", utcToday())) return orders.filter((o) => o.bankId === bankId);
    }
    const scope = visiblePayments(ctx.caller);
    return orders.filter((o) => isVisible(o, scope));
  }
}
