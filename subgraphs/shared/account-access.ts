/**
 * @module Who may read which account data. A TPP reads an account, its balances or its transactions
 * only under a valid, unexpired AIS consent of its own that covers that account and that kind of data,
 * within the consent's daily access budget when the PSU is not present. A PSU reads only their own
 * accounts. Operators and the hub itself read everything. The accounts subgraph applies it to every
 * read; the payments subgraph to an account's standing orders (transactions of kind `information`),
 * and webhook delivery to the ledger's events, so each sees exactly what a query would.
 */
import type { Caller, ConsentGrant } from "./context.js";
import { HubError } from "./errors.js";

/** What the rule needs to know of an account: its IBAN and the PSUs who hold it. */
export interface HeldAccount {
  iban: string;
  psuIds: string[];
}

export type DataKind = "account" | "balances" | "transactions";

const refuse = (code: string, reason: string, httpStatus = 403) => new HubError(code, reason, { httpStatus, details: { reason } });

function covers(consent: ConsentGrant, iban: string, kind: DataKind): boolean {
  if (consent.all === "allPsd2") return true;
  if (consent.all === "accountsWithBalances") return kind !== "transactions";
  if (consent.all === "accounts") return kind === "account";
  if (kind === "balances") return consent.balances.includes(iban);
  if (kind === "transactions") return consent.transactions.includes(iban);
  return consent.accounts.includes(iban) || consent.balances.includes(iban) || consent.transactions.includes(iban);
}

const PURPOSE = { AIS: "account information", PIIS: "confirmation of funds" } as const;

/** The reason a TPP's consent cannot be used at all today for `type`'s purpose (AIS by default), or null when it can. */
export function consentProblem(caller: Caller, today: string, type: keyof typeof PURPOSE = "AIS"): HubError | null {
  const consent = caller.consent;
  if (!consent) return refuse("CONSENT_REQUIRED", `${type === "AIS" ? "Account data" : "Confirmation of funds"} needs the PSU's ${type} consent: send its id in the Consent-ID header.`, type === "AIS" ? 403 : 401);
  if (consent.tppId !== caller.tppId) return refuse("CONSENT_INVALID", "The consent was given to another TPP.", 401);
  if (consent.type !== type) return refuse("CONSENT_INVALID", `A ${consent.type} consent does not grant ${PURPOSE[type]}.`, 401);
  if (consent.status === "expired" || (consent.status === "valid" && consent.validUntil < today)) {
    return refuse("CONSENT_EXPIRED", `The consent expired (valid until ${consent.validUntil}).`, 401);
  }
  if (consent.status !== "valid") return refuse("CONSENT_INVALID", `The consent is ${consent.status}, not valid.`, 401);
  return null;
}

/** Why `caller` may not read `kind` of `account`, or null when it may. */
export function accessProblem(caller: Caller, account: HeldAccount, kind: DataKind, today: string): HubError | null {
  if (caller.kind === "anonymous") return refuse("UNAUTHENTICATED", "Account data needs an access token.", 401);
  if (caller.kind === "psu") {
    return account.psuIds.includes(caller.psuId!) ? null : refuse("FORBIDDEN", "A PSU reads only their own accounts.");
  }
  if (caller.kind !== "tpp") return null;
  if (!caller.scopes.includes("accounts")) return refuse("FORBIDDEN", "Reading account data needs the AISP role (token scope accounts).");
  const problem = consentProblem(caller, today);
  if (problem) return problem;
  const consent = caller.consent!;
  if (!consent.psuId || !account.psuIds.includes(consent.psuId) || !covers(consent, account.iban, kind)) {
    return refuse("CONSENT_INVALID", `The consent does not cover ${kind === "account" ? "the account" : kind} of ${account.iban}.`);
  }
  return null;
}

/** Accesses without the PSU present count against the consent's frequencyPerDay. */
export function countsAgainstBudget(caller: Caller): boolean {
  return caller.kind === "tpp" && !caller.psuPresent && caller.consent !== undefined;
}

export function budgetExceeded(consent: ConsentGrant, iban: string): HubError {
  return refuse("ACCESS_EXCEEDED", `The consent's ${consent.frequencyPerDay} accesses per day to ${iban} without the PSU are used up.`, 429);
}
