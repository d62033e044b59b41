/** The facade's error catalogue against the Berlin Group code lists (IG 1.3.x, per HTTP status; see specs/berlin-group-summary.md §5). */
import { describe, expect, it } from "vitest";
import { TPP_MESSAGE_STATUS } from "./errors.js";
import { BY_CODE, toBerlinGroupError } from "./graphql-errors.js";
import { BerlinGroupError } from "./errors.js";

const ALLOWED: Record<number, string[]> = {
  400: ["FORMAT_ERROR", "PARAMETER_NOT_CONSISTENT", "PARAMETER_NOT_SUPPORTED", "SERVICE_INVALID", "RESOURCE_UNKNOWN", "RESOURCE_EXPIRED", "RESOURCE_BLOCKED", "TIMESTAMP_INVALID", "PERIOD_INVALID", "SCA_METHOD_UNKNOWN", "SCA_INVALID", "CONSENT_UNKNOWN", "SESSIONS_NOT_SUPPORTED", "PAYMENT_FAILED", "EXECUTION_DATE_INVALID", "CARD_INVALID", "NO_PIIS_ACTIVATION"],
  401: ["CERTIFICATE_INVALID", "ROLE_INVALID", "CERTIFICATE_EXPIRED", "CERTIFICATE_BLOCKED", "CERTIFICATE_REVOKED", "CERTIFICATE_MISSING", "SIGNATURE_INVALID", "SIGNATURE_MISSING", "CORPORATE_ID_INVALID", "PSU_CREDENTIALS_INVALID", "CONSENT_INVALID", "CONSENT_EXPIRED", "TOKEN_UNKNOWN", "TOKEN_INVALID", "TOKEN_EXPIRED"],
  403: ["CONSENT_UNKNOWN", "SERVICE_BLOCKED", "RESOURCE_UNKNOWN", "RESOURCE_EXPIRED", "PRODUCT_INVALID"],
  404: ["RESOURCE_UNKNOWN", "PRODUCT_UNKNOWN"],
  405: ["SERVICE_INVALID", "CANCELLATION_INVALID"],
  406: ["REQUESTED_FORMATS_INVALID"],
  409: ["STATUS_INVALID"],
  429: ["ACCESS_EXCEEDED"],
};

describe("Berlin Group error catalogue", () => {
  it("answers every code with a status the code lists allow", () => {
    for (const [code, status] of Object.entries(TPP_MESSAGE_STATUS)) expect(ALLOWED[status], `${code} ${status}`).toContain(code);
  });

  it("translates every graph code it knows into a catalogue code, and an unknown one into a bodiless 500", () => {
    for (const [graphCode, code] of Object.entries(BY_CODE)) {
      const error = toBerlinGroupError({ message: "m", extensions: { code: graphCode } }, "RESOURCE_UNKNOWN");
      expect(error, graphCode).toBeInstanceOf(BerlinGroupError);
      expect((error as BerlinGroupError).code).toBe(code);
    }
    expect(toBerlinGroupError({ message: "m", extensions: { code: "SOMETHING_NEW" } }, "RESOURCE_UNKNOWN")).toMatchObject({ status: 500 });
    expect(toBerlinGroupError({ message: "m", extensions: { code: "CORE_UNAVAILABLE" } }, "RESOURCE_UNKNOWN")).toMatchObject({ status: 503 });
    expect(toBerlinGroupError({ message: "m", extensions: { code: "CONSENT_NOT_FOUND" } }, "CONSENT_UNKNOWN")).toMatchObject({ code: "CONSENT_UNKNOWN", status: 403 });
  });

  it("keeps texts within the spec's 500 characters", () => {
    expect(new BerlinGroupError("FORMAT_ERROR", "x".repeat(900)).toBody().tppMessages[0]!.text).toHaveLength(500);
  });
});
