import { describe, expect, it } from "vitest";
import type { BankConfig } from "../registry.js";
import { parseIso20022Options } from "./config.js";

const bank = (options?: Record<string, unknown>, bic = "ISRBDEM1XXX"): BankConfig => ({
  id: "isarbank",
  name: "Isarbank AG",
  bic,
  country: "DE",
  status: "live",
  connector: { kind: "iso20022", options },
});

describe("ISO 20022 bank options", () => {
  it("applies defaults and keeps the base path a directory", () => {
    expect(parseIso20022Options(bank({ baseUrl: "https://core.example:8443/iso20022" }))).toEqual({
      baseUrl: new URL("https://core.example:8443/iso20022/"),
      timeoutMs: 5_000,
      maxResponseBytes: 4 * 1024 * 1024,
      maxConcurrency: 4,
      batchSize: 50,
      initiatingPartyName: "Open Banking Hub",
      bic: "ISRBDEM1XXX",
    });
  });

  it("names the bank and the option in every complaint", () => {
    const cases: [Record<string, unknown> | undefined, RegExp][] = [
      [undefined, /"isarbank" needs connector\.options\.baseUrl.*got undefined/],
      [{ baseUrl: "ftp://core.example/" }, /connector\.options\.baseUrl.*"ftp:\/\/core\.example\/"/],
      [{ baseUrl: "https://user:secret@core.example/" }, /without credentials/],
      [{ baseUrl: "https://core.example/?x=1" }, /connector\.options\.baseUrl/],
      [{ baseUrl: "https://core.example/", timeoutMs: 0 }, /connector\.options\.timeoutMs, an integer from 1 to 300000; got 0/],
      [{ baseUrl: "https://core.example/", maxConcurrency: 2.5 }, /connector\.options\.maxConcurrency/],
      [{ baseUrl: "https://core.example/", maxResponseBytes: "4MB" }, /connector\.options\.maxResponseBytes/],
      [{ baseUrl: "https://core.example/", initiatingPartyName: "" }, /connector\.options\.initiatingPartyName/],
      [{ baseUrl: "https://core.example/", timeout: 5 }, /unknown option connector\.options\.timeout; known: baseUrl, timeoutMs/],
    ];
    for (const [options, message] of cases) expect(() => parseIso20022Options(bank(options))).toThrow(message);
    expect(() => parseIso20022Options(bank({ baseUrl: "https://core.example/" }, "not-a-bic"))).toThrow(/"isarbank" needs a BIC/);
  });
});
