/** @module Error codes of the marketplace. */
import { commonErrors, HubError } from "../shared/errors.js";

export const marketplaceErrors = {
  solutionNotFound: (id: string) => commonErrors.notFound("solution", id),
  subscriptionNotFound: (id: string) => commonErrors.notFound("solution subscription", id),
  bankNotFound: (bankId: string, known: readonly string[]) =>
    new HubError("BANK_NOT_FOUND", `No bank with id "${bankId}" is served by this hub; known banks: ${known.join(", ")}.`, {
      httpStatus: 404,
      details: { bankId },
    }),
  slugTaken: (slug: string) =>
    new HubError("SLUG_TAKEN", `Another solution already uses the slug "${slug}"; pass a different "slug".`, { httpStatus: 409, details: { slug } }),
  invalidSlug: (slug: string) =>
    new HubError("INVALID_SLUG", `Slug "${slug}" must be 3 to 80 lowercase letters, digits and single dashes, e.g. "budget-planner".`, {
      details: { slug },
    }),
  invalidPricing: (message: string) => new HubError("INVALID_PRICING", message),
  notEditable: (status: string) =>
    new HubError("SOLUTION_NOT_EDITABLE", `Only DRAFT solutions can be updated; this one is ${status}. An operator can return it to DRAFT by rejecting it in review.`, {
      httpStatus: 409,
      details: { status },
    }),
  notPublished: (id: string, status: string) =>
    new HubError("SOLUTION_NOT_PUBLISHED", `Solution "${id}" is ${status}; banks can subscribe to and review PUBLISHED solutions only.`, {
      httpStatus: 409,
      details: { id, status },
    }),
  alreadySubscribed: (bankId: string, solutionId: string) =>
    new HubError("ALREADY_SUBSCRIBED", `Bank "${bankId}" already has an active subscription to solution "${solutionId}"; cancel it first to change plan.`, {
      httpStatus: 409,
      details: { bankId, solutionId },
    }),
  subscriptionCancelled: (id: string) =>
    new HubError("ILLEGAL_STATE_TRANSITION", `Subscription "${id}" is already CANCELLED.`, { httpStatus: 409, details: { from: "CANCELLED", to: "CANCELLED" } }),
  reasonRequired: (to: string) =>
    new HubError("CURATION_REASON_REQUIRED", `Moving a solution to ${to} needs a "reason" the vendor can act on.`, { details: { to } }),
  invalidRating: (rating: number) =>
    new HubError("INVALID_RATING", `A rating is a whole number from 1 to 5, got ${rating}.`, { details: { rating } }),
  invalidReviewText: (length: number, max: number) =>
    new HubError("INVALID_REVIEW_TEXT", `A review text must be 1 to ${max} characters, got ${length}.`, { details: { length, max } }),
  invalidBankId: (bankId: string) =>
    new HubError("INVALID_BANK_ID", `Bank id "${bankId}" is not a bank slug such as "musterbank".`, { details: { bankId } }),
  searchTooLong: (length: number, max: number) =>
    new HubError("SEARCH_TOO_LONG", `"search" may be at most ${max} characters, got ${length}.`, { details: { length, max } }),
};
