/** @module Pure checks and normalisation of what callers send the marketplace; each failure is a coded HubError. */
import { commonErrors } from "../shared/errors.js";
import { parseAmount } from "../shared/money.js";
import { PricingModel, type SolutionApi } from "./entities/enums.js";
import { marketplaceErrors } from "./errors.js";

export const LIMITS = { name: 120, description: 5000, pricingNotes: 500, reviewText: 2000, reviewerName: 100, search: 200 } as const;

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const BANK_ID = /^[a-z0-9][a-z0-9-]{1,62}$/;
const PLAN = /^[a-z0-9][a-z0-9-]{0,39}$/;

function text(value: string, field: string, min: number, max: number): string {
  const trimmed = value.trim();
  if (trimmed.length < min || trimmed.length > max) {
    throw commonErrors.badInput(`"${field}" must be ${min} to ${max} characters, got ${trimmed.length}.`, { field });
  }
  return trimmed;
}

export const solutionName = (name: string) => text(name, "name", 3, LIMITS.name);
export const solutionDescription = (description: string) => text(description, "description", 10, LIMITS.description);

/** "Finanzblick Budget-Planer ü" → "finanzblick-budget-planer-u". */
export function slugify(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80)
    .replace(/-+$/, "");
}

export function solutionSlug(slug: string): string {
  if (slug.length < 3 || slug.length > 80 || !SLUG.test(slug)) throw marketplaceErrors.invalidSlug(slug);
  return slug;
}

export function apisUsed(apis: readonly SolutionApi[]): SolutionApi[] {
  if (apis.length === 0) throw commonErrors.badInput('"apisUsed" needs at least one API the solution calls.', { field: "apisUsed" });
  return [...new Set(apis)];
}

export interface PricingFields {
  pricingModel: PricingModel;
  priceMinor: bigint | null;
  priceCurrency: string | null;
  pricingNotes: string | null;
}

const PRICE_RULE: Record<PricingModel, "required" | "forbidden" | "optional"> = {
  [PricingModel.FREE]: "forbidden",
  [PricingModel.FLAT_MONTHLY]: "required",
  [PricingModel.PER_CALL]: "required",
  [PricingModel.REVENUE_SHARE]: "forbidden",
  [PricingModel.CUSTOM]: "optional",
};

/** A pricing model with its price (decimal string, checked against the currency's exponent) and notes. */
export function pricing(model: PricingModel, price: { amount: string; currency: string } | null | undefined, notes: string | null | undefined): PricingFields {
  const rule = PRICE_RULE[model];
  const name = Object.entries(PricingModel).find(([, v]) => v === model)![0];
  if (rule === "required" && !price) throw marketplaceErrors.invalidPricing(`Pricing model ${name} needs a "price".`);
  if (rule === "forbidden" && price) {
    throw marketplaceErrors.invalidPricing(`Pricing model ${name} takes no "price"${model === PricingModel.REVENUE_SHARE ? '; describe the share in "pricingNotes"' : ""}.`);
  }
  const trimmedNotes = notes?.trim() || null;
  if (trimmedNotes && trimmedNotes.length > LIMITS.pricingNotes) {
    throw marketplaceErrors.invalidPricing(`"pricingNotes" may be at most ${LIMITS.pricingNotes} characters, got ${trimmedNotes.length}.`);
  }
  if (model === PricingModel.REVENUE_SHARE && !trimmedNotes) {
    throw marketplaceErrors.invalidPricing('Pricing model REVENUE_SHARE needs "pricingNotes" saying what share of what.');
  }
  return {
    pricingModel: model,
    priceMinor: price ? parseAmount(price.amount, price.currency) : null,
    priceCurrency: price ? price.currency : null,
    pricingNotes: trimmedNotes,
  };
}

/** Whether a model keeps a price at all: lets an update that switches to FREE drop the old price. */
export const takesPrice = (model: PricingModel) => PRICE_RULE[model] !== "forbidden";

export function rating(value: number): number {
  if (!Number.isInteger(value) || value < 1 || value > 5) throw marketplaceErrors.invalidRating(value);
  return value;
}

export function reviewText(value: string): string {
  const trimmed = value.trim();
  if (trimmed.length < 1 || trimmed.length > LIMITS.reviewText) throw marketplaceErrors.invalidReviewText(trimmed.length, LIMITS.reviewText);
  return trimmed;
}

export const reviewerName = (name: string) => text(name, "reviewerName", 1, LIMITS.reviewerName);

export function bankId(value: string): string {
  if (!BANK_ID.test(value)) throw marketplaceErrors.invalidBankId(value);
  return value;
}

export function plan(value: string): string {
  if (!PLAN.test(value)) throw commonErrors.badInput(`"plan" "${value}" must be 1 to 40 lowercase letters, digits or dashes, e.g. "standard".`, { field: "plan" });
  return value;
}

/** The search phrase, or undefined when blank. */
export function searchPhrase(value: string | null | undefined): string | undefined {
  const trimmed = value?.trim();
  if (!trimmed) return undefined;
  if (trimmed.length > LIMITS.search) throw marketplaceErrors.searchTooLong(trimmed.length, LIMITS.search);
  return trimmed;
}
