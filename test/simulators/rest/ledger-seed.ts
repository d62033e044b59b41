/**
 * @module The customers every simulated core starts with: the Berlin Group sandbox logins
 * (`max.musterman`, `anton.brueckner`) plus a few more, with IBANs of the simulator's own
 * (fictional) bank code and a history of postings dated relative to the ledger's today.
 */
import { composeIBAN } from "ibantools";
import { addDays, Ledger, type LedgerAccount } from "./ledger.js";

type Seed = Omit<LedgerAccount, "iban" | "holders"> & { holders: string[]; history: [days: number, amountMinor: number, counterparty: string, text: string][] };

const CUSTOMERS: Record<string, string> = {
  "max.musterman": "Max Mustermann",
  "anton.brueckner": "Anton Brückner",
  "erika.mustermann": "Erika Mustermann",
  "paul.blocked": "Paul Gesperrt",
};

const ACCOUNTS: Seed[] = [
  {
    id: "0271232400", currency: "EUR", name: "Girokonto", product: "Girokonto Komfort", type: "CACC", status: "enabled",
    ownerName: "Max Mustermann", holders: ["max.musterman"], creditLimit: 100_000n,
    history: [
      [-40, 320_000, "Musterfirma GmbH", "Gehalt"], [-38, -95_000, "Hausverwaltung Schmidt", "Miete"],
      [-35, -4_599, "Stadtwerke Musterstadt", "Abschlag Strom"], [-30, -2_315, "Supermarkt Nord", "Einkauf"],
      [-30, -1_299, "Streamingdienst", "Abo"], [-25, -6_000, "Tankstelle Süd", "Tanken"],
      [-21, 4_500, "Anton Brückner", "Geld zurück"], [-14, -3_450, "Buchhandlung am Markt", "Bücher"],
      [-10, 320_000, "Musterfirma GmbH", "Gehalt"], [-8, -95_000, "Hausverwaltung Schmidt", "Miete"],
      [-3, -1_875, "Bäckerei Korn", "Frühstück"], [-1, -2_999, "Online Shop", "Bestellung 4711"],
      [0, -1_250, "Kantine", "Mittagessen"], [5, -4_999, "Versicherung AG", "Beitrag"],
    ],
  },
  {
    id: "0320465700", currency: "EUR", name: "Tagesgeld", product: "Tagesgeldkonto", type: "SVGS", status: "enabled",
    ownerName: "Max Mustermann", holders: ["max.musterman"], creditLimit: 0n,
    history: [[-60, 500_000, "Max Mustermann", "Sparen"], [-2, 1_234, "Zinsen", "Zinsgutschrift"]],
  },
  {
    id: "0271232401", currency: "USD", name: "US-Dollar-Konto", product: "Fremdwährungskonto", type: "CACC", status: "enabled",
    ownerName: "Max Mustermann", holders: ["max.musterman"], creditLimit: 0n,
    history: [[-20, 150_000, "US Client Inc", "Invoice 17"], [-4, -2_500, "Cloud Hosting LLC", "Hosting"]],
  },
  {
    id: "0340283600", currency: "EUR", name: "Girokonto", product: "Girokonto Komfort", type: "CACC", status: "enabled",
    ownerName: "Anton Brückner", holders: ["anton.brueckner"], creditLimit: 50_000n,
    history: [[-33, 280_000, "Orchester e.V.", "Honorar"], [-21, -4_500, "Max Mustermann", "Geld zurück"], [-6, -7_800, "Musikhaus", "Saiten"]],
  },
  {
    id: "0555000111", currency: "EUR", name: "Gemeinschaftskonto", product: "Girokonto Komfort", type: "CACC", status: "enabled",
    ownerName: "Erika und Max Mustermann", holders: ["erika.mustermann", "max.musterman"], creditLimit: 0n,
    history: [[-15, 90_000, "Erika Mustermann", "Haushalt"], [-9, -12_345, "Möbelhaus", "Regal"]],
  },
  {
    id: "0123456789", currency: "EUR", name: "Girokonto", product: "Girokonto Basis", type: "CACC", status: "enabled",
    ownerName: "Erika Mustermann", holders: ["erika.mustermann"], creditLimit: 0n,
    history: [[-12, 210_000, "Praxis Dr. Weiß", "Gehalt"]],
  },
  {
    id: "0999000001", currency: "EUR", name: "Girokonto", product: "Girokonto Basis", type: "CACC", status: "blocked",
    ownerName: "Paul Gesperrt", holders: ["paul.blocked"], creditLimit: 0n,
    history: [[-50, 10_000, "Paul Gesperrt", "Einzahlung"]],
  },
  {
    id: "0999000002", currency: "EUR", name: "Sparbuch", product: "Sparbuch", type: "SVGS", status: "deleted",
    ownerName: "Paul Gesperrt", holders: ["paul.blocked"], creditLimit: 0n,
    history: [],
  },
];

export function ibanOf(bankCode: string, accountNumber: string): string {
  const iban = composeIBAN({ countryCode: "DE", bban: `${bankCode}${accountNumber}` });
  if (!iban) throw new Error(`No German IBAN for bank code ${bankCode} and account ${accountNumber}.`);
  return iban;
}

/** A counterparty IBAN outside the simulated core, the same for the same name. */
const outsideIban = (name: string) => ibanOf("50010517", String([...name].reduce((h, c) => (h * 31 + c.charCodeAt(0)) % 1e10, 7)).padStart(10, "0"));

export function seedLedger(ledger: Ledger, bankCode: string): Ledger {
  const today = ledger.today();
  for (const [login, name] of Object.entries(CUSTOMERS)) ledger.customers.set(login, name);
  for (const { history, ...seed } of ACCOUNTS) {
    const account: LedgerAccount = { ...seed, iban: ibanOf(bankCode, seed.id) };
    ledger.accounts.set(account.id, account);
    for (const [index, [days, amount, counterparty, text]] of history.entries()) {
      const pending = days > 0;
      const date = addDays(today, days);
      const [creditorName, creditorIban, debtorName, debtorIban] =
        amount < 0 ? [counterparty, outsideIban(counterparty), account.ownerName, account.iban] : [account.ownerName, account.iban, counterparty, outsideIban(counterparty)];
      ledger.post({
        accountId: account.id,
        amount: BigInt(amount),
        currency: account.currency,
        status: pending ? "pending" : "booked",
        bookingDate: pending ? null : date,
        valueDate: date,
        creditorName,
        creditorIban,
        debtorName,
        debtorIban,
        remittance: text,
        endToEndId: `SEED-${account.id}-${index}`,
        bankTransactionCode: amount < 0 ? "PMNT-ICDT-ESCT" : "PMNT-RCDT-ESCT",
      });
    }
  }
  return ledger;
}
