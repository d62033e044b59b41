import { describe, expect, it } from "vitest";
import { CurationAction, ListingStatus } from "./entities/enums.js";
import { assertMove, findMove, isEditable, nextStatuses, statusName } from "./listing-state.js";

const { DRAFT, IN_REVIEW, PUBLISHED, DELISTED } = ListingStatus;

describe("listing state machine", () => {
  it("lets the vendor submit a draft and an operator curate it", () => {
    expect(assertMove(DRAFT, IN_REVIEW, "vendor").action).toBe(CurationAction.SUBMITTED);
    expect(assertMove(IN_REVIEW, PUBLISHED, "operator").action).toBe(CurationAction.APPROVED);
    expect(assertMove(IN_REVIEW, DRAFT, "operator")).toMatchObject({ action: CurationAction.REJECTED, needsReason: true });
    expect(assertMove(PUBLISHED, DELISTED, "operator")).toMatchObject({ action: CurationAction.DELISTED, needsReason: true });
    expect(assertMove(DELISTED, IN_REVIEW, "operator")).toMatchObject({ action: CurationAction.RESUBMITTED, needsReason: false });
  });

  it("refuses skipped steps with ILLEGAL_STATE_TRANSITION and lists the allowed ones", () => {
    expect(findMove(DRAFT, PUBLISHED, "operator")).toBeUndefined();
    expect(() => assertMove(DRAFT, PUBLISHED, "operator")).toThrow(/DRAFT cannot move to PUBLISHED; allowed from DRAFT: IN_REVIEW/);
    expect(() => assertMove(DELISTED, PUBLISHED, "operator")).toThrow(/DELISTED cannot move to PUBLISHED/);
    expect(() => assertMove(PUBLISHED, PUBLISHED, "operator")).toThrow(expect.objectContaining({ code: "ILLEGAL_STATE_TRANSITION" }));
    expect(() => assertMove(PUBLISHED, IN_REVIEW, "vendor")).toThrow(/PUBLISHED cannot move to IN_REVIEW/);
  });

  it("keeps each move with its actor", () => {
    expect(() => assertMove(DRAFT, IN_REVIEW, "operator")).toThrow(/by curation; the vendor submits it with submitSolutionForReview/);
    expect(() => assertMove(IN_REVIEW, PUBLISHED, "vendor")).toThrow(/an operator decides it with curateSolution/);
  });

  it("allows editing only drafts and names statuses as GraphQL does", () => {
    expect([DRAFT, IN_REVIEW, PUBLISHED, DELISTED].filter(isEditable)).toEqual([DRAFT]);
    expect(nextStatuses(IN_REVIEW)).toEqual([PUBLISHED, DRAFT]);
    expect(statusName(IN_REVIEW)).toBe("IN_REVIEW");
  });
});
