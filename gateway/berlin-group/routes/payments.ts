/**
 * @module PIS: /v1/{payment-service}/{payment-product} initiation (JSON or pain.001 XML), get, status and
 * cancel. X-Request-ID is the payment's idempotency key: a repeat with the same body answers the same
 * payment, with another body it is refused, and concurrent repeats make one payment.
 */
import { Router, type Request } from "express";
import { BerlinGroupError, formatError } from "../errors.js";
import { paymentPath, paymentRequestOfJson, paymentRequestOfPain001, productOf, toPaymentInformation, type ProductPath } from "../mappers/payments.js";
import { CancelPaymentDocument, InitiatePaymentDocument, PaymentInformationDocument } from "../operations/generated.js";
import { parsePain001 } from "../pain001.js";
import { header, requireScope, type RequestContext } from "../request-context.js";
import { param, route, sendJson } from "../route.js";
import { scaApproachOf } from "../sca.js";

/** Periodic and bulk payments need graph support the payments subgraph does not have yet. */
const SERVICES = ["payments"];

function productPathOf(req: Request): ProductPath {
  const service = param(req, "paymentService");
  if (!SERVICES.includes(service)) {
    throw new BerlinGroupError("SERVICE_INVALID", `The payment service "${service}" is not offered by this ASPSP; use /v1/payments.`, { status: 400 });
  }
  return productOf(service, param(req, "paymentProduct"));
}

function paymentRequestOf(req: Request, product: ProductPath) {
  const type = (req.headers["content-type"] ?? "").toLowerCase();
  if (product.xml) {
    if (!/^(application|text)\/xml/.test(type) || typeof req.body !== "string") throw formatError(`${product.name} takes a pain.001 XML body (Content-Type application/xml).`);
    const payments = parsePain001(req.body);
    if (payments.length !== 1) throw formatError(`A single payment holds one credit transfer; this pain.001 holds ${payments.length} (bulk payments are not offered).`);
    return paymentRequestOfPain001(payments[0]!);
  }
  if (!type.startsWith("application/json")) throw formatError(`${product.name} takes a JSON body (Content-Type application/json).`);
  return paymentRequestOfJson(req.body);
}

async function paymentOf(ctx: RequestContext, product: ProductPath, id: string) {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw new BerlinGroupError("RESOURCE_UNKNOWN", `No payment "${id}".`);
  const { payment } = await ctx.execute(PaymentInformationDocument, { id });
  if (!payment || payment.product !== product.product || payment.bank.id !== ctx.bankId) {
    throw new BerlinGroupError("RESOURCE_UNKNOWN", `No ${product.name} payment "${id}" of this TPP at bank ${ctx.bankId}.`);
  }
  return payment;
}

export function paymentRoutes(): Router {
  const router = Router();

  router.post("/:paymentService/:paymentProduct", route(async (ctx, req, res) => {
    const product = productPathOf(req);
    requireScope(ctx, "payments");
    if (!header(req, "psu-ip-address")) throw formatError("The header PSU-IP-Address is required for a payment initiation.", "PSU-IP-Address");
    const request = paymentRequestOf(req, product);
    const approach = scaApproachOf(req);
    const data = await ctx.execute(
      InitiatePaymentDocument,
      { input: { ...request, bankId: ctx.bankId, product: product.product, idempotencyKey: ctx.requestId, psuId: header(req, "psu-id") } },
      { notFoundStatus: 400 },
    );
    const { payment } = data.initiatePayment;
    const path = paymentPath(product, payment.id);
    sendJson(
      res,
      201,
      { transactionStatus: payment.status, paymentId: payment.id, _links: { self: { href: path }, status: { href: `${path}/status` } } },
      { "X-Request-ID": ctx.requestId, Location: path, "ASPSP-SCA-Approach": approach },
    );
  }));

  router.get("/:paymentService/:paymentProduct/:paymentId", route(async (ctx, req, res) => {
    const product = productPathOf(req);
    requireScope(ctx, "payments");
    const payment = await paymentOf(ctx, product, param(req, "paymentId"));
    sendJson(res, 200, toPaymentInformation(payment), { "X-Request-ID": ctx.requestId });
  }));

  router.get("/:paymentService/:paymentProduct/:paymentId/status", route(async (ctx, req, res) => {
    const product = productPathOf(req);
    requireScope(ctx, "payments");
    const payment = await paymentOf(ctx, product, param(req, "paymentId"));
    sendJson(res, 200, { transactionStatus: payment.status }, { "X-Request-ID": ctx.requestId });
  }));

  router.delete("/:paymentService/:paymentProduct/:paymentId", route(async (ctx, req, res) => {
    const product = productPathOf(req);
    requireScope(ctx, "payments");
    const payment = await paymentOf(ctx, product, param(req, "paymentId"));
    await ctx.execute(CancelPaymentDocument, { paymentId: payment.id });
    res.setHeader("X-Request-ID", ctx.requestId);
    res.status(204).end();
  }));

  return router;
}
