import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CURRENCY_EXPONENTS, formatAmount } from "../../subgraphs/shared/money.js";
import { parseRestOptions } from "./config.js";
import { decimalToMinor, MappingError, toAccount, toBalance, toTransaction } from "./mapper.js";
import { COREBANK_V2 } from "./test-core.js";

const config = parseRestOptions("corebank", COREBANK_V2, { COREBANK_API_KEY: "k" });
const records = config.records;

/** A balance, an account and a transaction as the simulated core writes them (test/simulators/rest/wire.ts). */
const balance = { kind: "AVAILABLE", value: { amount: "1234.50", currency: "EUR" }, asOf: "2026-11-22", includesOverdraft: true };
const account = {
  accountId: "0271232400", accountNumber: { iban: "DE10666100000271232400", currencyCode: "EUR" }, label: "Girokonto", productName: "Giro",
  type: "CURRENT", state: "ACTIVE", holder: { displayName: "Max Mustermann" }, holders: [{ login: "max.musterman" }, { login: "erika" }],
};
const transaction = {
  txId: "T1", accountId: "0271232400", state: "PENDING", amountCents: -4999, currency: "EUR", bookedOn: null, valueOn: "2026-11-27T00:00:00Z",
  payee: { name: "Versicherung AG", iban: "DE89370400440532013000" }, payer: null, purpose: "Beitrag", e2eRef: "E1", btc: "PMNT-ICDT-ESCT", position: "cG9z",
};

describe("mapping a core's records to the contract", () => {
  it("maps an account, a balance and a transaction field by field", () => {
    expect(toAccount(records.account!, account, "decimal")).toEqual({
      ref: "0271232400", iban: "DE10666100000271232400", currency: "EUR", name: "Girokonto", product: "Giro", cashAccountType: "CACC",
      status: "enabled", ownerName: "Max Mustermann", psuIds: ["max.musterman", "erika"],
    });
    expect(toBalance(records.balance!, balance, "decimal")).toEqual({ type: "interimAvailable", amountMinor: 123_450n, currency: "EUR", referenceDate: "2026-11-22", creditLimitIncluded: true });
    expect(toTransaction(records.transaction!, transaction, "decimal")).toMatchObject({
      ref: "T1", status: "pending", amountMinor: -4_999n, bookingDate: null, valueDate: "2026-11-27", creditorName: "Versicherung AG", debtorName: null, debtorIban: null, cursor: "cG9z",
    });
    const { cursor: _c, ...noCursor } = records.transaction!;
    expect(toTransaction(noCursor, transaction, "decimal").cursor).toBe("T1");
  });

  it("throws, naming the field and its path, for every kind of garbage", () => {
    const cases: [unknown, RegExp][] = [
      [{ ...balance, value: { amount: 1234.5, currency: "EUR" } }, /field "amountMinor" \(path "value.amount"\) is a number; expected a decimal string/],
      [{ ...balance, value: { amount: "12.345", currency: "EUR" } }, /"amountMinor".*at most 2 decimals/],
      [{ ...balance, value: { amount: "1e3", currency: "EUR" } }, /"amountMinor".*decimal string/],
      [{ ...balance, value: { amount: "10", currency: "eur" } }, /field "currency" \(path "value.currency"\) is a string; expected an ISO 4217 code/],
      [{ ...balance, kind: "WEIRD" }, /field "type" \(path "kind"\) has the code "WEIRD", which the mapping's "map" does not list/],
      [{ ...balance, kind: { a: 1 } }, /field "type" \(path "kind"\) is an object; expected a code/],
      [{ ...balance, asOf: "yesterday" }, /field "referenceDate" \(path "asOf"\) is a string; expected a date/],
      [{ ...balance, includesOverdraft: "true" }, /field "creditLimitIncluded" \(path "includesOverdraft"\) is a string; expected true or false/],
      [{ ...balance, asOf: undefined }, /field "referenceDate" \(path "asOf"\) is missing/],
      [[balance], /the balance record is a list; expected an object/],
    ];
    for (const [raw, message] of cases) expect(() => toBalance(records.balance!, raw, "decimal")).toThrow(message);
    expect(() => toTransaction(records.transaction!, { ...transaction, amountCents: 12.5 }, "decimal")).toThrow(/"amountMinor" \(path "amountCents"\) is a number; expected an integer of minor units/);
    expect(() => toTransaction(records.transaction!, { ...transaction, amountCents: "-4999" }, "decimal")).toThrow(MappingError);
    expect(() => toAccount(records.account!, { ...account, holders: [{ login: 7 }] }, "decimal")).toThrow(/field "psuIds" \(path "holders\[\].login"\) holds a number; expected a list of strings/);
  });

  it("reads decimal amounts exactly, for every currency exponent (round trip with the hub's formatter)", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), fc.constantFrom(...Object.keys(CURRENCY_EXPONENTS)), (minor, currency) => {
        expect(decimalToMinor(formatAmount(minor, currency), CURRENCY_EXPONENTS[currency]!)).toBe(minor);
      }),
    );
    expect(decimalToMinor("12.3", 2)).toBe(1_230n);
    expect(decimalToMinor("12", 0)).toBe(12n);
    expect(decimalToMinor("12.5", 0)).toBeUndefined();
    expect(decimalToMinor("-0.01", 2)).toBe(-1n);
    expect(decimalToMinor(" 1.00", 2)).toBeUndefined();
  });
});
