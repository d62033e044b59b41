/** @module Identifiers: UUID v7 for new rows (time-ordered), UUID v5 for ids derived from a key (sandbox data, account directory). */
import { v5 as uuidv5, v7 as uuidv7, validate } from "uuid";
import { HubError } from "./errors.js";

const SANDBOX_NAMESPACE = "5b0c4f3e-8d1a-4c7e-9f2b-0a6d3e1c7b90";

export function newId(): string {
  return uuidv7();
}

/** The same id on every machine for the same (kind, key): no lookup table needed to agree on it. */
export function derivedId(kind: string, key: string): string {
  return uuidv5(`${kind}:${key}`, SANDBOX_NAMESPACE);
}

/** The id of a sandbox object, so that subgraphs seed consistently without reading each other. */
export const sandboxId = derivedId;

export function assertUuid(id: string, what: string): string {
  if (!validate(id)) throw new HubError("BAD_USER_INPUT", `${what} "${id}" is not a UUID.`, { details: { id } });
  return id.toLowerCase();
}
