import { describe, expect, it } from "vitest";
import { PricingModel } from "./entities/enums.js";
import { bankId, plan, pricing, rating, reviewText, searchPhrase, slugify, solutionName, solutionSlug } from "./solution-input.js";

const code = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return (error as { code?: string }).code;
  }
  return "no error";
};

describe("marketplace input checks", () => {
  it("derives and checks slugs", () => {
    expect(slugify("  Grüne Bilanz: CO₂-Tracker  ")).toBe("grune-bilanz-co2-tracker");
    expect(solutionSlug("budget-planner")).toBe("budget-planner");
    expect(code(() => solutionSlug("Budget Planner"))).toBe("INVALID_SLUG");
    expect(code(() => solutionSlug("a-"))).toBe("INVALID_SLUG");
    expect(code(() => solutionSlug("double--dash"))).toBe("INVALID_SLUG");
  });

  it("ties the price to the pricing model", () => {
    expect(pricing(PricingModel.FLAT_MONTHLY, { amount: "49.00", currency: "EUR" }, " per bank ")).toEqual({
      pricingModel: PricingModel.FLAT_MONTHLY,
      priceMinor: 4900n,
      priceCurrency: "EUR",
      pricingNotes: "per bank",
    });
    expect(pricing(PricingModel.FREE, null, "")).toMatchObject({ priceMinor: null, pricingNotes: null });
    expect(code(() => pricing(PricingModel.PER_CALL, null, null))).toBe("INVALID_PRICING");
    expect(code(() => pricing(PricingModel.FREE, { amount: "1", currency: "EUR" }, null))).toBe("INVALID_PRICING");
    expect(code(() => pricing(PricingModel.REVENUE_SHARE, null, null))).toBe("INVALID_PRICING");
    expect(code(() => pricing(PricingModel.FLAT_MONTHLY, { amount: "1.001", currency: "EUR" }, null))).toBe("INVALID_AMOUNT");
    expect(code(() => pricing(PricingModel.CUSTOM, { amount: "10", currency: "XXX" }, null))).toBe("UNSUPPORTED_CURRENCY");
  });

  it("accepts ratings 1 to 5 only and bounds review texts", () => {
    expect([1, 5].map(rating)).toEqual([1, 5]);
    for (const bad of [0, 6, 2.5, -1]) expect(code(() => rating(bad))).toBe("INVALID_RATING");
    expect(reviewText("  solid  ")).toBe("solid");
    expect(code(() => reviewText("   "))).toBe("INVALID_REVIEW_TEXT");
    expect(code(() => reviewText("x".repeat(2001)))).toBe("INVALID_REVIEW_TEXT");
    expect(reviewText("x".repeat(2000))).toHaveLength(2000);
  });

  it("checks names, bank ids, plans and search phrases", () => {
    expect(code(() => solutionName("ab"))).toBe("BAD_USER_INPUT");
    expect(bankId("musterbank")).toBe("musterbank");
    expect(code(() => bankId("Muster Bank"))).toBe("INVALID_BANK_ID");
    expect(code(() => plan("Gold Plan"))).toBe("BAD_USER_INPUT");
    expect(searchPhrase("  budget ")).toBe("budget");
    expect(searchPhrase("   ")).toBeUndefined();
    expect(code(() => searchPhrase("x".repeat(201)))).toBe("SEARCH_TOO_LONG");
  });
});
