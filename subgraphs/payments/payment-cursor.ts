/** @module Cursors of payment lists, newest first: [createdAt ISO, id]. */
import { validate } from "uuid";
import { decodeCursor } from "../shared/connection.js";
import { HubError } from "../shared/errors.js";
import type { Payment } from "./entities/index.js";

export const paymentCursor = (p: Payment): [string, string] => [p.createdAt.toISOString(), p.id];

export function decodePaymentCursor(cursor: string | undefined | null): [string, string] | undefined {
  const parts = decodeCursor(cursor, 2);
  if (!parts) return undefined;
  const [at, id] = parts;
  if (typeof at !== "string" || Number.isNaN(Date.parse(at)) || typeof id !== "string" || !validate(id)) {
    throw new HubError("INVALID_CURSOR", `Cursor "${cursor}" is not one this API returned.`, { details: { cursor } });
  }
  return [at, id];
}
