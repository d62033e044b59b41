import { describe, expect, it } from "vitest";
import type { HubError } from "../shared/errors.js";
import { addDays, checkConsentRequest, checkValidUntil, isCalendarDate } from "./consent-validation.js";
import { AllAccountsScope, ConsentType } from "./entities/consent-enums.js";
import type { CreateConsentInput } from "./resolvers/types/create-consent.input.js";

const TODAY = "2026-11-22";
const base = (over: Partial<CreateConsentInput> = {}): CreateConsentInput =>
  ({
    type: ConsentType.AIS,
    access: { accounts: [{ iban: "de80 7607 0024 0271 2324 00", currency: "EUR" }], balances: [], transactions: [] },
    recurringIndicator: true,
    validUntil: "2027-01-31",
    frequencyPerDay: 4,
    combinedServiceIndicator: false,
    requiredAuthorisations: 1,
    ...over,
  }) as CreateConsentInput;

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return (error as HubError).code;
  }
  return undefined;
}

describe("consent request checks", () => {
  it("normalises IBANs and keeps each reference once", () => {
    const terms = checkConsentRequest(
      base({ access: { accounts: [{ iban: "de80 7607 0024 0271 2324 00" }, { iban: "DE80760700240271232400" }], balances: [], transactions: [] } }),
      TODAY,
    );
    expect(terms.access.accounts).toEqual([{ iban: "DE80760700240271232400", currency: null }]);
    expect(terms.access.allPsd2).toBeNull();
  });

  it("rejects bad IBANs, currencies and access shapes with their codes", () => {
    const refs = (iban: string, currency?: string) => ({ accounts: [{ iban, currency }], balances: [], transactions: [] });
    expect(codeOf(() => checkConsentRequest(base({ access: refs("DE80760700240271232401") }), TODAY))).toBe("INVALID_IBAN");
    expect(codeOf(() => checkConsentRequest(base({ access: refs("DE80760700240271232400", "EURO") }), TODAY))).toBe("UNSUPPORTED_CURRENCY");
    const mixed = { ...refs("DE80760700240271232400"), allPsd2: AllAccountsScope.ALL_ACCOUNTS };
    expect(codeOf(() => checkConsentRequest(base({ access: mixed }), TODAY))).toBe("INVALID_ACCESS");
    const empty = { accounts: [], balances: [], transactions: [] };
    expect(codeOf(() => checkConsentRequest(base({ access: empty }), TODAY))).toBe("INVALID_ACCESS");
    const available = { ...empty, availableAccounts: AllAccountsScope.ALL_ACCOUNTS };
    expect(codeOf(() => checkConsentRequest(base({ access: available }), TODAY))).toBe("INVALID_ACCESS");
    expect(checkConsentRequest(base({ access: available, recurringIndicator: false, frequencyPerDay: 1 }), TODAY).access.availableAccounts).toBe("allAccounts");
    expect(codeOf(() => checkConsentRequest(base({ type: ConsentType.PIIS }), TODAY))).toBe("INVALID_ACCESS");
    expect(codeOf(() => checkConsentRequest(base({ type: ConsentType.PIS, access: { ...empty, balances: refs("DE80760700240271232400").accounts } }), TODAY))).toBe(
      "INVALID_ACCESS",
    );
  });

  it("takes a PIIS consent on one account", () => {
    const access = { accounts: [], balances: [], transactions: [], fundsConfirmation: { account: { iban: "DE15500105172295759744", currency: "EUR" }, cardNumber: "4111111111111111" } };
    const terms = checkConsentRequest(base({ type: ConsentType.PIIS, access, validUntil: "2028-01-01" }), TODAY);
    expect(terms.access.fundsConfirmation).toMatchObject({ account: { iban: "DE15500105172295759744", currency: "EUR" }, cardNumber: "4111111111111111" });
  });

  it("checks frequencyPerDay: 1 to 4, and 1 for a one-off AIS consent", () => {
    expect(codeOf(() => checkConsentRequest(base({ frequencyPerDay: 0 }), TODAY))).toBe("INVALID_FREQUENCY_PER_DAY");
    expect(codeOf(() => checkConsentRequest(base({ frequencyPerDay: 5 }), TODAY))).toBe("INVALID_FREQUENCY_PER_DAY");
    expect(codeOf(() => checkConsentRequest(base({ recurringIndicator: false, frequencyPerDay: 2 }), TODAY))).toBe("INVALID_FREQUENCY_PER_DAY");
    expect(codeOf(() => checkConsentRequest(base({ requiredAuthorisations: 0 }), TODAY))).toBe("BAD_USER_INPUT");
  });

  it("checks validUntil: a real date, not past, at most 180 days ahead for recurring AIS", () => {
    expect(checkValidUntil(TODAY, TODAY, true)).toBe(TODAY);
    expect(checkValidUntil(addDays(TODAY, 180), TODAY, true)).toBe("2027-05-21");
    expect(codeOf(() => checkValidUntil(addDays(TODAY, 181), TODAY, true))).toBe("INVALID_VALID_UNTIL");
    expect(checkValidUntil(addDays(TODAY, 400), TODAY, false)).toBe("2027-12-27");
    expect(codeOf(() => checkValidUntil("2026-11-21", TODAY, false))).toBe("INVALID_VALID_UNTIL");
    expect(codeOf(() => checkValidUntil("2026-02-30", TODAY, false))).toBe("INVALID_VALID_UNTIL");
    expect(checkValidUntil("9999-12-31", TODAY, true)).toBe("2027-05-21");
    expect(checkValidUntil("9999-12-31", TODAY, false)).toBe("9999-12-31");
    expect(isCalendarDate("2028-02-29")).toBe(true);
    expect(isCalendarDate("2026-13-01")).toBe(false);
  });
});
