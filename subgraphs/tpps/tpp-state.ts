/** @module The TPP vetting state machine: which status may follow which. */
import { commonErrors } from "../shared/errors.js";
import { TppStatus } from "./entities/tpp.entity.js";

const NEXT: Record<TppStatus, readonly TppStatus[]> = {
  [TppStatus.PENDING]: [TppStatus.ACTIVE, TppStatus.REVOKED],
  [TppStatus.ACTIVE]: [TppStatus.SUSPENDED, TppStatus.REVOKED],
  [TppStatus.SUSPENDED]: [TppStatus.ACTIVE, TppStatus.REVOKED],
  [TppStatus.REVOKED]: [],
};

export function canMove(from: TppStatus, to: TppStatus): boolean {
  return NEXT[from].includes(to);
}

export function assertMove(from: TppStatus, to: TppStatus): void {
  if (!canMove(from, to)) throw commonErrors.illegalTransition("TPP", from.toUpperCase(), to.toUpperCase());
}
