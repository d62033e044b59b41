import { describe, expect, it } from "vitest";
import { BUNDLED_WSDL, parseSoapOptions, SoapConfigError } from "./config.js";

describe("soap connector options", () => {
  it("defaults to the bundled WSDL and sane limits", () => {
    expect(parseSoapOptions("ostbank", { endpoint: "https://ib.core.example/CoreBankingService" })).toMatchObject({
      wsdl: { file: BUNDLED_WSDL },
      timeoutMs: 5_000,
      maxResponseBytes: 1_048_576,
    });
  });

  it("names the bank and the option in every complaint", () => {
    const cases: [unknown, RegExp][] = [
      [undefined, /SOAP bank "ostbank": connector\.options\.: expected an object/],
      [{}, /connector\.options\.endpoint: is required/],
      [{ endpoint: "ftp://core/x" }, /options\.endpoint: expected an http: or https: URL, got ftp:/],
      [{ endpoint: "https://u:p@core/x" }, /options\.endpoint: must not carry credentials/],
      [{ endpoint: "https://core/x", wsdl: "https://elsewhere/x?wsdl" }, /options\.wsdl: https:\/\/elsewhere is not the endpoint's origin https:\/\/core/],
      [{ endpoint: "https://core/x", wsdl: "/nowhere/core.wsdl" }, /options\.wsdl: no file at \/nowhere\/core\.wsdl/],
      [{ endpoint: "https://core/x", timeoutMs: 0 }, /options\.timeoutMs: expected an integer from 1 to 120000, got 0/],
      [{ endpoint: "https://core/x", maxResponseBytes: "big" }, /options\.maxResponseBytes: expected an integer/],
    ];
    for (const [options, message] of cases) {
      expect(() => parseSoapOptions("ostbank", options), String(message)).toThrow(SoapConfigError);
      expect(() => parseSoapOptions("ostbank", options), String(message)).toThrow(message);
    }
  });
});
