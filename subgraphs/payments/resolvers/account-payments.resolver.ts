import { electronicFormatIBAN } from "ibantools";
import { Args, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { pageSize } from "../../shared/connection.js";
import { visiblePayments } from "../acting-party.js";
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
}
