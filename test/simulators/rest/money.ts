/** @module Decimal amounts as the simulated cores write and read them ("-12.34"), from and to minor units. */
import { CURRENCY_EXPONENTS, formatAmount } from "../../../subgraphs/shared/money.js";

export const toDecimal = (minor: bigint, currency: string): string => formatAmount(minor, currency);

/** "12.34" EUR → 1234n; undefined for anything that is not a decimal of the currency's precision. */
export function fromDecimal(text: unknown, currency: string): bigint | undefined {
  const exponent = CURRENCY_EXPONENTS[currency] ?? 2;
  const match = typeof text === "string" ? /^(-?)(\d{1,15})(?:\.(\d+))?$/.exec(text) : null;
  if (!match || (match[3] ?? "").length > exponent) return undefined;
  const minor = BigInt(match[2]!) * 10n ** BigInt(exponent) + BigInt((match[3] ?? "").padEnd(exponent, "0") || "0");
  return match[1] ? -minor : minor;
}
