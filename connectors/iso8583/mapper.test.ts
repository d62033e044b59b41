import { describe, expect, it } from "vitest";
import { PUBLISHED_MESSAGES } from "./fixtures/published-messages.js";
import {
  balancesOf,
  decodePrivate,
  encodePrivate,
  executionOf,
  formatAdditionalAmount,
  parseAdditionalAmounts,
  rejectionOf,
  rrnOf,
  statusOf,
  timestamps,
  toAscii,
} from "./mapper.js";
import { inquiryRrn } from "./messages.js";

describe("ISO 8583 mapper", () => {
  it("refuses the published field 54, whose currency has two digits where the usual layout has three", () => {
    const published = PUBLISHED_MESSAGES.find((m) => m.fields[54])!.fields[54]!;
    expect(published).toBe("100236C0102240000000");
    expect(parseAdditionalAmounts(published)).toBeNull();
    expect(parseAdditionalAmounts("1002360C010224000000")).toEqual([{ accountType: "10", amountType: "02", currency: null, amountMinor: 10_224_000_000n }]);
  });

  it("writes and reads ledger and available balances, debit balances negative", () => {
    const field = formatAdditionalAmount({ accountType: "20", amountType: "01", currency: "EUR", amountMinor: -1_234n }) +
      formatAdditionalAmount({ accountType: "20", amountType: "02", currency: "EUR", amountMinor: 98_766n });
    expect(field).toBe("2001978D0000000012342002978C000000098766");
    const balances = balancesOf(parseAdditionalAmounts(field)!, "EUR", "2026-11-22");
    expect(balances).toEqual([
      { type: "interimBooked", amountMinor: -1_234n, currency: "EUR", referenceDate: "2026-11-22", creditLimitIncluded: false },
      { type: "interimAvailable", amountMinor: 98_766n, currency: "EUR", referenceDate: "2026-11-22", creditLimitIncluded: true },
    ]);
    expect(balancesOf(parseAdditionalAmounts(field)!, "USD", "2026-11-22")).toMatch(/in EUR, the account holds USD/);
    expect(parseAdditionalAmounts("2001978X000000001234")).toBeNull();
    expect(parseAdditionalAmounts("2001978C00000000123")).toBeNull();
  });

  it("derives a stable 12-character RRN from the paymentRef", () => {
    const ref = "0190f5e2-7c1a-7b3e-9d2f-3a4b5c6d7e8f";
    expect(rrnOf(ref)).toMatch(/^[0-9A-Z]{12}$/);
    expect(rrnOf(ref)).toBe(rrnOf(ref));
    expect(new Set(Array.from({ length: 1_000 }, (_, i) => rrnOf(`${ref}-${i}`))).size).toBe(1_000);
    expect(inquiryRrn("000123", new Date("2026-02-01T13:00:00Z"))).toBe("6032" + "13" + "000123");
  });

  it("writes field 48 as tag, 3-digit length, value, and refuses a malformed one", () => {
    const data = encodePrivate({ PR: "abc", EE: "", XD: "20261231", RI: undefined });
    expect(data).toBe("PR003abcXD00820261231");
    expect(decodePrivate(data)).toEqual(new Map([["PR", "abc"], ["XD", "20261231"]]));
    expect(decodePrivate("PR010abc")).toBeNull();
    expect(decodePrivate(undefined)).toEqual(new Map());
  });

  it("maps response codes and payment states to the hub's outcomes", () => {
    expect(["51", "14", "62", "12", "05"].map(rejectionOf)).toEqual(["INSUFFICIENT_FUNDS", "ACCOUNT_NOT_FOUND", "ACCOUNT_BLOCKED", "REJECTED_BY_CORE", "REJECTED_BY_CORE"]);
    const booked = { state: "B", originalCode: "00", authCode: "000007" } as const;
    expect(executionOf(booked)).toEqual({ ok: true, value: { status: "ACSC", coreRef: "000007" } });
    expect(executionOf({ ...booked, state: "S" })).toEqual({ ok: true, value: { status: "ACSP", coreRef: "000007" } });
    expect(executionOf({ ...booked, state: "R", reversalReason: "17" })).toEqual({ ok: true, value: { status: "CANC", coreRef: "000007" } });
    expect(executionOf({ state: "D", originalCode: "51", authCode: null })).toMatchObject({ ok: false, error: { code: "INSUFFICIENT_FUNDS", message: expect.stringContaining("51 (insufficient funds)") } });
    expect(statusOf({ state: "D", originalCode: "51", authCode: null })).toEqual({ status: "RJCT", coreRef: null, reason: "INSUFFICIENT_FUNDS" });
    expect(statusOf({ ...booked, state: "R", reversalReason: "68" })).toEqual({ status: "RJCT", coreRef: "000007", reason: "REVERSED_AFTER_TIMEOUT" });
  });

  it("formats transmission time in UTC and keeps text fields ASCII", () => {
    expect(timestamps(new Date("2026-11-22T08:05:09Z"))).toEqual({ 7: "1122080509", 12: "080509", 13: "1122" });
    expect(toAscii("Brückner & Søn – Ärger", 40)).toBe("Bruckner & S?n ? Arger");
    expect(toAscii("x".repeat(50), 35)).toHaveLength(35);
  });
});
