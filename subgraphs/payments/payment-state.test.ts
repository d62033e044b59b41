import { describe, expect, it } from "vitest";
import { PaymentStatus as S } from "./entities/payment-enums.js";
import { assertMove, awaitsCore, bulkStatusOf, cancelCheck, canMove, isFinal } from "./payment-state.js";

describe("payment status machine", () => {
  it("moves a received payment to any outcome the core reports", () => {
    for (const to of [S.PDNG, S.ACTC, S.ACSP, S.ACSC, S.RJCT, S.CANC]) expect(canMove(S.RCVD, to)).toBe(true);
    expect(canMove(S.ACSP, S.ACSC)).toBe(true);
    expect(canMove(S.PDNG, S.ACSC)).toBe(true);
  });

  it("keeps final statuses final and never goes back to RCVD", () => {
    for (const final of [S.ACSC, S.RJCT, S.CANC, S.PART]) {
      expect(isFinal(final)).toBe(true);
      for (const to of Object.values(S)) expect(canMove(final, to)).toBe(false);
    }
    for (const from of Object.values(S)) expect(canMove(from, S.RCVD)).toBe(false);
    expect(() => assertMove(S.ACSC, S.CANC)).toThrow(/ACSC cannot move to CANC/);
    expect(isFinal(S.ACSP)).toBe(false);
  });

  it("asks the core again only while its outcome is unknown", () => {
    expect(awaitsCore(S.RCVD)).toBe(true);
    expect(awaitsCore(S.PDNG)).toBe(true);
    expect(awaitsCore(S.ACSP)).toBe(false);
    expect(awaitsCore(S.ACSC)).toBe(false);
  });

  it("lets a TPP cancel before execution only", () => {
    expect(cancelCheck(S.RCVD, null, "2026-11-22")).toEqual({ ok: true });
    expect(cancelCheck(S.ACTC, null, "2026-11-22")).toEqual({ ok: true });
    expect(cancelCheck(S.ACSP, "2026-11-23", "2026-11-22")).toEqual({ ok: true });
    expect(cancelCheck(S.ACSP, "2026-11-22", "2026-11-22")).toMatchObject({ ok: false, code: "CANCELLATION_NOT_ALLOWED" });
    expect(cancelCheck(S.ACSP, null, "2026-11-22")).toMatchObject({ ok: false, code: "CANCELLATION_NOT_ALLOWED" });
    expect(cancelCheck(S.ACCP, null, "2026-11-22")).toMatchObject({ ok: false, code: "CANCELLATION_NOT_ALLOWED" });
    expect(cancelCheck(S.ACSC, null, "2026-11-22")).toMatchObject({ ok: false, code: "ILLEGAL_STATE_TRANSITION" });
    expect(cancelCheck(S.CANC, "2026-12-01", "2026-11-22")).toMatchObject({ ok: false, code: "ILLEGAL_STATE_TRANSITION" });
  });
});

describe("bulk status", () => {
  it("is PDNG while the bank has not answered for an entry, and PART when some were rejected", () => {
    const P = S;
    expect(bulkStatusOf([P.ACSC, P.RCVD])).toBe(P.PDNG);
    expect(bulkStatusOf([P.ACSC, P.ACSC])).toBe(P.ACSC);
    expect(bulkStatusOf([P.RJCT, P.RJCT])).toBe(P.RJCT);
    expect(bulkStatusOf([P.ACSC, P.RJCT])).toBe(P.PART);
    expect(bulkStatusOf([P.ACSC, P.ACSP])).toBe(P.ACSP);
  });
});
