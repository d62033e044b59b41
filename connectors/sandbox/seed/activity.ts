/** @module Ninety days of believable account activity for the seed: salaries, rent, direct debits, card payments. */
import { germanIban } from "../iban.js";
import { Random } from "./random.js";
import type { SeedAccount } from "./customers.js";
import * as words from "./words.js";
import type { Merchant } from "./words.js";
import { amountBetween, type Party, type SeedLedger } from "./ledger.js";

export const HISTORY_DAYS = 90;

const FRIEND_TEXTS = ["Danke fürs Essen", "Anteil Urlaub Gardasee", "Geburtstagsgeschenk", "Rückzahlung Konzertkarten", "Tankgeld", "WG-Einkauf"];
const NO_PARTY: Party = { name: null, iban: null };
const counterparties = new Map<string, Party>();

/** Counterparties outside the sandbox keep one IBAN across the whole seed. */
function outside(name: string): Party {
  let party = counterparties.get(name);
  if (!party) {
    const rnd = new Random(`counterparty:${name}`);
    party = { name, iban: germanIban(rnd.pick(words.OUTSIDE_BANK_CODES), `${rnd.int(1, 9)}${rnd.digits(9)}`) };
    counterparties.set(name, party);
  }
  return party;
}

function weighted(rnd: Random, merchants: readonly Merchant[]): Merchant {
  let roll = rnd.next() * merchants.reduce((sum, m) => sum + m.weight, 0);
  for (const merchant of merchants) if ((roll -= merchant.weight) < 0) return merchant;
  return merchants[merchants.length - 1]!;
}

const month = (date: string) => `${words.MONTHS_DE[Number(date.slice(5, 7)) - 1]} ${date.slice(0, 4)}`;
const yearMonth = (date: string) => date.slice(0, 7).replace("-", "");
const time = (rnd: Random) => `${String(rnd.int(7, 21)).padStart(2, "0")}:${String(rnd.int(0, 59)).padStart(2, "0")}`;
const cardCount = (rnd: Random, rate: number) => (rnd.chance(rate) ? 1 : 0) + (rnd.chance(rate * 0.6) ? 1 : 0) + (rnd.chance(rate * 0.3) ? 1 : 0);
const COUNTRY: Record<string, string> = { EUR: "DE", USD: "US", GBP: "GB", CHF: "CH" };

export class Activity {
  constructor(
    private readonly rnd: Random,
    private readonly ledger: SeedLedger,
    private readonly bankName: string,
  ) {}

  private days(from: number, to: number, each: (date: string, dayOfMonth: number, daysBack: number) => void): void {
    for (let back = from; back >= to; back--) {
      const date = this.ledger.daysBack(back);
      each(date, Number(date.slice(8)), back);
    }
  }

  /** Card payments of one day; today's are still pending. */
  private cards(account: SeedAccount, merchants: readonly Merchant[], rate: number, date: string, daysBack: number): void {
    const { rnd } = this;
    const place = account.currency === "EUR" ? `${rnd.pick(words.CITIES)}/DE` : COUNTRY[account.currency];
    for (let n = cardCount(rnd, rate); n > 0; n--) {
      const merchant = weighted(rnd, merchants);
      const remittance = `${merchant.name}//${place} ${date}T${time(rnd)} Kartenzahlung`;
      const status = daysBack === 0 ? "pending" : "booked";
      this.ledger.pay(date, account, amountBetween(rnd, merchant.min, merchant.max), { name: merchant.name, iban: null }, { remittance, code: "PMNT-CCRD-POSD" }, status);
    }
  }

