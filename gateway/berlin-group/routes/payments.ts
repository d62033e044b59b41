/**
 * @module PIS: /v1/{payment-service}/{payment-product} for payments, periodic-payments and bulk-payments:
 * initiation (JSON or pain.001 XML, see payment-initiation.ts), get, status and authorisations (cancel: payment-cancellation.ts). X-Request-ID is the payment's idempotency key: a repeat with the same body answers the same
 * payment, with another body it is refused, and concurrent repeats make one payment.
 */
import { Router, type Request } from "express";
import { BerlinGroupError, formatError } from "../errors.js";
import { paymentPath, productOf, toPaymentInformation, type ProductPath } from "../mappers/payments.js";
import { toBulkInformation, toPeriodicInformation } from "../mappers/periodic-bulk.js";
import {
  PaymentAuthorisationsDocument,
  PaymentInformationDocument,
  StartPaymentAuthorisationDocument,
  UpdatePaymentAuthorisationDocument,
} from "../operations/generated.js";
import { camelCase } from "../mappers/names.js";
import { header, isUuid, requireScope, type RequestContext } from "../request-context.js";
import { param, route, sendJson } from "../route.js";
import { authorisationBody, firstAuthorisationLinks, redirectUrisOf, scaApproachOf, scaStepOf, startedAuthorisationBody, updateStepOf } from "../sca.js";
import { initiate, SERVICES, type Service } from "./payment-initiation.js";

const authorisationPath = (product: ProductPath, paymentId: string, authorisationId: string) =>
  `${paymentPath(product, paymentId)}/authorisations/${encodeURIComponent(authorisationId)}`;
/** The hub's page where the PSU authorises the payment, or its cancellation (redirect approach). */
export const scaRedirectOf = (ctx: RequestContext, paymentId: string, authorisationId: string, subject: "payments" | "payment-cancellations" = "payments") =>
  `${ctx.origin}/oauth/sca/${subject}/${encodeURIComponent(paymentId)}/authorisations/${encodeURIComponent(authorisationId)}`;

export type ServicePath = ProductPath & { kind: (typeof SERVICES)[Service] };

export function productPathOf(req: Request): ServicePath {
  const service = param(req, "paymentService");
  if (!(service in SERVICES)) {
    throw new BerlinGroupError("SERVICE_INVALID", `The payment service "${service}" is not offered by this ASPSP; use payments, periodic-payments or bulk-payments.`, { status: 400 });
  }
  return { ...productOf(service, param(req, "paymentProduct")), kind: SERVICES[service as Service] };
}

/** The payment under this path: of this service, product and bank, visible to the TPP. */
export const matches = (payment: { kind: string; product: string; bank: { id: string } }, product: ServicePath, ctx: RequestContext) =>
  payment.kind === product.kind && payment.product === product.product && payment.bank.id === ctx.bankId;

export async function paymentOf(ctx: RequestContext, product: ServicePath, id: string) {
  if (!isUuid(id)) throw new BerlinGroupError("RESOURCE_UNKNOWN", `No payment "${id}".`);
  const { payment } = await ctx.execute(PaymentInformationDocument, { id });
  if (!payment || !matches(payment, product, ctx)) {
    throw new BerlinGroupError("RESOURCE_UNKNOWN", `No ${product.name} payment "${id}" of this TPP at bank ${ctx.bankId}.`);
  }
  return payment;
}

async function authorisationsOf(ctx: RequestContext, product: ServicePath, id: string) {
  if (!isUuid(id)) throw new BerlinGroupError("RESOURCE_UNKNOWN", `No payment "${id}".`);
  const { payment } = await ctx.execute(PaymentAuthorisationsDocument, { id });
  if (!payment || !matches(payment, product, ctx)) {
    throw new BerlinGroupError("RESOURCE_UNKNOWN", `No ${product.name} payment "${id}" of this TPP at bank ${ctx.bankId}.`);
  }
  return payment.authorisations;
}

