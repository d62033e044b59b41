/**
 * @module The listing state machine: which status may follow which, who makes the move (the vendor
 * submits, an operator curates), what the curation history calls it, and whether it needs a reason.
 */
import { HubError } from "../shared/errors.js";
import { CurationAction, ListingStatus } from "./entities/enums.js";

export type ListingActor = "vendor" | "operator";

export interface ListingMove {
  from: ListingStatus;
  to: ListingStatus;
  by: ListingActor;
  action: CurationAction;
  needsReason: boolean;
}

const { DRAFT, IN_REVIEW, PUBLISHED, DELISTED } = ListingStatus;

export const LISTING_MOVES: readonly ListingMove[] = [
  { from: DRAFT, to: IN_REVIEW, by: "vendor", action: CurationAction.SUBMITTED, needsReason: false },
  { from: IN_REVIEW, to: PUBLISHED, by: "operator", action: CurationAction.APPROVED, needsReason: false },
  { from: IN_REVIEW, to: DRAFT, by: "operator", action: CurationAction.REJECTED, needsReason: true },
  { from: PUBLISHED, to: DELISTED, by: "operator", action: CurationAction.DELISTED, needsReason: true },
  { from: DELISTED, to: IN_REVIEW, by: "operator", action: CurationAction.RESUBMITTED, needsReason: false },
];

/** The GraphQL spelling of a status (IN_REVIEW), for messages a developer reads next to the schema. */
export function statusName(status: ListingStatus): string {
  return Object.entries(ListingStatus).find(([, value]) => value === status)?.[0] ?? status;
}

export function findMove(from: ListingStatus, to: ListingStatus, by: ListingActor): ListingMove | undefined {
  return LISTING_MOVES.find((m) => m.from === from && m.to === to && m.by === by);
}

/** The move, or ILLEGAL_STATE_TRANSITION naming who could make it when the actor is the wrong one. */
export function assertMove(from: ListingStatus, to: ListingStatus, by: ListingActor): ListingMove {
  const move = findMove(from, to, by);
  if (move) return move;
  const other = LISTING_MOVES.find((m) => m.from === from && m.to === to);
  const hint = other
    ? ` by ${by === "operator" ? "curation" : "the vendor"}; ${other.by === "vendor" ? "the vendor submits it with submitSolutionForReview" : "an operator decides it with curateSolution"}`
    : `; allowed from ${statusName(from)}: ${nextStatuses(from).map(statusName).join(", ") || "none"}`;
  return rejectMove(from, to, hint);
}

export function nextStatuses(from: ListingStatus): ListingStatus[] {
  return LISTING_MOVES.filter((m) => m.from === from).map((m) => m.to);
}

/** Only drafts can be edited: a listing under review or in the catalogue is what was curated. */
export function isEditable(status: ListingStatus): boolean {
  return status === DRAFT;
}

function rejectMove(from: ListingStatus, to: ListingStatus, hint: string): never {
  throw new HubError("ILLEGAL_STATE_TRANSITION", `A solution in status ${statusName(from)} cannot move to ${statusName(to)}${hint}.`, {
    httpStatus: 409,
    details: { from: statusName(from), to: statusName(to) },
  });
}