  current(account: SeedAccount, links: { savings?: SeedAccount; joint?: SeedAccount }): void {
    const { rnd, ledger } = this;
    const employer = outside(rnd.pick(words.EMPLOYERS));
    const salary = amountBetween(rnd, 2100, 5400);
    const salaryDay = rnd.int(25, 28);
    const landlord = outside(rnd.pick(words.LANDLORDS));
    const rent = (amountBetween(rnd, 550, 1500) / 100n) * 100n;
    const street = rnd.pick(words.STREETS);
    const debits = words.DIRECT_DEBITS.filter((d) => rnd.chance(d.share)).map((d) => ({
      ...d,
      day: rnd.int(2, 22),
      amount: amountBetween(rnd, d.min, d.max),
      ref: rnd.digits(9),
    }));
    const standingOrders = [
      { to: links.savings, amount: BigInt(rnd.int(2, 10) * 5_000), text: "Sparrate", day: 2 },
      { to: links.joint, amount: BigInt(rnd.int(2, 6) * 10_000), text: "Haushaltsgeld", day: 3 },
    ];
    this.days(HISTORY_DAYS, 0, (date, day, back) => {
      if (day === salaryDay) {
        ledger.receive(date, account, salary, employer, { remittance: `Gehalt ${month(date)}`, code: "PMNT-RCDT-ESCT", endToEndId: `LOHN-${yearMonth(date)}-${rnd.digits(6)}` });
      }
      if (day === 1) ledger.pay(date, account, rent, landlord, { remittance: `Miete ${month(date)} ${street}`, code: "PMNT-ICDT-STDO", endToEndId: "NOTPROVIDED" });
      for (const d of debits) {
        if (d.day !== day) continue;
        const remittance = d.text.replace("{month}", month(date)).replace("{ref}", d.ref);
        ledger.pay(date, account, d.amount, outside(d.name), { remittance, code: "PMNT-IDDT-ESDD", endToEndId: `${d.ref}-${yearMonth(date)}` });
      }
      for (const order of standingOrders) {
        if (order.to && order.day === day) {
          ledger.transfer(date, account, order.to, order.amount, { remittance: `${order.text} ${month(date)}`, code: "PMNT-ICDT-STDO", endToEndId: "NOTPROVIDED" });
        }
      }
      this.cards(account, words.MERCHANTS_EUR, 0.55, date, back);
      if (back > 0 && rnd.chance(0.07)) {
        const remittance = `Bargeldauszahlung GA ${rnd.pick(words.CITIES)} ${date}T${time(rnd)}`;
        ledger.pay(date, account, BigInt(rnd.int(5, 30) * 1_000), NO_PARTY, { remittance, code: "PMNT-CCRD-CWDL" });
      }
      if (back > 0 && rnd.chance(0.06)) {
        const friend = outside(`${rnd.pick(words.FIRST_NAMES)} ${rnd.pick(words.LAST_NAMES)}`);
        const [amount, remittance] = [amountBetween(rnd, 5, 250), rnd.pick(FRIEND_TEXTS)];
        if (rnd.chance(0.5)) ledger.receive(date, account, amount, friend, { remittance, code: "PMNT-RCDT-ESCT", endToEndId: "NOTPROVIDED" });
        else ledger.pay(date, account, amount, friend, { remittance, code: "PMNT-ICDT-ESCT", endToEndId: "NOTPROVIDED" });
      }
    });
  }

  joint(account: SeedAccount): void {
    this.days(HISTORY_DAYS, 0, (date, _day, back) => this.cards(account, words.MERCHANTS_EUR.slice(0, 7), 0.45, date, back));
  }

  savings(account: SeedAccount): void {
    const bank: Party = { name: this.bankName, iban: null };
    this.days(HISTORY_DAYS, 1, (date, _day, back) => {
      if (!this.ledger.daysBack(back - 1).endsWith("-01")) return;
      this.ledger.receive(date, account, amountBetween(this.rnd, 0.5, 25), bank, { remittance: `Zinsgutschrift ${month(date)}`, code: "ACMT-MCOP-INTR" });
    });
  }

  foreignCurrency(account: SeedAccount): void {
    const payer: Party = { name: words.FX_PAYERS[account.currency] ?? "Overseas Client Ltd", iban: null };
    this.days(HISTORY_DAYS, 0, (date, day, back) => {
      if (day === 15) {
        const endToEndId = `INV${yearMonth(date)}${this.rnd.digits(4)}`;
        this.ledger.receive(date, account, amountBetween(this.rnd, 400, 2500), payer, { remittance: `Invoice ${date.slice(0, 7)} / Honorar`, code: "PMNT-RCDT-XBCT", endToEndId });
      }
      this.cards(account, words.MERCHANTS_FX[account.currency] ?? words.MERCHANTS_EUR, 0.2, date, back);
    });
  }

  dormant(account: SeedAccount): void {
    this.days(HISTORY_DAYS, 61, (date, _day, back) => this.cards(account, words.MERCHANTS_EUR, 0.3, date, back));
  }
}