export function paymentRoutes(): Router {
  const router = Router();

  router.post("/:paymentService/:paymentProduct", route(async (ctx, req, res) => {
    const product = productPathOf(req);
    requireScope(ctx, "payments");
    if (!header(req, "psu-ip-address")) throw formatError("The header PSU-IP-Address is required for a payment initiation.", "PSU-IP-Address");
    const approach = scaApproachOf(req);
    const psuId = header(req, "psu-id");
    const data = await initiate(ctx, req, product, product.kind, { ...redirectUrisOf(req), bankId: ctx.bankId, product: product.product, idempotencyKey: ctx.requestId, psuId });
    const { payment } = data;
    const path = paymentPath(product, payment.id);
    const { links, scaStatus } = payment.status !== "RCVD" ? { links: {}, scaStatus: undefined } : await firstAuthorisationLinks(req, approach, `${path}/authorisations`, async () => {
      const existing = data.replayed ? (await authorisationsOf(ctx, product, payment.id)).at(-1) : undefined;
      const authorisation = existing ?? (await ctx.execute(StartPaymentAuthorisationDocument, { input: { paymentId: payment.id, psuId } })).startPaymentAuthorisation.authorisation;
      return { scaRedirect: scaRedirectOf(ctx, payment.id, authorisation.id), scaStatusPath: authorisationPath(product, payment.id, authorisation.id), scaStatus: authorisation.scaStatus };
    });
    const self = { self: { href: path }, status: { href: `${path}/status` } };
    sendJson(res, 201, { transactionStatus: payment.status, paymentId: payment.id, ...(scaStatus ? { scaStatus } : {}), _links: { ...self, ...links } }, {
      "X-Request-ID": ctx.requestId,
      Location: path,
      "ASPSP-SCA-Approach": approach,
    });
  }));

  router.get("/:paymentService/:paymentProduct/:paymentId", route(async (ctx, req, res) => {
    const product = productPathOf(req);
    requireScope(ctx, "payments");
    const payment = await paymentOf(ctx, product, param(req, "paymentId"));
    const information = product.kind === "PERIODIC" ? toPeriodicInformation(payment) : product.kind === "BULK" ? toBulkInformation(payment) : toPaymentInformation(payment);
    sendJson(res, 200, information, { "X-Request-ID": ctx.requestId });
  }));

  router.get("/:paymentService/:paymentProduct/:paymentId/status", route(async (ctx, req, res) => {
    const product = productPathOf(req);
    requireScope(ctx, "payments");
    const payment = await paymentOf(ctx, product, param(req, "paymentId"));
    sendJson(res, 200, { transactionStatus: payment.status }, { "X-Request-ID": ctx.requestId });
  }));

  router.post("/:paymentService/:paymentProduct/:paymentId/authorisations", route(async (ctx, req, res) => {
    const product = productPathOf(req);
    requireScope(ctx, "payments");
    const id = param(req, "paymentId");
    await authorisationsOf(ctx, product, id);
    const step = scaStepOf(req.body);
    const approach = scaApproachOf(req);
    const started = await ctx.execute(StartPaymentAuthorisationDocument, { input: { paymentId: id, psuId: header(req, "psu-id"), ...step } });
    const { authorisation } = started.startPaymentAuthorisation;
    const path = authorisationPath(product, id, authorisation.id);
    const body = startedAuthorisationBody(approach, step, authorisation, path, scaRedirectOf(ctx, id, authorisation.id));
    sendJson(res, 201, body, { "X-Request-ID": ctx.requestId, Location: path, "ASPSP-SCA-Approach": approach });
  }));

  router.get("/:paymentService/:paymentProduct/:paymentId/authorisations", route(async (ctx, req, res) => {
    const product = productPathOf(req);
    requireScope(ctx, "payments");
    const authorisations = await authorisationsOf(ctx, product, param(req, "paymentId"));
    sendJson(res, 200, { authorisationIds: authorisations.map((a) => a.id) }, { "X-Request-ID": ctx.requestId });
  }));

  router.get("/:paymentService/:paymentProduct/:paymentId/authorisations/:authorisationId", route(async (ctx, req, res) => {
    const product = productPathOf(req);
    requireScope(ctx, "payments");
    const authorisationId = param(req, "authorisationId");
    const authorisation = (await authorisationsOf(ctx, product, param(req, "paymentId"))).find((a) => a.id === authorisationId);
    if (!authorisation) throw new BerlinGroupError("RESOURCE_UNKNOWN", `No authorisation "${authorisationId}" of this payment.`, { status: 403 });
    sendJson(res, 200, { scaStatus: camelCase(authorisation.scaStatus) }, { "X-Request-ID": ctx.requestId });
  }));

  router.put("/:paymentService/:paymentProduct/:paymentId/authorisations/:authorisationId", route(async (ctx, req, res) => {
    const product = productPathOf(req);
    requireScope(ctx, "payments");
    const id = param(req, "paymentId");
    const authorisationId = param(req, "authorisationId");
    if (!isUuid(authorisationId)) throw new BerlinGroupError("RESOURCE_UNKNOWN", `No authorisation "${authorisationId}".`, { status: 403 });
    await authorisationsOf(ctx, product, id);
    const step = updateStepOf(req);
    const updated = await ctx.execute(UpdatePaymentAuthorisationDocument, { input: { paymentId: id, authorisationId, ...step } }, { notFoundStatus: 403 });
    const { authorisation } = updated.updatePaymentAuthorisation;
    sendJson(res, 200, authorisationBody(authorisation, authorisationPath(product, id, authorisation.id)), { "X-Request-ID": ctx.requestId });
  }));

  return router;
}
