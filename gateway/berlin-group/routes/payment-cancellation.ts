/**
 * @module PIS cancellation: DELETE /v1/{payment-service}/{payment-product}/{paymentId} answers 204 when
 * the payment is cancelled at once (its PSU had not authorised it yet), or 202 when the cancellation
 * needs the PSU's SCA (an authorised standing order or future-dated payment), with the links to start
 * it; …/cancellation-authorisations then runs that SCA as …/authorisations does for the payment.
 */
import { Router } from "express";
import { BerlinGroupError } from "../errors.js";
import { camelCase } from "../mappers/names.js";
import { paymentPath, type ProductPath } from "../mappers/payments.js";
import {
  CancelPaymentDocument,
  PaymentCancellationAuthorisationsDocument,
  StartPaymentCancellationAuthorisationDocument,
  UpdatePaymentCancellationAuthorisationDocument,
} from "../operations/generated.js";
import { header, isUuid, requireScope, type RequestContext } from "../request-context.js";
import { param, route, sendJson } from "../route.js";
import { authorisationBody, firstAuthorisationLinks, scaApproachOf, scaStepOf, startedAuthorisationBody, updateStepOf } from "../sca.js";
import { matches, paymentOf, productPathOf, scaRedirectOf, type ServicePath } from "./payments.js";

const cancellationsPath = (product: ProductPath, paymentId: string) => `${paymentPath(product, paymentId)}/cancellation-authorisations`;
const cancellationPath = (product: ProductPath, paymentId: string, authorisationId: string) => `${cancellationsPath(product, paymentId)}/${encodeURIComponent(authorisationId)}`;

async function cancellationAuthorisationsOf(ctx: RequestContext, product: ServicePath, id: string) {
  if (!isUuid(id)) throw new BerlinGroupError("RESOURCE_UNKNOWN", `No payment "${id}".`);
  const { payment } = await ctx.execute(PaymentCancellationAuthorisationsDocument, { id });
  if (!payment || !matches(payment, product, ctx)) {
    throw new BerlinGroupError("RESOURCE_UNKNOWN", `No ${product.name} payment "${id}" of this TPP at bank ${ctx.bankId}.`);
  }
  return payment.cancellationAuthorisations;
}

export function paymentCancellationRoutes(): Router {
  const router = Router();

  router.delete("/:paymentService/:paymentProduct/:paymentId", route(async (ctx, req, res) => {
    const product = productPathOf(req);
    requireScope(ctx, "payments");
    const payment = await paymentOf(ctx, product, param(req, "paymentId"));
    const { cancelPayment } = await ctx.execute(CancelPaymentDocument, { paymentId: payment.id });
    if (!cancelPayment.authorisationRequired) {
      res.setHeader("X-Request-ID", ctx.requestId);
      res.status(204).end();
      return;
    }
    const approach = scaApproachOf(req);
    const psuId = header(req, "psu-id");
    const start = cancellationsPath(product, payment.id);
    const { links, scaStatus } = await firstAuthorisationLinks(req, approach, start, async () => {
      // Implicit start, as for an initiation: a repeated DELETE answers the cancellation authorisation already waiting.
      const waiting = (await cancellationAuthorisationsOf(ctx, product, payment.id)).filter((a) => !a.finishedAt).at(-1);
      const authorisation = waiting ?? (await ctx.execute(StartPaymentCancellationAuthorisationDocument, { input: { paymentId: payment.id, psuId } })).startPaymentCancellationAuthorisation.authorisation;
      return { scaRedirect: scaRedirectOf(ctx, payment.id, authorisation.id, "payment-cancellations"), scaStatusPath: cancellationPath(product, payment.id, authorisation.id), scaStatus: authorisation.scaStatus };
    });
    const self = { self: { href: paymentPath(product, payment.id) }, status: { href: `${paymentPath(product, payment.id)}/status` } };
    sendJson(res, 202, { transactionStatus: cancelPayment.payment.status, ...(scaStatus ? { scaStatus } : {}), _links: { ...self, ...links } }, { "X-Request-ID": ctx.requestId, "ASPSP-SCA-Approach": approach });
  }));

  router.post("/:paymentService/:paymentProduct/:paymentId/cancellation-authorisations", route(async (ctx, req, res) => {
    const product = productPathOf(req);
    requireScope(ctx, "payments");
    const id = param(req, "paymentId");
    await cancellationAuthorisationsOf(ctx, product, id);
    const step = scaStepOf(req.body);
    const approach = scaApproachOf(req);
    const started = await ctx.execute(StartPaymentCancellationAuthorisationDocument, { input: { paymentId: id, psuId: header(req, "psu-id"), ...step } });
    const { authorisation } = started.startPaymentCancellationAuthorisation;
    const path = cancellationPath(product, id, authorisation.id);
    const body = startedAuthorisationBody(approach, step, authorisation, path, scaRedirectOf(ctx, id, authorisation.id, "payment-cancellations"));
    sendJson(res, 201, body, { "X-Request-ID": ctx.requestId, Location: path, "ASPSP-SCA-Approach": approach });
  }));

  router.get("/:paymentService/:paymentProduct/:paymentId/cancellation-authorisations", route(async (ctx, req, res) => {
    const product = productPathOf(req);
    requireScope(ctx, "payments");
    const authorisations = await cancellationAuthorisationsOf(ctx, product, param(req, "paymentId"));
    sendJson(res, 200, { authorisationIds: authorisations.map((a) => a.id) }, { "X-Request-ID": ctx.requestId });
  }));

  router.get("/:paymentService/:paymentProduct/:paymentId/cancellation-authorisations/:authorisationId", route(async (ctx, req, res) => {
    const product = productPathOf(req);
    requireScope(ctx, "payments");
    const authorisationId = param(req, "authorisationId");
    const authorisation = (await cancellationAuthorisationsOf(ctx, product, param(req, "paymentId"))).find((a) => a.id === authorisationId);
    if (!authorisation) throw new BerlinGroupError("RESOURCE_UNKNOWN", `No cancellation authorisation "${authorisationId}" of this payment.`, { status: 403 });
    sendJson(res, 200, { scaStatus: camelCase(authorisation.scaStatus) }, { "X-Request-ID": ctx.requestId });
  }));

  router.put("/:paymentService/:paymentProduct/:paymentId/cancellation-authorisations/:authorisationId", route(async (ctx, req, res) => {
    const product = productPathOf(req);
    requireScope(ctx, "payments");
    const id = param(req, "paymentId");
    const authorisationId = param(req, "authorisationId");
    if (!isUuid(authorisationId)) throw new BerlinGroupError("RESOURCE_UNKNOWN", `No cancellation authorisation "${authorisationId}".`, { status: 403 });
    await cancellationAuthorisationsOf(ctx, product, id);
    const step = updateStepOf(req);
    const updated = await ctx.execute(UpdatePaymentCancellationAuthorisationDocument, { input: { paymentId: id, authorisationId, ...step } }, { notFoundStatus: 403 });
    const { authorisation } = updated.updatePaymentCancellationAuthorisation;
    sendJson(res, 200, authorisationBody(authorisation, cancellationPath(product, id, authorisation.id)), { "X-Request-ID": ctx.requestId });
  }));

  return router;
}
