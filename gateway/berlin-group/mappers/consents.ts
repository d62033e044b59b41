/** @module Consents between Berlin Group JSON and the graph. */
import { accountReference, array, boolean, date, integer, object, optionalString, type Json } from "../body.js";
import { BerlinGroupError, formatError } from "../errors.js";
import type { AllAccountsScope, ConsentAccessInput, ConsentFieldsFragment } from "../operations/generated.js";
import { camelCase } from "./names.js";

export const consentPath = (id: string) => `/v1/consents/${encodeURIComponent(id)}`;
export const fundsConsentPath = (id: string) => `/v2/consents/confirmation-of-funds/${encodeURIComponent(id)}`;

const ALL_ACCOUNTS: Record<string, AllAccountsScope> = { allAccounts: "ALL_ACCOUNTS", allAccountsWithOwnerName: "ALL_ACCOUNTS_WITH_OWNER_NAME" };

function scope(access: Json, name: string): AllAccountsScope | undefined {
  const value = access[name];
  if (value === undefined) return undefined;
  const scope = typeof value === "string" ? ALL_ACCOUNTS[value] : undefined;
  if (!scope) throw formatError(`access.${name} must be allAccounts or allAccountsWithOwnerName.`, `access.${name}`);
  return scope;
}

export function toAccessInput(raw: unknown): ConsentAccessInput {
  const access = object(raw, "access");
  for (const unsupported of ["additionalInformation", "restrictedTo"]) {
    if (access[unsupported] !== undefined) throw new BerlinGroupError("PARAMETER_NOT_SUPPORTED", `access.${unsupported} is not supported by this ASPSP.`, { status: 400, path: `access.${unsupported}` });
  }
  const refs = (name: string) => (array(access, name, `access.${name}`) ?? []).map((r, i) => accountReference(r, `access.${name}[${i}]`));
  return {
    accounts: refs("accounts"),
    balances: refs("balances"),
    transactions: refs("transactions"),
    availableAccounts: scope(access, "availableAccounts"),
    availableAccountsWithBalance: scope(access, "availableAccountsWithBalance"),
    allPsd2: scope(access, "allPsd2"),
  };
}

export function consentRequestOf(raw: unknown) {
  const body = object(raw, "body");
  return {
    access: toAccessInput(body.access),
    recurringIndicator: boolean(body, "recurringIndicator"),
    validUntil: date(body, "validUntil"),
    frequencyPerDay: integer(body, "frequencyPerDay"),
    combinedServiceIndicator: body.combinedServiceIndicator === undefined ? false : boolean(body, "combinedServiceIndicator"),
  };
}

const reference = (r: { iban: string; currency: string | null }) => ({ iban: r.iban, ...(r.currency ? { currency: r.currency } : {}) });
const allAccounts = (scope: AllAccountsScope | null) => (scope === "ALL_ACCOUNTS_WITH_OWNER_NAME" ? "allAccountsWithOwnerName" : "allAccounts");

export function toConsentInformation(consent: ConsentFieldsFragment) {
  const { access } = consent;
  const lists = { accounts: access.accounts, balances: access.balances, transactions: access.transactions };
  return {
    access: {
      ...Object.fromEntries(Object.entries(lists).filter(([, list]) => list.length > 0).map(([name, list]) => [name, list.map(reference)])),
      ...(access.availableAccounts ? { availableAccounts: allAccounts(access.availableAccounts) } : {}),
      ...(access.availableAccountsWithBalance ? { availableAccountsWithBalance: allAccounts(access.availableAccountsWithBalance) } : {}),
      ...(access.allPsd2 ? { allPsd2: allAccounts(access.allPsd2) } : {}),
    },
    recurringIndicator: consent.recurringIndicator,
    validUntil: consent.validUntil,
    frequencyPerDay: consent.frequencyPerDay,
    lastActionDate: consent.lastActionDate,
    consentStatus: camelCase(consent.status),
    _links: { self: { href: consentPath(consent.id) }, status: { href: `${consentPath(consent.id)}/status` } },
  };
}

/** A confirmation-of-funds consent request (the /v2 extension): the account, and optionally the card it serves. */
export function fundsConsentRequestOf(raw: unknown) {
  const body = object(raw, "body");
  const text = (name: string, max: number) => optionalString(body, name, name, max);
  const expiry = text("cardExpiryDate", 10);
  if (expiry !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(expiry)) throw formatError("cardExpiryDate must be a date YYYY-MM-DD.", "cardExpiryDate");
  return {
    access: {
      fundsConfirmation: {
        account: accountReference(body.account, "account"),
        cardNumber: text("cardNumber", 35),
        cardExpiryDate: expiry,
        cardInformation: text("cardInformation", 140),
        registrationInformation: text("registrationInformation", 140),
      },
    },
    // A confirmation-of-funds consent is asked once and used until the PSU withdraws it.
    recurringIndicator: true,
    validUntil: "9999-12-31",
    frequencyPerDay: 4,
    combinedServiceIndicator: false,
  };
}

export function toFundsConsentInformation(consent: ConsentFieldsFragment) {
  const funds = consent.access.fundsConfirmation;
  return {
    ...(funds ? { account: reference(funds.account) } : {}),
    ...(funds?.cardNumber ? { cardNumber: funds.cardNumber } : {}),
    ...(funds?.cardExpiryDate ? { cardExpiryDate: funds.cardExpiryDate } : {}),
    ...(funds?.cardInformation ? { cardInformation: funds.cardInformation } : {}),
    ...(funds?.registrationInformation ? { registrationInformation: funds.registrationInformation } : {}),
    consentStatus: camelCase(consent.status),
  };
}
