/**
 * @module The ISO 8583 simulator's customers: accounts at the fictional bank code 30083583, with IBANs
 * whose check digits are computed, including the sandbox personas `max.musterman` and `anton.brueckner`.
 */
import { composeIBAN } from "ibantools";

export const SIM_BANK_CODE = "30083583";

export interface SimAccountSeed {
  number: string;
  iban: string;
  currency: string;
  name: string;
  product: string;
  cashAccountType: "CACC" | "SVGS";
  ownerName: string;
  psuIds: string[];
  balanceMinor: bigint;
  creditLimitMinor: bigint;
  /** How the switch sees it: a blocked account is declined with 62 (restricted). */
  status: "enabled" | "blocked";
}

export function simIban(number: string): string {
  const iban = composeIBAN({ countryCode: "DE", bban: `${SIM_BANK_CODE}${number}` });
  if (!iban) throw new Error(`Cannot compose an IBAN for account ${number}.`);
  return iban;
}

const seed = (account: Omit<SimAccountSeed, "iban" | "status"> & { status?: SimAccountSeed["status"] }): SimAccountSeed => ({
  status: "enabled",
  ...account,
  iban: simIban(account.number),
});

export const SIM_ACCOUNTS: readonly SimAccountSeed[] = [
  seed({ number: "0858300001", currency: "EUR", name: "Girokonto", product: "Girokonto", cashAccountType: "CACC", ownerName: "Max Mustermann", psuIds: ["max.musterman"], balanceMinor: 250_000n, creditLimitMinor: 100_000n }),
  seed({ number: "0858300002", currency: "EUR", name: "Tagesgeld", product: "Tagesgeldkonto", cashAccountType: "SVGS", ownerName: "Max Mustermann", psuIds: ["max.musterman"], balanceMinor: 1_000_000n, creditLimitMinor: 0n }),
  seed({ number: "0858300003", currency: "USD", name: "US-Dollar-Konto", product: "Fremdwährungskonto", cashAccountType: "CACC", ownerName: "Max Mustermann", psuIds: ["max.musterman"], balanceMinor: 50_000n, creditLimitMinor: 0n }),
  seed({ number: "0858300010", currency: "EUR", name: "Girokonto", product: "Girokonto", cashAccountType: "CACC", ownerName: "Anton Brückner", psuIds: ["anton.brueckner"], balanceMinor: 120_000n, creditLimitMinor: 50_000n }),
  seed({ number: "0858300020", currency: "EUR", name: "Girokonto", product: "Girokonto", cashAccountType: "CACC", ownerName: "Erika Mustermann", psuIds: ["erika.mustermann"], balanceMinor: 80_000n, creditLimitMinor: 0n, status: "blocked" }),
];

/** The `accounts` option of an ISO 8583 bank that fronts these accounts (the directory the switch cannot give). */
export function simAccountOptions(accounts: readonly SimAccountSeed[] = SIM_ACCOUNTS): Record<string, unknown>[] {
  return accounts.map(({ number, iban, currency, name, product, cashAccountType, ownerName, psuIds }) => ({ number, iban, currency, name, product, cashAccountType, ownerName, psuIds }));
}
