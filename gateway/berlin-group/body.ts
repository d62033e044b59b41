/** @module Reading a JSON request body field by field; a field of the wrong shape is FORMAT_ERROR with its path. */
import { formatError } from "./errors.js";

export type Json = Record<string, unknown>;

export function object(value: unknown, path: string): Json {
  if (!value || typeof value !== "object" || Array.isArray(value)) throw formatError(`${path} must be a JSON object.`, path);
  return value as Json;
}

export function optionalString(body: Json, name: string, path = name, max = 500): string | undefined {
  const value = body[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "string" || value.length > max) throw formatError(`${path} must be a string of at most ${max} characters.`, path);
  return value;
}

export function string(body: Json, name: string, path = name, max = 500): string {
  const value = optionalString(body, name, path, max);
  if (value === undefined || value === "") throw formatError(`${path} is required.`, path);
  return value;
}

/** A boolean; the strings "true" and "false" are read as such too (as Jackson-based ASPSPs do, and TPP tools rely on). */
export function boolean(body: Json, name: string, path = name): boolean {
  const value = body[name];
  if (value === "true" || value === "false") return value === "true";
  if (typeof value !== "boolean") throw formatError(`${path} must be true or false.`, path);
  return value;
}

/** A whole number; a string of digits is read as one too. */
export function integer(body: Json, name: string, path = name): number {
  const value = typeof body[name] === "string" && /^\d{1,9}$/.test(body[name] as string) ? Number(body[name]) : body[name];
  if (typeof value !== "number" || !Number.isInteger(value)) throw formatError(`${path} must be a whole number.`, path);
  return value;
}

export function date(body: Json, name: string, path = name): string {
  const value = string(body, name, path, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) throw formatError(`${path} must be a date YYYY-MM-DD.`, path);
  return value;
}

export function array(body: Json, name: string, path = name): unknown[] | undefined {
  const value = body[name];
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || value.length > 100) throw formatError(`${path} must be a list of at most 100 entries.`, path);
  return value;
}

/** An accountReference: this hub addresses accounts by IBAN (bban, pan, maskedPan, msisdn are not supported). */
export function accountReference(value: unknown, path: string): { iban: string; currency?: string } {
  const ref = object(value, path);
  if (typeof ref.iban !== "string") throw formatError(`${path}.iban is required: this ASPSP addresses accounts by IBAN.`, `${path}.iban`);
  const currency = optionalString(ref, "currency", `${path}.currency`, 3);
  if (currency !== undefined && !/^[A-Z]{3}$/.test(currency)) throw formatError(`${path}.currency must be an ISO 4217 code.`, `${path}.currency`);
  return { iban: ref.iban, ...(currency ? { currency } : {}) };
}
