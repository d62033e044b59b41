/** @module The seed's customers and accounts: the Berlin Group personas plus generated households. */
import { sandboxId } from "../../../subgraphs/shared/ids.js";
import { germanIban } from "../iban.js";
import { personasOfBank, sandboxAccountRef } from "../personas.js";
import type { Random } from "./random.js";
import { FIRST_NAMES, LAST_NAMES } from "./words.js";

export type AccountRole = "current" | "savings" | "fx" | "joint" | "dormant";

export interface SeedCustomer {
  id: string;
  login: string;
  name: string;
}

export interface SeedAccount {
  id: string;
  iban: string;
  currency: string;
  name: string;
  product: string;
  cashAccountType: "CACC" | "SVGS";
  status: "enabled" | "blocked";
  ownerName: string;
  creditLimitMinor: bigint;
  role: AccountRole;
  holders: SeedCustomer[];
}

/** Generated customers per bank, on top of the personas. */
export const GENERATED_CUSTOMERS = 16;

const asciiLogin = (name: string) =>
  name.toLowerCase().replace(/ä/g, "ae").replace(/ö/g, "oe").replace(/ü/g, "ue").replace(/ß/g, "ss").replace(/ş/g, "s").replace(/ı/g, "i").replace(/ /g, ".");

export function planCustomers(bank: { id: string; bankCode: string }, rnd: Random): { customers: SeedCustomer[]; accounts: SeedAccount[] } {
  const customers: SeedCustomer[] = [];
  const accounts: SeedAccount[] = [];
  const customer = (login: string, name: string) => {
    const c = { id: sandboxId("sandbox-customer", `${bank.id}:${login}`), login, name };
    customers.push(c);
    return c;
  };
  const usedNumbers = new Set<string>();
  const account = (holders: SeedCustomer[], fields: Omit<SeedAccount, "id" | "iban" | "holders" | "ownerName" | "status"> & { status?: "blocked" }) => {
    let number = "";
    do number = `${rnd.int(1, 9)}${rnd.digits(9)}`;
    while (usedNumbers.has(number));
    usedNumbers.add(number);
    const iban = germanIban(bank.bankCode, number);
    accounts.push({ status: "enabled", ...fields, id: sandboxAccountRef(iban), iban, holders, ownerName: holders.map((h) => h.name).join(" und ") });
  };

  for (const persona of personasOfBank(bank.id)) {
    const holder = customer(persona.login, persona.name);
    for (const a of persona.accounts) {
      usedNumbers.add(a.iban.slice(-10));
      const role: AccountRole = a.cashAccountType === "SVGS" ? "savings" : a.currency === "EUR" ? "current" : "fx";
      accounts.push({ ...a, id: sandboxAccountRef(a.iban), status: "enabled", ownerName: persona.name, role, holders: [holder] });
    }
  }

  const taken = new Set(customers.map((c) => c.login));
  const generated: SeedCustomer[] = [];
  while (generated.length < GENERATED_CUSTOMERS) {
    const name = `${rnd.pick(FIRST_NAMES)} ${rnd.pick(LAST_NAMES)}`;
    const login = asciiLogin(name);
    if (taken.has(login)) continue;
    taken.add(login);
    generated.push(customer(login, name));
  }

  const current = { currency: "EUR", name: "Girokonto", product: "Girokonto", cashAccountType: "CACC" } as const;
  generated.forEach((holder, i) => {
    const limit = rnd.chance(0.3) ? BigInt(rnd.int(5, 30) * 10_000) : 0n;
    account([holder], { ...current, creditLimitMinor: limit, role: "current" });
    const roll = rnd.next();
    if (roll < 0.45) account([holder], { currency: "EUR", name: "Tagesgeld", product: "Tagesgeldkonto", cashAccountType: "SVGS", creditLimitMinor: 0n, role: "savings" });
    else if (roll < 0.85) {
      const currency = roll < 0.6 ? "USD" : roll < 0.75 ? "GBP" : "CHF";
      account([holder], { currency, name: `Fremdwährungskonto ${currency}`, product: "Fremdwährungskonto", cashAccountType: "CACC", creditLimitMinor: 0n, role: "fx" });
    }
    if (i === 2) account([holder], { ...current, name: "Girokonto (gesperrt)", creditLimitMinor: 0n, role: "dormant", status: "blocked" });
  });
  account([generated[0]!, generated[1]!], { ...current, name: "Gemeinschaftskonto", product: "Gemeinschaftskonto", creditLimitMinor: 50_000n, role: "joint" });
  return { customers, accounts };
}
