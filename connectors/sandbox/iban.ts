/** @module German IBANs for sandbox accounts: bank code + 10-digit account number, with check digits. */
import { composeIBAN, electronicFormatIBAN } from "ibantools";

export function germanIban(bankCode: string, accountNumber: string): string {
  const iban = composeIBAN({ countryCode: "DE", bban: `${bankCode}${accountNumber.padStart(10, "0")}` });
  if (!iban) throw new Error(`Cannot build an IBAN from bank code "${bankCode}" and account number "${accountNumber}".`);
  return iban;
}

/** "de80 7607 0024 …" → "DE807607…"; what the ledger stores and compares. */
export function normalizeIban(iban: string): string {
  return electronicFormatIBAN(iban) ?? iban.replace(/\s+/g, "").toUpperCase();
}
