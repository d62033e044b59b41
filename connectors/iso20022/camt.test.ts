import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CURRENCY_EXPONENTS, formatAmount } from "../../subgraphs/shared/money.js";
import { parseCamt, signedMinor } from "./camt.js";
import { xsdErrors } from "./fixtures/schemas.js";
import { decodeCursor, encodeCursor, olderThan, toBalances, toPaymentStatus, toRejectionCode, toTransaction } from "./mapper.js";

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8");
const MAX = "DE80999200001000100001";

describe("camt.052 / camt.053 / camt.054", () => {
  it("the example messages are valid against their XSDs", async () => {
    expect(await xsdErrors(["camt.052.001.08.xml", "camt.053.001.08.xml", "camt.054.001.08.xml"].map(fixture))).toEqual([]);
    expect(await xsdErrors([fixture("camt.053.001.08.xml").replace("<CdtDbtInd>DBIT</CdtDbtInd>", "<CdtDbtInd>DEBIT</CdtDbtInd>")])).not.toEqual([]);
  });

  it("reads a statement: signed amounts, dates, codes, parties and remittance", () => {
    const [statement] = parseCamt(fixture("camt.053.001.08.xml"), "camt.053");
    expect(statement!.iban).toBe(MAX);
    expect(toBalances(statement!.balances)).toEqual([
      { type: "openingBooked", amountMinor: -15_000n, currency: "EUR", referenceDate: "2026-10-01", creditLimitIncluded: false },
      { type: "closingBooked", amountMinor: 200_450n, currency: "EUR", referenceDate: "2026-10-31", creditLimitIncluded: false },
    ]);
    const [salary, invoice] = statement!.entries.map((e) => toTransaction(MAX, e)!);
    expect(salary).toEqual({
      ref: "E00000101",
      accountRef: MAX,
      status: "booked",
      amountMinor: 320_000n,
      currency: "EUR",
      bookingDate: "2026-10-28",
      valueDate: "2026-10-28",
      creditorName: "Max Mustermann",
      creditorIban: MAX,
      debtorName: "Muster Maschinenbau GmbH",
      debtorIban: "DE89370400440532013000",
      remittanceInformation: "Gehalt Oktober 2026",
      endToEndId: "LOHN-2026-10",
      bankTransactionCode: "PMNT-RCDT-SALA",
      cursor: encodeCursor("2026-10-28", "E00000101"),
    });
    expect(invoice).toMatchObject({
      amountMinor: -104_550n,
      bookingDate: "2026-10-30",
      bankTransactionCode: null,
      creditorName: "Schreinerei Holz & Söhne",
      debtorName: null,
      remittanceInformation: "Rechnung 2026-0815 (Teilzahlung)",
    });
  });

  it("reads a report: interim balances with the credit line, pending entries, INFO entries left out", () => {
    const [report] = parseCamt(fixture("camt.052.001.08.xml"), "camt.052");
    expect(toBalances(report!.balances).map((b) => [b.type, b.amountMinor, b.referenceDate, b.creditLimitIncluded])).toEqual([
      ["closingBooked", 200_450n, "2026-11-21", false],
      ["interimBooked", 198_451n, "2026-11-22", false],
      ["expected", 103_451n, "2026-11-22", false],
      ["interimAvailable", 153_451n, "2026-11-22", true],
    ]);
    const transactions = report!.entries.flatMap((e) => toTransaction(MAX, e) ?? []);
    expect(transactions.map((t) => [t.ref, t.status, t.bookingDate, t.valueDate])).toEqual([
      ["E00000120", "pending", null, "2026-11-27"],
      ["E00000119", "booked", "2026-11-22", "2026-11-22"],
    ]);
  });

  it("reads a booked-entry notification with its sequence number", () => {
    const [notification] = parseCamt(fixture("camt.054.001.08.xml"), "camt.054");
    expect(notification).toMatchObject({ iban: "DE75999200001000200001", sequence: "301" });
    expect(toTransaction(notification!.iban, notification!.entries[0]!)).toMatchObject({ amountMinor: 20_000n, debtorIban: MAX, endToEndId: "HAUSHALT-002" });
  });

  it("refuses amounts it cannot represent exactly, and booked entries without a booking date", () => {
    expect(signedMinor("12.30", "EUR", "DBIT")).toBe(-1_230n);
    expect(signedMinor("12.30000", "EUR", "CRDT")).toBe(1_230n);
    expect(signedMinor("1500", "JPY", "CRDT")).toBe(1_500n);
    expect(() => signedMinor("12.305", "EUR", "CRDT")).toThrow(/at most 2 places/);
    expect(() => signedMinor("1500.5", "JPY", "CRDT")).toThrow(/at most 0 places/);
    expect(() => signedMinor("-1.00", "EUR", "CRDT")).toThrow();
    expect(() => signedMinor("1.00", "XXX", "CRDT")).toThrow(/unsupported currency/);
    expect(() => signedMinor("1.00", "EUR", "BOTH")).toThrow(/CRDT or DBIT/);
    const booked = parseCamt(fixture("camt.052.001.08.xml"), "camt.052")[0]!.entries[1]!;
    expect(() => toTransaction(MAX, { ...booked, bookingDate: null })).toThrow(/no booking date/);
  });

  it("round-trips every amount through the wire format", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), fc.constantFrom(...Object.keys(CURRENCY_EXPONENTS)), (minor, currency) => {
        const wire = formatAmount(minor < 0n ? -minor : minor, currency);
        expect(signedMinor(wire, currency, minor < 0n ? "DBIT" : "CRDT")).toBe(minor);
      }),
    );
  });
});

describe("mapper", () => {
  it("cursors are opaque positions and bad ones are refused with INVALID_CURSOR", () => {
    expect(decodeCursor(encodeCursor("2026-11-02", "E00000016"))).toEqual({ ledgerDate: "2026-11-02", ref: "E00000016" });
    for (const bad of ["", "bm9wZQ", encodeCursor("2026-11-02", "a|b"), encodeCursor("yesterday", "E1")]) {
      expect(() => decodeCursor(bad)).toThrow(expect.objectContaining({ code: "INVALID_CURSOR" }));
    }
    const t = (bookingDate: string, ref: string) => ({ bookingDate, valueDate: bookingDate, ref }) as never;
    expect(olderThan(t("2026-11-01", "E9"), { ledgerDate: "2026-11-02", ref: "E1" })).toBe(true);
    expect(olderThan(t("2026-11-02", "E1"), { ledgerDate: "2026-11-02", ref: "E2" })).toBe(true);
    expect(olderThan(t("2026-11-02", "E2"), { ledgerDate: "2026-11-02", ref: "E2" })).toBe(false);
  });

  it("maps ISO statuses and reasons onto the contract", () => {
    expect(["ACSC", "ACCC", "RCVD", "ACWP", "CANC"].map(toPaymentStatus)).toEqual(["ACSC", "ACSC", "PDNG", "ACSP", "CANC"]);
    expect(() => toPaymentStatus("ZZZZ")).toThrow(/Unknown payment status/);
    expect(["AM04", "AC02", "AC06", "AM03", "FF01", undefined].map(toRejectionCode)).toEqual([
      "INSUFFICIENT_FUNDS", "ACCOUNT_NOT_FOUND", "ACCOUNT_BLOCKED", "CURRENCY_MISMATCH", "REJECTED_BY_CORE", "REJECTED_BY_CORE",
    ]);
  });
});
