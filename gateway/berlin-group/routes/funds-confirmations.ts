/** @module PIIS: POST /v1/funds-confirmations (Consent-ID optional, as the spec says). */
import { Router } from "express";
import { accountReference, object, string } from "../body.js";
import { FundsConfirmationDocument } from "../operations/generated.js";
import { requireScope } from "../request-context.js";
import { route, sendJson } from "../route.js";

export function fundsConfirmationRoutes(): Router {
  const router = Router();
  router.post("/funds-confirmations", route(async (ctx, req, res) => {
    requireScope(ctx, "fundsconfirmation");
    const body = object(req.body, "body");
    const account = accountReference(body.account, "account");
    const amount = object(body.instructedAmount, "instructedAmount");
    const input = { iban: account.iban, amount: string(amount, "amount", "instructedAmount.amount", 20), currency: string(amount, "currency", "instructedAmount.currency", 3) };
    const data = await ctx.execute(FundsConfirmationDocument, { input }, { notFoundAs: "RESOURCE_UNKNOWN", notFoundStatus: 400 });
    sendJson(res, 200, { fundsAvailable: data.fundsConfirmation.fundsAvailable }, { "X-Request-ID": ctx.requestId });
  }));
  return router;
}
