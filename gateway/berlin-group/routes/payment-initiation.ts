/**
 * @module The body of a PIS initiation by payment service: JSON, or pain.001 XML for the pain.001-
 * products (a bulk's several CdtTrfTxInf; a periodic payment's pain.001 with its terms as the spec's
 * multipart parts xml_sct and json_standingorderType), turned into the graph mutation that creates it.
 */
import type { Request } from "express";
import { formatError } from "../errors.js";
import { BodylessError } from "../graphql-errors.js";
import { paymentRequestOfJson, paymentRequestOfPain001, type ProductPath } from "../mappers/payments.js";
import { bulkRequestOfJson, bulkRequestOfPain001, periodicRequestOfJson, periodicRequestOfPain001 } from "../mappers/periodic-bulk.js";
import { InitiateBulkPaymentDocument, InitiatePaymentDocument, InitiatePeriodicPaymentDocument, type PaymentFieldsFragment } from "../operations/generated.js";
import { MAX_PAIN001_BYTES, parsePain001 } from "../pain001.js";
import type { RequestContext } from "../request-context.js";

/** Berlin Group payment-service → the graph's PaymentKind. */
export const SERVICES = { payments: "SINGLE", "periodic-payments": "PERIODIC", "bulk-payments": "BULK" } as const;
export type Service = keyof typeof SERVICES;

/** What every initiation passes besides its body: bank, product, X-Request-ID as idempotency key, PSU, redirect URIs. */
export interface InitiationCommon {
  bankId: string;
  product: ProductPath["product"];
  idempotencyKey: string;
  psuId?: string;
  tppRedirectUri?: string;
  tppNokRedirectUri?: string;
}

const contentType = (req: Request) => (req.headers["content-type"] ?? "").toLowerCase();

function xmlBody(req: Request, product: ProductPath): string {
  if (!/^(application|text)\/xml/.test(contentType(req)) || typeof req.body !== "string") throw new BodylessError(415, `${product.name} takes a pain.001 XML body (Content-Type application/xml).`);
  return req.body;
}

function jsonBody(req: Request, product: ProductPath): unknown {
  if (!contentType(req).startsWith("application/json")) throw new BodylessError(415, `${product.name} takes a JSON body (Content-Type application/json).`);
  return req.body;
}

/** The two parts of a periodic pain.001 initiation (multipart/form-data): the pain.001 and the standing order's terms. */
async function periodicParts(req: Request, product: ProductPath): Promise<{ xml: string; terms: unknown }> {
  if (!contentType(req).startsWith("multipart/form-data") || !Buffer.isBuffer(req.body)) {
    throw new BodylessError(415, `Periodic ${product.name} takes multipart/form-data with the parts xml_sct (pain.001) and json_standingorderType.`);
  }
  if (req.body.length > MAX_PAIN001_BYTES + 16 * 1024) throw formatError("The multipart body is too large.");
  let form: FormData;
  try {
    form = await new Response(new Uint8Array(req.body), { headers: { "content-type": req.headers["content-type"]! } }).formData();
  } catch {
    throw formatError("The multipart/form-data body could not be read (check its boundary).");
  }
  const part = async (name: string) => {
    const value = form.get(name);
    if (value === null) throw formatError(`The multipart part ${name} is missing.`, name);
    return typeof value === "string" ? value : value.text();
  };
  const xml = await part("xml_sct");
  let terms: unknown;
  try {
    terms = JSON.parse(await part("json_standingorderType"));
  } catch (error) {
    if (error instanceof Error && "status" in error) throw error;
    throw formatError("The part json_standingorderType is not valid JSON.", "json_standingorderType");
  }
  return { xml, terms };
}

function single(payments: ReturnType<typeof parsePain001>, what: string) {
  if (payments.length !== 1) throw formatError(`${what} holds one credit transfer; this pain.001 holds ${payments.length} (use /v1/bulk-payments for several).`);
  return payments[0]!;
}

/** Runs the initiation mutation of the payment service; the payment and whether it is a replay. */
export async function initiate(ctx: RequestContext, req: Request, product: ProductPath, kind: (typeof SERVICES)[Service], common: InitiationCommon): Promise<{ replayed: boolean; payment: PaymentFieldsFragment }> {
  const options = { notFoundStatus: 400 };
  if (kind === "PERIODIC") {
    let request;
    if (product.xml) {
      const { xml, terms } = await periodicParts(req, product);
      request = periodicRequestOfPain001(single(parsePain001(xml), "A periodic payment"), terms);
    } else {
      request = periodicRequestOfJson(jsonBody(req, product));
    }
    return (await ctx.execute(InitiatePeriodicPaymentDocument, { input: { ...request, ...common } }, options)).initiatePeriodicPayment;
  }
  if (kind === "BULK") {
    const request = product.xml ? bulkRequestOfPain001(parsePain001(xmlBody(req, product))) : bulkRequestOfJson(jsonBody(req, product));
    return (await ctx.execute(InitiateBulkPaymentDocument, { input: { ...request, ...common } }, options)).initiateBulkPayment;
  }
  const request = product.xml ? paymentRequestOfPain001(single(parsePain001(xmlBody(req, product)), "A single payment")) : paymentRequestOfJson(jsonBody(req, product));
  return (await ctx.execute(InitiatePaymentDocument, { input: { ...request, ...common } }, options)).initiatePayment;
}
