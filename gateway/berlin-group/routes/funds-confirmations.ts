/**
 * @module PIIS: POST /v1/funds-confirmations. Consent-ID is optional, as the spec says: without it the
 * TPP's valid confirmation-of-funds consent for the account is used (the consent the ASPSP manages).
 */
import { Router } from "express";
import { accountReference, object, string } from "../body.js";
import { BerlinGroupError } from "../errors.js";
import { FundsConfirmationDocument, ValidFundsConsentsDocument } from "../operations/generated.js";
import { requireScope, type RequestContext } from "../request-context.js";
import { route, sendJson } from "../route.js";

const electronic = (iban: string) => iban.replace(/\s+/g, "").toUpperCase();

async function executorUnderFundsConsent(ctx: RequestContext, iban: string) {
  if (ctx.caller.kind !== "tpp" || ctx.caller.consent) return ctx.execute;
  const { consents } = await ctx.execute(ValidFundsConsentsDocument, {});
  const held = consents.edges.find((e) => e.node.access.fundsConfirmation?.account.iban === electronic(iban));
  if (!held) throw new BerlinGroupError("CONSENT_UNKNOWN", "No valid confirmation-of-funds consent of this TPP covers the account; name one in Consent-ID.", { status: 400 });
  return ctx.underConsent(held.node.id);
}

export function fundsConfirmationRoutes(): Router {
  const router = Router();
  router.post("/funds-confirmations", route(async (ctx, req, res) => {
    requireScope(ctx, "fundsconfirmation");
    const body = object(req.body, "body");
    const account = accountReference(body.account, "account");
    const amount = object(body.instructedAmount, "instructedAmount");
    const input = { iban: account.iban, amount: string(amount, "amount", "instructedAmount.amount", 20), currency: string(amount, "currency", "instructedAmount.currency", 3) };
    const execute = await executorUnderFundsConsent(ctx, account.iban);
    const data = await execute(FundsConfirmationDocument, { input }, { notFoundAs: "RESOURCE_UNKNOWN", notFoundStatus: 400 });
    sendJson(res, 200, { fundsAvailable: data.fundsConfirmation.fundsAvailable }, { "X-Request-ID": ctx.requestId });
  }));
  return router;
}
