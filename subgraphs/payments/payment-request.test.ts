import { describe, expect, it } from "vitest";
import { PaymentProduct } from "./entities/index.js";
import { isCalendarDate, requestHash, validatePaymentRequest } from "./payment-request.js";
import type { InitiatePaymentInput } from "./resolvers/types/payment.inputs.js";

const TODAY = "2026-11-22";
const input = (overrides: Partial<InitiatePaymentInput> = {}): InitiatePaymentInput => ({
  bankId: "musterbank",
  debtorIban: "DE80760700240271232400",
  creditorName: "Anton Brückner",
  creditorIban: "DE69760700240340283600",
  instructedAmount: { amount: "12.30", currency: "EUR" },
  ...overrides,
});

describe("payment request", () => {
  it("normalises IBANs, amounts, texts and the default product", () => {
    const request = validatePaymentRequest(
      input({ debtorIban: "de80 7607 0024 0271 2324 00", creditorName: "  Anton  ", instructedAmount: { amount: "12.3", currency: "eur" }, remittanceInformationUnstructured: " " }),
      TODAY,
    );
    expect(request).toMatchObject({
      debtorIban: "DE80760700240271232400",
      creditorName: "Anton",
      amountMinor: 1230n,
      currency: "EUR",
      remittance: null,
      endToEndId: null,
      product: PaymentProduct.SEPA_CREDIT_TRANSFERS,
    });
  });

  it("hashes equal requests equally, whatever their spelling, and different ones differently", () => {
    const plain = requestHash(validatePaymentRequest(input(), TODAY), "max.musterman");
    const spaced = requestHash(validatePaymentRequest(input({ debtorIban: "DE80 7607 0024 0271 2324 00", instructedAmount: { amount: "12.30", currency: "EUR" } }), TODAY), "max.musterman");
    expect(spaced).toBe(plain);
    expect(requestHash(validatePaymentRequest(input({ instructedAmount: { amount: "12.31", currency: "EUR" } }), TODAY), "max.musterman")).not.toBe(plain);
    expect(requestHash(validatePaymentRequest(input(), TODAY), "anton.brueckner")).not.toBe(plain);
    expect(requestHash(validatePaymentRequest(input({ idempotencyKey: "k1" }), TODAY), "max.musterman")).toBe(plain);
  });

  it("accepts today and later as execution date, nothing earlier and no impossible dates", () => {
    expect(validatePaymentRequest(input({ requestedExecutionDate: TODAY }), TODAY).requestedExecutionDate).toBe(TODAY);
    expect(() => validatePaymentRequest(input({ requestedExecutionDate: "2026-11-21" }), TODAY)).toThrow(/on or after 2026-11-22/);
    expect(isCalendarDate("2028-02-29")).toBe(true);
    expect(isCalendarDate("2027-02-29")).toBe(false);
    expect(isCalendarDate("2027-2-01")).toBe(false);
  });

  it("checks the idempotency key's shape", () => {
    expect(() => validatePaymentRequest(input({ idempotencyKey: "" }), TODAY)).toThrow(/idempotencyKey/);
    expect(() => validatePaymentRequest(input({ idempotencyKey: " k" }), TODAY)).toThrow(/idempotencyKey/);
    expect(() => validatePaymentRequest(input({ idempotencyKey: "k".repeat(101) }), TODAY)).toThrow(/idempotencyKey/);
  });
});
