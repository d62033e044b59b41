/** @module Checks a consent request and brings it into stored form: IBANs, currencies, access shape, dates, frequency. */
import { electronicFormatIBAN, isValidIBAN } from "ibantools";
import { commonErrors } from "../shared/errors.js";
import { assertCurrency } from "../shared/money.js";
import type { ConsentAccess, ConsentAccountReference } from "./entities/consent-access.js";
import { ConsentType } from "./entities/consent-enums.js";
import { consentErrors } from "./errors.js";
import type { ConsentAccountReferenceInput, CreateConsentInput } from "./resolvers/types/create-consent.input.js";

/** PSD2 RTS art. 10: recurring account access at most 180 days before the PSU authenticates again. */
export const MAX_RECURRING_DAYS = 180;
/** PSD2 RTS art. 36(5): at most four accesses a day without the PSU, unless agreed otherwise. */
export const MAX_FREQUENCY_PER_DAY = 4;
export const MAX_REQUIRED_AUTHORISATIONS = 5;
/** Berlin Group: a TPP asks for the longest validity the bank allows with this date. */
export const LONGEST_VALIDITY = "9999-12-31";

export type ConsentTerms = Pick<
  CreateConsentInput,
  "type" | "recurringIndicator" | "validUntil" | "frequencyPerDay" | "combinedServiceIndicator" | "requiredAuthorisations"
> & { access: ConsentAccess };

/** `today` is the bank's calendar day (YYYY-MM-DD) the request is judged on. */
export function checkConsentRequest(input: CreateConsentInput, today: string): ConsentTerms {
  const access = checkAccess(input.type, input.access, input.recurringIndicator);
  const recurringAis = input.type === ConsentType.AIS && input.recurringIndicator;
  if (!Number.isInteger(input.frequencyPerDay) || input.frequencyPerDay < 1 || input.frequencyPerDay > MAX_FREQUENCY_PER_DAY) {
    throw consentErrors.invalidFrequency(input.frequencyPerDay, `must be 1 to ${MAX_FREQUENCY_PER_DAY}.`);
  }
  if (input.type === ConsentType.AIS && !input.recurringIndicator && input.frequencyPerDay !== 1) {
    throw consentErrors.invalidFrequency(input.frequencyPerDay, "must be 1 for a one-off consent (recurringIndicator false).");
  }
  const required = input.requiredAuthorisations;
  if (!Number.isInteger(required) || required < 1 || required > MAX_REQUIRED_AUTHORISATIONS) {
    throw commonErrors.badInput(`requiredAuthorisations must be 1 to ${MAX_REQUIRED_AUTHORISATIONS}, got ${required}.`);
  }
  return {
    type: input.type,
    access,
    recurringIndicator: input.recurringIndicator,
    validUntil: checkValidUntil(input.validUntil, today, recurringAis),
    frequencyPerDay: input.frequencyPerDay,
    combinedServiceIndicator: input.combinedServiceIndicator ?? false,
    requiredAuthorisations: required,
  };
}

export function checkValidUntil(validUntil: string, today: string, recurringAis: boolean): string {
  const last = recurringAis ? addDays(today, MAX_RECURRING_DAYS) : undefined;
  if (validUntil === LONGEST_VALIDITY) return last ?? LONGEST_VALIDITY;
  if (!isCalendarDate(validUntil)) throw consentErrors.invalidValidUntil(validUntil, "is not a calendar date YYYY-MM-DD.");
  if (validUntil < today) throw consentErrors.invalidValidUntil(validUntil, `is in the past (today is ${today}).`);
  if (last && validUntil > last) {
    throw consentErrors.invalidValidUntil(validUntil, `is more than ${MAX_RECURRING_DAYS} days ahead; a recurring AIS consent lasts until ${last} at most.`);
  }
  return validUntil;
}

type AccessInput = CreateConsentInput["access"];

