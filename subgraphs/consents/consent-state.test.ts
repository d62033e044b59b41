import { describe, expect, it } from "vitest";
import { HubError } from "../shared/errors.js";
import { assertConsentMove, awaitsAuthorisation, canMoveConsent, isFinalConsentStatus, statusAfterAuthorisation } from "./consent-state.js";
import { ConsentStatus as S, ScaStatus } from "./entities/consent-enums.js";

describe("consent status machine", () => {
  it("lets a received consent be authorised, rejected or withdrawn by the TPP", () => {
    expect(canMoveConsent(S.RECEIVED, S.VALID)).toBe(true);
    expect(canMoveConsent(S.RECEIVED, S.PARTIALLY_AUTHORISED)).toBe(true);
    expect(canMoveConsent(S.RECEIVED, S.REJECTED)).toBe(true);
    expect(canMoveConsent(S.RECEIVED, S.TERMINATED_BY_TPP)).toBe(true);
    expect(canMoveConsent(S.PARTIALLY_AUTHORISED, S.VALID)).toBe(true);
  });

  it("ends a valid consent by expiry, PSU revocation or TPP termination", () => {
    expect(canMoveConsent(S.VALID, S.EXPIRED)).toBe(true);
    expect(canMoveConsent(S.VALID, S.REVOKED_BY_PSU)).toBe(true);
    expect(canMoveConsent(S.VALID, S.TERMINATED_BY_TPP)).toBe(true);
  });

  it("refuses skips, moves back and moves out of final statuses", () => {
    expect(canMoveConsent(S.RECEIVED, S.EXPIRED)).toBe(false);
    expect(canMoveConsent(S.RECEIVED, S.REVOKED_BY_PSU)).toBe(false);
    expect(canMoveConsent(S.VALID, S.RECEIVED)).toBe(false);
    expect(canMoveConsent(S.VALID, S.VALID)).toBe(false);
    for (const final of [S.REJECTED, S.REVOKED_BY_PSU, S.EXPIRED, S.TERMINATED_BY_TPP]) {
      expect(isFinalConsentStatus(final)).toBe(true);
      expect(awaitsAuthorisation(final)).toBe(false);
      for (const to of Object.values(S)) expect(canMoveConsent(final, to)).toBe(false);
    }
  });

  it("names the move in SCREAMING_SNAKE in the error", () => {
    try {
      assertConsentMove(S.REVOKED_BY_PSU, S.VALID);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(HubError);
      expect((error as HubError).code).toBe("ILLEGAL_STATE_TRANSITION");
      expect((error as HubError).extensions).toMatchObject({ from: "REVOKED_BY_PSU", to: "VALID" });
    }
  });

  it("derives the consent status from an authorisation's outcome", () => {
    expect(statusAfterAuthorisation(S.RECEIVED, ScaStatus.FINALISED, 1, 1)).toBe(S.VALID);
    expect(statusAfterAuthorisation(S.RECEIVED, ScaStatus.EXEMPTED, 1, 1)).toBe(S.VALID);
    expect(statusAfterAuthorisation(S.RECEIVED, ScaStatus.FINALISED, 1, 2)).toBe(S.PARTIALLY_AUTHORISED);
    expect(statusAfterAuthorisation(S.PARTIALLY_AUTHORISED, ScaStatus.FINALISED, 2, 2)).toBe(S.VALID);
    expect(statusAfterAuthorisation(S.PARTIALLY_AUTHORISED, ScaStatus.FAILED, 1, 2)).toBe(S.REJECTED);
    expect(statusAfterAuthorisation(S.RECEIVED, ScaStatus.PSU_AUTHENTICATED, 0, 1)).toBe(S.RECEIVED);
  });
});
