import { readFileSync } from "node:fs";
import fc from "fast-check";
import soap from "soap";
import { describe, expect, it } from "vitest";
import { CURRENCY_EXPONENTS } from "../../subgraphs/shared/money.js";
import { BUNDLED_WSDL } from "./config.js";
import { amount, many, MappingError, toAccount, toBalance, toDecimal, toExecution, toTransaction } from "./mapper.js";

const account = { AccountId: "0271232400", Iban: "DE10666100000271232400", Currency: "EUR", Name: "Girokonto", Product: "Giro", Kind: "SAVINGS", Status: "BLOCKED", OwnerName: "Max", Holders: { Login: ["max.musterman"] } };

describe("soap mapper", () => {
  it("maps the example GetAccountTransactions answer, parsed as the soap client parses it", async () => {
    const client = await soap.createClientAsync(BUNDLED_WSDL, { customDeserializer: { date: (t: string) => t, decimal: (t: string) => t } });
    const xml = readFileSync(new URL("./fixtures/get-account-transactions-response.xml", import.meta.url), "utf8");
    const body = (client.wsdl.xmlToObject(xml) as { Body: { GetAccountTransactionsResponse: { AccountTransactions: any } } }).Body;
    const [group] = many(body.GetAccountTransactionsResponse.AccountTransactions) as { Transaction: unknown[]; HasMore: unknown }[];
    expect(group!.HasMore).toBe(true);
    const [pending, booked] = group!.Transaction.map((t, i) => toTransaction(t, `Transaction[${i + 1}]`));
    expect(pending).toEqual({
      ref: "T0000014", accountRef: "0271232400", status: "pending", amountMinor: -4_999n, currency: "EUR", bookingDate: null, valueDate: "2026-11-27",
      creditorName: "Versicherung AG", creditorIban: "DE89370400440532013000", debtorName: "Max Mustermann", debtorIban: "DE10666100000271232400",
      remittanceInformation: "Beitrag", endToEndId: "SEED-0271232400-13", bankTransactionCode: "PMNT-ICDT-ESCT", cursor: "MjAyNi0xMS0yN3wxNA",
    });
    expect(booked).toMatchObject({ status: "booked", amountMinor: 320_000n, bookingDate: "2026-11-12", creditorName: null, endToEndId: null });
  });

  it("maps codes to the contract's words and refuses unknown ones, naming the element", () => {
    expect(toAccount(account, "Account[1]")).toMatchObject({ cashAccountType: "SVGS", status: "blocked", psuIds: ["max.musterman"] });
    expect(toAccount({ ...account, Holders: { Login: "solo" } }, "A").psuIds).toEqual(["solo"]);
    expect(() => toAccount({ ...account, Status: "FROZEN" }, "Account[2]")).toThrow(/Account\[2\]\/Status is "FROZEN"; expected one of ACTIVE, BLOCKED, CLOSED/);
    expect(() => toAccount({ ...account, Iban: undefined }, "Account[3]")).toThrow(/Account\[3\]\/Iban is missing/);
    expect(() => toAccount("text", "Account[4]")).toThrow(/Account\[4\] is not an element with children/);
    const balance = { Type: "ITAV", Amount: "12.30", Currency: "EUR", ReferenceDate: "2026-11-22", CreditLimitIncluded: true };
    expect(toBalance(balance, "B")).toEqual({ type: "interimAvailable", amountMinor: 1_230n, currency: "EUR", referenceDate: "2026-11-22", creditLimitIncluded: true });
    expect(() => toBalance({ ...balance, Amount: "12.345" }, "B")).toThrow(/B\/Amount "12.345" is not a decimal with at most 2 decimals/);
    expect(() => toBalance({ ...balance, Amount: 12.3 }, "B")).toThrow(MappingError);
    expect(() => toBalance({ ...balance, CreditLimitIncluded: "yes" }, "B")).toThrow(/CreditLimitIncluded is not true or false/);
    expect(toExecution({ Status: "REJECTED", ReasonCode: "TRANSFER_NOT_FOUND" }, "T")).toEqual({ status: "RJCT", coreRef: null, reason: "PAYMENT_NOT_FOUND" });
    expect(toExecution({ Status: "EXECUTED", LedgerReference: "T1" }, "T")).toEqual({ status: "ACSC", coreRef: "T1" });
  });

  it("writes and reads amounts exactly for every currency (property)", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), fc.constantFrom(...Object.keys(CURRENCY_EXPONENTS)), (minor, currency) => {
        expect(amount({ Amount: toDecimal(minor, currency) }, "X", currency)).toBe(minor);
      }),
    );
    expect(amount({ Amount: "5.10000" }, "X", "EUR")).toBe(510n);
    expect(amount({ Amount: "+7" }, "X", "JPY")).toBe(7n);
  });
});
