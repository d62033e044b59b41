import { describe, expect, it } from "vitest";
import { TppStatus } from "./entities/tpp.entity.js";
import { assertMove, canMove } from "./tpp-state.js";

describe("TPP vetting state machine", () => {
  it("lets an operator activate, suspend, reinstate and revoke", () => {
    expect(canMove(TppStatus.PENDING, TppStatus.ACTIVE)).toBe(true);
    expect(canMove(TppStatus.ACTIVE, TppStatus.SUSPENDED)).toBe(true);
    expect(canMove(TppStatus.SUSPENDED, TppStatus.ACTIVE)).toBe(true);
    expect(canMove(TppStatus.SUSPENDED, TppStatus.REVOKED)).toBe(true);
  });

  it("refuses moves out of revoked and skips of vetting", () => {
    expect(canMove(TppStatus.REVOKED, TppStatus.ACTIVE)).toBe(false);
    expect(canMove(TppStatus.PENDING, TppStatus.SUSPENDED)).toBe(false);
    expect(() => assertMove(TppStatus.REVOKED, TppStatus.ACTIVE)).toThrow(/REVOKED cannot move to ACTIVE/);
  });
});
