/** @module Error codes of the accounts subgraph. */
import { electronicFormatIBAN, isValidIBAN } from "ibantools";
import { HubError } from "../shared/errors.js";

export const accountErrors = {
  invalidIban: (iban: string) =>
    new HubError("INVALID_IBAN", `"${iban}" is not a valid IBAN (check the country code, length and check digits).`, { details: { iban } }),
  invalidDate: (name: string, value: string) =>
    new HubError("INVALID_DATE", `${name} "${value}" is not a calendar date in the form YYYY-MM-DD.`, { details: { [name]: value } }),
  dateRange: (from: string, to: string) =>
    new HubError("INVALID_DATE_RANGE", `dateFrom ${from} is after dateTo ${to}.`, { details: { dateFrom: from, dateTo: to } }),
};

/** Normalises an IBAN ("de89 3704…" → "DE893704…") or throws INVALID_IBAN. */
export function normalizeIban(iban: string): string {
  const electronic = electronicFormatIBAN(iban) ?? "";
  if (!isValidIBAN(electronic)) throw accountErrors.invalidIban(iban);
  return electronic;
}

export function assertDate(name: string, value: string | undefined): string | undefined {
  if (value === undefined || value === null) return undefined;
  const date = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00Z`) : undefined;
  if (!date || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) throw accountErrors.invalidDate(name, value);
  return value;
}
