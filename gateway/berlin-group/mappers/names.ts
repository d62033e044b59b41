/** @module Spelling between the graph (SCREAMING_SNAKE enums) and Berlin Group (camelCase codes). */

/** CLOSING_BOOKED → closingBooked, REVOKED_BY_PSU → revokedByPsu. */
export const camelCase = (screaming: string) => screaming.toLowerCase().replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase());

/** closingBooked → CLOSING_BOOKED. */
export const screamingCase = (camel: string) => camel.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toUpperCase();
