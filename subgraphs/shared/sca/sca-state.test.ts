import { describe, expect, it } from "vitest";
import { HubError } from "../errors.js";
import { assertScaMove, canMoveSca, isAuthorised, isFinalSca } from "./sca-state.js";
import { ScaStatus as A } from "./sca-status.js";

describe("authorisation SCA machine", () => {
  it("follows the embedded flow step by step", () => {
    const steps = [A.RECEIVED, A.PSU_IDENTIFIED, A.PSU_AUTHENTICATED, A.SCA_METHOD_SELECTED, A.FINALISED];
    for (let i = 1; i < steps.length; i++) expect(canMoveSca(steps[i - 1]!, steps[i]!)).toBe(true);
  });

  it("allows the redirect and decoupled shortcuts and an authorisation confirmation", () => {
    expect(canMoveSca(A.RECEIVED, A.STARTED)).toBe(true);
    expect(canMoveSca(A.PSU_AUTHENTICATED, A.STARTED)).toBe(true);
    expect(canMoveSca(A.STARTED, A.FINALISED)).toBe(true);
    expect(canMoveSca(A.STARTED, A.UNCONFIRMED)).toBe(true);
    expect(canMoveSca(A.UNCONFIRMED, A.FINALISED)).toBe(true);
    expect(canMoveSca(A.PSU_IDENTIFIED, A.EXEMPTED)).toBe(true);
  });

  it("lets any unfinished authorisation fail, and nothing leave a final status", () => {
    for (const from of [A.RECEIVED, A.PSU_IDENTIFIED, A.PSU_AUTHENTICATED, A.SCA_METHOD_SELECTED, A.STARTED, A.UNCONFIRMED]) {
      expect(canMoveSca(from, A.FAILED)).toBe(true);
      expect(isFinalSca(from)).toBe(false);
    }
    for (const final of [A.FINALISED, A.FAILED, A.EXEMPTED]) {
      expect(isFinalSca(final)).toBe(true);
      for (const to of Object.values(A)) expect(canMoveSca(final, to)).toBe(false);
    }
  });

  it("refuses to finalise without SCA and to go back", () => {
    expect(canMoveSca(A.RECEIVED, A.FINALISED)).toBe(false);
    expect(canMoveSca(A.PSU_AUTHENTICATED, A.FINALISED)).toBe(false);
    expect(canMoveSca(A.SCA_METHOD_SELECTED, A.PSU_IDENTIFIED)).toBe(false);
    expect(() => assertScaMove(A.FINALISED, A.STARTED)).toThrow(HubError);
    expect(() => assertScaMove(A.PSU_AUTHENTICATED, A.FINALISED)).toThrow(/PSU_AUTHENTICATED cannot move to FINALISED/);
  });

  it("counts finalised and exempted authorisations as given", () => {
    expect(isAuthorised(A.FINALISED)).toBe(true);
    expect(isAuthorised(A.EXEMPTED)).toBe(true);
    expect(isAuthorised(A.FAILED)).toBe(false);
    expect(isAuthorised(A.STARTED)).toBe(false);
  });
});
