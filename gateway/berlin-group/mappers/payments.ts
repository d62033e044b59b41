/** @module Payments between Berlin Group JSON / pain.001 and the graph. */
import { accountReference, object, optionalString, string } from "../body.js";
import { BerlinGroupError, formatError } from "../errors.js";
import type { InitiatePaymentInput, PaymentFieldsFragment, PaymentProduct } from "../operations/generated.js";
import type { Pain001Payment } from "../pain001.js";

export const PRODUCTS: Record<string, PaymentProduct> = {
  "sepa-credit-transfers": "SEPA_CREDIT_TRANSFERS",
  "instant-sepa-credit-transfers": "INSTANT_SEPA_CREDIT_TRANSFERS",
  "target-2-payments": "TARGET_2_PAYMENTS",
  "cross-border-credit-transfers": "CROSS_BORDER_CREDIT_TRANSFERS",
};

export interface ProductPath {
  service: string;
  /** As named in the path, e.g. pain.001-sepa-credit-transfers. */
  name: string;
  product: PaymentProduct;
  xml: boolean;
}

export function productOf(service: string, name: string): ProductPath {
  const xml = name.startsWith("pain.001-");
  const product = PRODUCTS[xml ? name.slice("pain.001-".length) : name];
  if (!product) throw new BerlinGroupError("PRODUCT_UNKNOWN", `Payment product "${name}" is not offered; use one of ${Object.keys(PRODUCTS).join(", ")} (or their pain.001- forms).`);
  return { service, name, product, xml };
}

export const paymentPath = (p: ProductPath, id: string) => `/v1/${p.service}/${p.name}/${encodeURIComponent(id)}`;

type Request = Omit<InitiatePaymentInput, "bankId" | "product" | "idempotencyKey" | "psuId">;

export function paymentRequestOfJson(raw: unknown): Request {
  const body = object(raw, "body");
  const amount = object(body.instructedAmount, "instructedAmount");
  const date = optionalString(body, "requestedExecutionDate", "requestedExecutionDate", 10);
  if (date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(date)) throw formatError("requestedExecutionDate must be a date YYYY-MM-DD.", "requestedExecutionDate");
  for (const unsupported of ["startDate", "frequency", "payments"]) {
    if (body[unsupported] !== undefined) throw formatError(`${unsupported} belongs to periodic or bulk payments, not to /v1/payments.`, unsupported);
  }
  return {
    debtorIban: accountReference(body.debtorAccount, "debtorAccount").iban,
    creditorIban: accountReference(body.creditorAccount, "creditorAccount").iban,
    creditorName: string(body, "creditorName", "creditorName", 70),
    instructedAmount: { amount: string(amount, "amount", "instructedAmount.amount", 20), currency: string(amount, "currency", "instructedAmount.currency", 3) },
    remittanceInformationUnstructured: optionalString(body, "remittanceInformationUnstructured", "remittanceInformationUnstructured", 140),
    endToEndId: optionalString(body, "endToEndIdentification", "endToEndIdentification", 35),
    requestedExecutionDate: date,
  };
}

export function paymentRequestOfPain001(payment: Pain001Payment): Request {
  return {
    debtorIban: payment.debtorIban,
    creditorIban: payment.creditorIban,
    creditorName: payment.creditorName,
    instructedAmount: { amount: payment.amount, currency: payment.currency },
    remittanceInformationUnstructured: payment.remittanceInformationUnstructured,
    endToEndId: payment.endToEndId,
    requestedExecutionDate: payment.requestedExecutionDate,
  };
}

export function toPaymentInformation(payment: PaymentFieldsFragment) {
  return {
    endToEndIdentification: payment.endToEndId,
    debtorAccount: { iban: payment.debtorIban },
    instructedAmount: { currency: payment.instructedAmount.currency, amount: payment.instructedAmount.amount },
    creditorAccount: { iban: payment.creditorIban ?? "" },
    creditorName: payment.creditorName ?? "",
    ...(payment.remittanceInformationUnstructured ? { remittanceInformationUnstructured: payment.remittanceInformationUnstructured } : {}),
    ...(payment.requestedExecutionDate ? { requestedExecutionDate: payment.requestedExecutionDate } : {}),
    transactionStatus: payment.status,
  };
}
