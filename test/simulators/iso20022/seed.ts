/**
 * @module The customers of the simulated ISO 20022 core ("Isarbank", fictional bank code 99920000): the
 * sandbox persona logins with accounts and IBANs of their own here, a joint account, a blocked one, a
 * business and a USD account, and a few weeks of deterministic history relative to "today".
 */
import { composeIBAN } from "ibantools";

export const ISARBANK = { bankCode: "99920000", bic: "ISRBDEM1XXX", name: "Isarbank AG" } as const;

export function isarbankIban(accountNumber: string): string {
  const iban = composeIBAN({ countryCode: "DE", bban: `${ISARBANK.bankCode}${accountNumber.padStart(10, "0")}` });
  if (!iban) throw new Error(`Cannot build an IBAN from account number ${accountNumber}.`);
  return iban;
}

export interface SeedAccount {
  iban: string;
  currency: string;
  name: string;
  product: string;
  cashAccountType: "CACC" | "SVGS";
  status: "enabled" | "blocked" | "deleted";
  ownerName: string;
  psuIds: string[];
  creditLimitMinor: bigint;
}

const account = (number: string, fields: Omit<SeedAccount, "iban">): SeedAccount => ({ iban: isarbankIban(number), ...fields });

export const SEED_ACCOUNTS: readonly SeedAccount[] = [
  account("1000100001", { currency: "EUR", name: "Girokonto", product: "Isar Giro", cashAccountType: "CACC", status: "enabled", ownerName: "Max Mustermann", psuIds: ["max.musterman"], creditLimitMinor: 50_000n }),
  account("1000100002", { currency: "EUR", name: "Tagesgeld", product: "Isar Tagesgeld", cashAccountType: "SVGS", status: "enabled", ownerName: "Max Mustermann", psuIds: ["max.musterman"], creditLimitMinor: 0n }),
  account("1000200001", { currency: "EUR", name: "Girokonto", product: "Isar Giro", cashAccountType: "CACC", status: "enabled", ownerName: "Marion Müller", psuIds: ["marion.mueller"], creditLimitMinor: 0n }),
  account("1000200002", { currency: "EUR", name: "Sparbuch", product: "Isar Sparen", cashAccountType: "SVGS", status: "enabled", ownerName: "Marion Müller", psuIds: ["marion.mueller"], creditLimitMinor: 0n }),
  account("1000300001", { currency: "EUR", name: "Gemeinschaftskonto", product: "Isar Giro", cashAccountType: "CACC", status: "enabled", ownerName: "Max Mustermann und Marion Müller", psuIds: ["max.musterman", "marion.mueller"], creditLimitMinor: 0n }),
  account("1000400001", { currency: "EUR", name: "Girokonto", product: "Isar Giro", cashAccountType: "CACC", status: "enabled", ownerName: "Anton Brückner", psuIds: ["anton.brueckner"], creditLimitMinor: 20_000n }),
  account("1000400002", { currency: "EUR", name: "Altes Konto", product: "Isar Giro", cashAccountType: "CACC", status: "blocked", ownerName: "Anton Brückner", psuIds: ["anton.brueckner"], creditLimitMinor: 0n }),
  account("1000500001", { currency: "USD", name: "US-Dollar-Konto", product: "Isar Währung", cashAccountType: "CACC", status: "enabled", ownerName: "Erika Mustermann", psuIds: ["erika.mustermann"], creditLimitMinor: 0n }),
  account("1000600001", { currency: "EUR", name: "Geschäftskonto", product: "Isar Business", cashAccountType: "CACC", status: "enabled", ownerName: "Bäckerei Huber GmbH", psuIds: ["baeckerei.huber"], creditLimitMinor: 1_000_000n }),
];

/** A counterparty outside the bank. */
export interface Counterparty {
  name: string;
  iban: string;
}

export const OUTSIDE: Record<string, Counterparty> = {
  employer: { name: "Muster Maschinenbau GmbH", iban: "DE89370400440532013000" },
  landlord: { name: "Hausverwaltung Schmidt", iban: "DE02120300000000202051" },
  grocer: { name: "Supermarkt Sonnenschein", iban: "DE02500105170137075030" },
  utility: { name: "Stadtwerke Isartal", iban: "DE02100100100006820101" },
  insurer: { name: "Versicherung Alpenland AG", iban: "DE02300209000106531065" },
};

/** One seeded movement: +credit / -debit in minor units, `days` relative to today (future → pending). */
export interface SeedMovement {
  iban: string;
  days: number;
  amountMinor: bigint;
  counterparty: Counterparty;
  remittance: string;
  code: string;
}

function history(iban: string, scale: bigint): SeedMovement[] {
  const m = (days: number, amountMinor: bigint, counterparty: Counterparty, remittance: string, code: string): SeedMovement => ({
    iban, days, amountMinor: amountMinor * scale, counterparty, remittance, code,
  });
  return [
    m(-58, 320_000n, OUTSIDE.employer!, "Gehalt", "PMNT-RCDT-SALA"),
    m(-55, -95_000n, OUTSIDE.landlord!, "Miete", "PMNT-ICDT-STDO"),
    m(-50, -6_234n, OUTSIDE.grocer!, "Einkauf", "PMNT-CCRD-POSD"),
    m(-41, -11_900n, OUTSIDE.utility!, "Abschlag Strom", "PMNT-RDDT-ESDD"),
    m(-28, 320_000n, OUTSIDE.employer!, "Gehalt", "PMNT-RCDT-SALA"),
    m(-25, -95_000n, OUTSIDE.landlord!, "Miete", "PMNT-ICDT-STDO"),
    m(-20, -4_599n, OUTSIDE.grocer!, "Einkauf", "PMNT-CCRD-POSD"),
    m(-14, -2_350n, OUTSIDE.insurer!, "Beitrag Hausrat", "PMNT-RDDT-ESDD"),
    m(-9, -7_125n, OUTSIDE.grocer!, "Einkauf", "PMNT-CCRD-POSD"),
    m(-4, -11_900n, OUTSIDE.utility!, "Abschlag Strom", "PMNT-RDDT-ESDD"),
    m(-2, -3_310n, OUTSIDE.grocer!, "Einkauf & Getränke <Sonderangebot>", "PMNT-CCRD-POSD"),
    m(0, -1_999n, OUTSIDE.grocer!, "Einkauf", "PMNT-CCRD-POSD"),
    m(5, -95_000n, OUTSIDE.landlord!, "Miete (Dauerauftrag)", "PMNT-ICDT-STDO"),
  ];
}

/** Max's Girokonto gets the full history; other enabled accounts a shorter, scaled one. */
export function seedMovements(): SeedMovement[] {
  const [maxGiro, ...others] = SEED_ACCOUNTS.filter((a) => a.status === "enabled");
  return [...history(maxGiro!.iban, 1n), ...others.flatMap((a, i) => history(a.iban, BigInt(i + 2)).filter((_, n) => n % 3 === 0))];
}