function checkAccess(type: ConsentType, input: AccessInput, recurring: boolean): ConsentAccess {
  const lists = {
    accounts: checkRefs(input.accounts ?? [], "access.accounts"),
    balances: checkRefs(input.balances ?? [], "access.balances"),
    transactions: checkRefs(input.transactions ?? [], "access.transactions"),
  };
  const listed = lists.accounts.length + lists.balances.length + lists.transactions.length > 0;
  const wholesale = (["availableAccounts", "availableAccountsWithBalance", "allPsd2"] as const).filter((k) => input[k] != null);
  const none = { availableAccounts: null, availableAccountsWithBalance: null, allPsd2: null, fundsConfirmation: null };

  if (type === ConsentType.PIIS) {
    if (!input.fundsConfirmation || listed || wholesale.length > 0) {
      throw consentErrors.invalidAccess("A PIIS consent names exactly one account in access.fundsConfirmation and nothing else.");
    }
    const f = input.fundsConfirmation;
    const card = (value: string | null | undefined, field: string) => {
      if (value != null && (value.trim() === "" || value.length > 140)) throw consentErrors.invalidAccess(`${field} must be 1 to 140 characters.`);
      return value ?? null;
    };
    return {
      accounts: [], balances: [], transactions: [], ...none,
      fundsConfirmation: {
        account: checkRef(f.account, "access.fundsConfirmation.account"),
        cardNumber: card(f.cardNumber, "cardNumber"),
        cardExpiryDate: card(f.cardExpiryDate, "cardExpiryDate"),
        cardInformation: card(f.cardInformation, "cardInformation"),
        registrationInformation: card(f.registrationInformation, "registrationInformation"),
      },
    };
  }
  if (input.fundsConfirmation) throw consentErrors.invalidAccess("access.fundsConfirmation belongs to PIIS consents only.");
  if (type === ConsentType.PIS) {
    if (lists.accounts.length === 0 || lists.balances.length + lists.transactions.length > 0 || wholesale.length > 0) {
      throw consentErrors.invalidAccess("A PIS consent names its debtor accounts in access.accounts and nothing else.");
    }
    return { ...lists, ...none };
  }
  if (listed && wholesale.length > 0) {
    throw consentErrors.invalidAccess(`Give either per-IBAN lists or ${wholesale.join("/")}, not both.`);
  }
  if (!listed && wholesale.length !== 1) {
    throw consentErrors.invalidAccess(
      "An AIS consent needs accounts/balances/transactions lists or exactly one of availableAccounts, availableAccountsWithBalance, allPsd2.",
    );
  }
  if (recurring && (input.availableAccounts != null || input.availableAccountsWithBalance != null)) {
    throw consentErrors.invalidAccess("A consent on the list of available accounts is one-off: set recurringIndicator to false.");
  }
  return {
    ...lists,
    ...none,
    availableAccounts: input.availableAccounts ?? null,
    availableAccountsWithBalance: input.availableAccountsWithBalance ?? null,
    allPsd2: input.allPsd2 ?? null,
  };
}

function checkRefs(refs: ConsentAccountReferenceInput[], field: string): ConsentAccountReference[] {
  const seen = new Map<string, ConsentAccountReference>();
  refs.forEach((ref, i) => {
    const checked = checkRef(ref, `${field}[${i}]`);
    seen.set(`${checked.iban}/${checked.currency ?? ""}`, checked);
  });
  return [...seen.values()];
}

function checkRef(ref: ConsentAccountReferenceInput, field: string): ConsentAccountReference {
  const iban = electronicFormatIBAN(ref.iban) ?? "";
  if (!isValidIBAN(iban)) throw consentErrors.invalidIban(ref.iban, field);
  if (ref.currency != null) assertCurrency(ref.currency);
  return { iban, currency: ref.currency ?? null };
}

export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** The UTC calendar day of an instant. */
export function dayOf(instant: Date): string {
  return instant.toISOString().slice(0, 10);
}

export function addDays(day: string, days: number): string {
  return dayOf(new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000));
}
