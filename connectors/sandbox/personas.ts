/**
 * @module The Berlin Group sandbox personas, with the same logins, password, SCA code and IBANs
 * that TPP test scripts expect. Other parts of the hub (consent and payment seeds, tests) import
 * this table instead of repeating IBANs.
 */
import type { ScaMethod } from "../contract.js";
import { sandboxId } from "../../subgraphs/shared/ids.js";
import { normalizeIban } from "./iban.js";

const SMS_OTP: ScaMethod = { authenticationType: "SMS_OTP", authenticationMethodId: "sms", name: "SMS to the registered mobile number" };
const PUSH_OTP: ScaMethod = { authenticationType: "PUSH_OTP", authenticationMethodId: "push", name: "Push message to the banking app" };

/**
 * SCA methods on file: most customers have one (selected without asking), max.musterman has two
 * (the TPP must let the PSU choose), marion.mueller has none (SCA exempted).
 */
export const SANDBOX_SCA_METHODS: { default: ScaMethod[]; byLogin: Record<string, ScaMethod[]> } = {
  default: [SMS_OTP],
  byLogin: { "max.musterman": [SMS_OTP, PUSH_OTP], "marion.mueller": [] },
};

/** Every sandbox customer logs in with this password… */
export const SANDBOX_PASSWORD = "12345";
/** …and confirms with this SCA one-time code. */
export const SANDBOX_SCA_CODE = "123456";

export interface SandboxPersonaAccount {
  bankId: string;
  iban: string;
  currency: string;
  name: string;
  product: string;
  /** ISO 20022 cash account type: CACC current, SVGS savings. */
  cashAccountType: "CACC" | "SVGS";
  creditLimitMinor: bigint;
}

export interface SandboxPersona {
  login: string;
  name: string;
  accounts: readonly SandboxPersonaAccount[];
}

export const SANDBOX_PERSONAS: readonly SandboxPersona[] = [
  {
    login: "max.musterman",
    name: "Max Mustermann",
    accounts: [
      { bankId: "musterbank", iban: "DE80760700240271232400", currency: "EUR", name: "Girokonto", product: "Girokonto", cashAccountType: "CACC", creditLimitMinor: 100_000n },
      { bankId: "musterbank", iban: "DE38760700240320465700", currency: "EUR", name: "Tagesgeld", product: "Tagesgeldkonto", cashAccountType: "SVGS", creditLimitMinor: 0n },
      { bankId: "musterbank", iban: "DE53760700240271232401", currency: "USD", name: "US-Dollar-Konto", product: "Fremdwährungskonto", cashAccountType: "CACC", creditLimitMinor: 0n },
      { bankId: "beispielbank", iban: "DE15500105172295759744", currency: "EUR", name: "Girokonto", product: "Girokonto Plus", cashAccountType: "CACC", creditLimitMinor: 0n },
    ],
  },
  {
    login: "anton.brueckner",
    name: "Anton Brückner",
    accounts: [
      { bankId: "musterbank", iban: "DE69760700240340283600", currency: "EUR", name: "Girokonto", product: "Girokonto", cashAccountType: "CACC", creditLimitMinor: 50_000n },
    ],
  },
  {
    login: "marion.mueller",
    name: "Marion Müller",
    accounts: [
      { bankId: "beispielbank", iban: "DE03500105172351985719", currency: "EUR", name: "Girokonto", product: "Girokonto Plus", cashAccountType: "CACC", creditLimitMinor: 0n },
    ],
  },
];

/** The sandbox account `ref` (a UUID v5) of an IBAN: the same on every machine. */
export function sandboxAccountRef(iban: string): string {
  return sandboxId("sandbox-account", normalizeIban(iban));
}

/** The personas that bank at `bankId`, each with only its accounts there. */
export function personasOfBank(bankId: string): SandboxPersona[] {
  return SANDBOX_PERSONAS.map((p) => ({ ...p, accounts: p.accounts.filter((a) => a.bankId === bankId) })).filter((p) => p.accounts.length > 0);
}
