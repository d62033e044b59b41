/**
 * @module Money is never a float: integer minor units inside, decimal strings on the wire,
 * ISO 4217 exponents for the currencies the hub accepts.
 */
import { HubError } from "./errors.js";

/** ISO 4217 minor-unit exponents of the currencies the hub supports. */
export const CURRENCY_EXPONENTS: Readonly<Record<string, number>> = Object.freeze({
  EUR: 2, USD: 2, GBP: 2, CHF: 2, SEK: 2, NOK: 2, DKK: 2, PLN: 2, CZK: 2, HUF: 2, JPY: 0,
});

/** Upper bound of one amount (10^15 minor units), far below Number.MAX_SAFE_INTEGER. */
const MAX_MINOR = 10n ** 15n;

export function isSupportedCurrency(currency: string): boolean {
  return Object.hasOwn(CURRENCY_EXPONENTS, currency);
}

export function assertCurrency(currency: string): number {
  if (!isSupportedCurrency(currency)) {
    throw new HubError("UNSUPPORTED_CURRENCY", `Currency "${currency}" is not supported; use one of ${Object.keys(CURRENCY_EXPONENTS).join(", ")}.`, {
      details: { currency },
    });
  }
  return CURRENCY_EXPONENTS[currency]!;
}

/** "12.30" EUR → 1230n. Rejects negatives, zero, exponents, over-precise and absurd amounts. */
export function parseAmount(amount: string, currency: string): bigint {
  const exponent = assertCurrency(currency);
  const match = /^(\d{1,15})(?:\.(\d+))?$/.exec(amount.trim());
  if (!match) {
    throw new HubError("INVALID_AMOUNT", `Amount "${amount}" is not a positive decimal such as "12.50".`, { details: { amount } });
  }
  const fraction = match[2] ?? "";
  if (fraction.length > exponent) {
    throw new HubError("INVALID_AMOUNT", `Amount "${amount}" has more than ${exponent} decimal places, the precision of ${currency}.`, {
      details: { amount, currency },
    });
  }
  const minor = BigInt(match[1]!) * 10n ** BigInt(exponent) + BigInt(fraction.padEnd(exponent, "0") || "0");
  if (minor <= 0n) throw new HubError("INVALID_AMOUNT", `Amount must be greater than zero, got "${amount}".`, { details: { amount } });
  if (minor >= MAX_MINOR) throw new HubError("INVALID_AMOUNT", `Amount "${amount}" is larger than the hub accepts.`, { details: { amount } });
  return minor;
}

/** 1230n EUR → "12.30"; -5n EUR → "-0.05". */
export function formatAmount(minor: bigint | number | string, currency: string): string {
  const exponent = CURRENCY_EXPONENTS[currency] ?? 2;
  const value = BigInt(minor);
  const negative = value < 0n;
  const digits = (negative ? -value : value).toString().padStart(exponent + 1, "0");
  const whole = exponent ? digits.slice(0, -exponent) : digits;
  const fraction = exponent ? `.${digits.slice(-exponent)}` : "";
  return `${negative ? "-" : ""}${whole}${fraction}`;
}
