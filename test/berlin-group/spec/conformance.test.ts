/** The conformance check itself: the derived spec patches only what SOURCE.md names, and the check catches what it should. */
import { describe, expect, it } from "vitest";
import { Conformance } from "./conformance.js";
import { derivedPiisSpec, derivedSpec, loadOriginalPiisSpec, loadOriginalSpec, PATCHED_ONE_OFS, PIIS_PATCHED_ONE_OFS } from "./derived-spec.js";

const UUID = "99391c7e-ad88-49ec-a2ad-99ddcb1f7721";
const response = (status: number, body: unknown, headers: Record<string, string> = { "x-request-id": UUID, "content-type": "application/json" }) => ({
  method: "GET",
  path: "/v1/consents/abc/status",
  status,
  headers: new Headers(headers),
  text: body === undefined ? "" : JSON.stringify(body),
});

describe("derived Berlin Group spec", () => {
  it("differs from the original only by oneOf → anyOf at the listed places", () => {
    const original = loadOriginalSpec();
    const derived = derivedSpec();
    for (const pointer of PATCHED_ONE_OFS) {
      const a = pointer.reduce<any>((n, k) => n[k], original);
      const b = pointer.reduce<any>((n, k) => n[k], derived);
      expect(b.anyOf).toEqual(a.oneOf);
      b.oneOf = b.anyOf;
      delete b.anyOf;
    }
    expect(derived).toEqual(original);
  });
});

describe("derived confirmation-of-funds consent spec", () => {
  it("differs from the original by the listed anyOfs and the added tppMessageGeneric only", () => {
    const original = loadOriginalPiisSpec();
    const derived = derivedPiisSpec();
    for (const pointer of PIIS_PATCHED_ONE_OFS) {
      const b = pointer.reduce<any>((n, k) => n[k], derived);
      b.oneOf = b.anyOf;
      delete b.anyOf;
    }
    expect(derived.components.schemas.tppMessageGeneric.required).toEqual(["category", "code"]);
    delete derived.components.schemas.tppMessageGeneric;
    delete derived.components.schemas.tppMessageCodeGeneric;
    expect(derived).toEqual(original);
  });
});

describe("conformance check", () => {
  const conformance = new Conformance();
  it("accepts a conforming response", () => {
    expect(conformance.check(response(200, { consentStatus: "valid" }))).toEqual([]);
  });
  it("holds a payment's information to the body of its payment service", () => {
    const single = { debtorAccount: { iban: "DE80760700240271232400" }, instructedAmount: { currency: "EUR", amount: "1.00" }, creditorAccount: { iban: "DE89370400440532013000" }, creditorName: "Hans", transactionStatus: "ACSC" };
    const information = (service: string, body: unknown) => ({ ...response(200, body), path: `/v1/${service}/sepa-credit-transfers/${UUID}` });
    expect(conformance.check(information("payments", single))).toEqual([]);
    expect(conformance.check(information("periodic-payments", single)).join()).toMatch(/startDate/);
    expect(conformance.check(information("periodic-payments", { ...single, startDate: "2030-01-01", frequency: "Monthly" }))).toEqual([]);
    expect(conformance.check(information("bulk-payments", single)).join()).toMatch(/payments/);
  });
  it("catches a wrong enum value, a missing header, an undeclared status and a stray body", () => {
    expect(conformance.check(response(200, { consentStatus: "VALID" })).join()).toMatch(/body/);
    expect(conformance.check(response(200, { consentStatus: "valid" }, { "content-type": "application/json" })).join()).toMatch(/X-Request-ID/);
    expect(conformance.check(response(418, { consentStatus: "valid" })).join()).toMatch(/not declared/);
    expect(conformance.check(response(503, { tppMessages: [] })).join()).toMatch(/declares no body/);
    expect(conformance.check(response(400, { tppMessages: [{ category: "ERROR" }] })).join()).toMatch(/code/);
  });
});
