import { describe, expect, it } from "vitest";
import { simAccountOptions } from "../../test/simulators/iso8583/index.js";
import type { BankConfig } from "../registry.js";
import { parseIso8583Config } from "./config.js";

const bank = (options: Record<string, unknown>): BankConfig => ({
  id: "isobank",
  name: "ISO Bank",
  bic: "ISOBDEF1XXX",
  country: "DE",
  status: "live",
  connector: { kind: "iso8583", options: { host: "127.0.0.1", port: 5000, accounts: simAccountOptions(), ...options } },
});
const [account] = simAccountOptions();

describe("ISO 8583 bank options", () => {
  it("fills sane defaults and takes the account directory from configuration", () => {
    const config = parseIso8583Config(bank({}));
    expect(config).toMatchObject({ host: "127.0.0.1", port: 5000, timeoutMs: 5_000, echoIntervalMs: 30_000, maxInFlight: 16, terminalId: "OBHUB001" });
    expect(config.variant.name).toBe("ascii");
    expect(config.accounts[0]).toEqual({ ...account, ref: account!.number, number: undefined, status: "enabled" });
  });

  it.each([
    [{ host: undefined }, /connector\.options\.host must be the switch's host name/],
    [{ port: 70_000 }, /connector\.options\.port must be an integer from 1 to 65535; got 70000/],
    [{ encoding: "ebcdic" }, /encoding must be ascii \| ascii-binary-bitmap \| bcd \| bcd-ebcdic; got "ebcdic"/],
    [{ timeoutMs: 0 }, /timeoutMs must be an integer/],
    [{ reconnect: { initialDelayMs: -1 } }, /connector\.options\.reconnect\.initialDelayMs must be/],
    [{ terminalId: "TOO-LONG-ID" }, /terminalId must be 8 printable characters \(field 41\)/],
    [{ acquirerId: "12AB" }, /acquirerId must be 1 to 11 digits/],
    [{ accounts: [] }, /accounts must be a non-empty list of accounts \(the switch cannot list them\)/],
    [{ accounts: [{ ...account, iban: "DE00300835830858300001" }] }, /accounts\[0\]\.iban must be a valid IBAN/],
    [{ accounts: [{ ...account, number: "0858-300001" }] }, /accounts\[0\]\.number must be the switch's account number/],
    [{ accounts: [{ ...account, currency: "XAU" }] }, /accounts\[0\]\.currency must be one of EUR, USD/],
    [{ accounts: [{ ...account, psuIds: "max" }] }, /accounts\[0\]\.psuIds must be a list of PSU ids/],
    [{ accounts: [account, { ...account, iban: "DE89370400440532013000" }] }, /accounts must be free of repeated account numbers; got "0858300001"/],
  ])("refuses %j, naming the bank and the option", (options, message) => {
    expect(() => parseIso8583Config(bank(options))).toThrow(/^ISO 8583 bank "isobank": /);
    expect(() => parseIso8583Config(bank(options))).toThrow(message);
  });
});
