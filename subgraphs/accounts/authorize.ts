/** @module Applies the access policy in resolvers, counting consent accesses once per request and account. */
import type { AccountsContext } from "./context.js";
import { accessProblem, budgetExceeded, consentProblem, countsAgainstBudget, type DataKind } from "../shared/account-access.js";
import type { Account } from "./types/account.type.js";
import { requireAuthenticated, requireOperator } from "../shared/authz.js";
import { HubError } from "../shared/errors.js";

export const today = () => new Date().toISOString().slice(0, 10);

/** Throws the reason `kind` of `account` may not be read by this request's caller. */
export async function authorize(ctx: AccountsContext, account: Account, kind: DataKind): Promise<void> {
  const problem = accessProblem(ctx.caller, account, kind, today());
  if (problem) throw problem;
  if (countsAgainstBudget(ctx.caller)) {
    const consent = ctx.caller.consent!;
    if ((await ctx.loaders.consentAccesses.load(account.iban)) > consent.frequencyPerDay) throw budgetExceeded(consent, account.iban);
  }
}

/** Whether the caller may see `account` in a list (lists leave out what they may not see). */
export function visible(ctx: AccountsContext, account: Account): boolean {
  return accessProblem(ctx.caller, account, "account", today()) === null;
}

/** A PSU's account list: a PSU asks only for themselves; a TPP only for its consent's PSU. */
export function authorizePsuList(ctx: AccountsContext, psuId: string): void {
  const { caller } = ctx;
  requireAuthenticated(caller);
  if (caller.kind === "psu" && caller.psuId !== psuId) throw new HubError("FORBIDDEN", "A PSU reads only their own accounts.", { httpStatus: 403 });
  if (caller.kind !== "tpp") return;
  const problem = consentProblem(caller, today());
  if (problem) throw problem;
  if (caller.consent!.psuId !== psuId) throw new HubError("CONSENT_INVALID", "The consent was given by another PSU.", { httpStatus: 403 });
}

/** The directory of every account is for operators and the hub itself. */
export function authorizeDirectory(ctx: AccountsContext): void {
  requireOperator(ctx.caller, "list the account directory (a TPP lists a PSU's accounts through psu(id))");
}
