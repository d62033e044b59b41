import { Arg, Ctx, Query, Resolver } from "type-graphql";
import { commonErrors, HubError } from "../../shared/errors.js";
import { parseAmount } from "../../shared/money.js";
import { today } from "../authorize.js";
import type { AccountsContext } from "../context.js";
import { normalizeIban } from "../errors.js";
import { fundsAccountProblem, fundsConfirmationProblem } from "../funds-policy.js";
import { FundsConfirmation, FundsConfirmationInput } from "../types/funds-confirmation.type.js";

@Resolver(() => FundsConfirmation)
export class FundsConfirmationResolver {
  @Query(() => FundsConfirmation, { description: "Whether the bank would pay this amount from the account now (PIIS)." })
  async fundsConfirmation(@Arg("input", () => FundsConfirmationInput) input: FundsConfirmationInput, @Ctx() ctx: AccountsContext) {
    const problem = fundsConfirmationProblem(ctx.caller, today());
    if (problem) throw problem;
    const iban = normalizeIban(input.iban);
    const amountMinor = parseAmount(input.amount, input.currency);
    const account = await ctx.loaders.accountByIban.load(iban);
    if (!account) throw commonErrors.notFound("account", iban);
    const outsideConsent = fundsAccountProblem(ctx.caller, account);
    if (outsideConsent) throw outsideConsent;
    const connectorContext = { tppId: ctx.caller.tppId, psuId: ctx.caller.psuId };
    let result;
    try {
      result = await ctx.connectors.get(account.bankId).confirmFunds(connectorContext, { accountRef: account.ref, amountMinor, currency: input.currency });
    } catch (error) {
      throw error instanceof HubError ? error : commonErrors.coreUnavailable(account.bankId, error);
    }
    if (result.ok) return result.value;
    if (result.error.code === "CURRENCY_MISMATCH") throw new HubError("UNSUPPORTED_CURRENCY", result.error.message, { details: { currency: input.currency } });
    if (result.error.code === "ACCOUNT_NOT_FOUND") throw commonErrors.notFound("account", iban);
    throw new HubError(result.error.code, result.error.message, { httpStatus: result.error.code === "NOT_SUPPORTED" ? 501 : 400 });
  }
}
