/** @module The marketplace's vocabularies: GraphQL values in SCREAMING_SNAKE, stored as the domain spells them. */
import { registerEnumType } from "type-graphql";

export enum ListingStatus {
  DRAFT = "draft",
  IN_REVIEW = "inReview",
  PUBLISHED = "published",
  DELISTED = "delisted",
}
registerEnumType(ListingStatus, {
  name: "ListingStatus",
  description: "Where a solution stands in the catalogue: a vendor drafts and submits it, an operator curates it.",
});

export enum SolutionCategory {
  PERSONAL_FINANCE = "personalFinance",
  ACCOUNTING = "accounting",
  LENDING = "lending",
  PAYMENTS = "payments",
  IDENTITY = "identity",
  SUSTAINABILITY = "sustainability",
  TREASURY = "treasury",
}
registerEnumType(SolutionCategory, { name: "SolutionCategory", description: "The catalogue shelf a solution is browsed under." });

export enum PricingModel {
  FREE = "free",
  FLAT_MONTHLY = "flatMonthly",
  PER_CALL = "perCall",
  REVENUE_SHARE = "revenueShare",
  CUSTOM = "custom",
}
registerEnumType(PricingModel, {
  name: "PricingModel",
  description: "How a bank pays for a solution. FLAT_MONTHLY and PER_CALL carry a price; FREE and REVENUE_SHARE do not; CUSTOM may.",
});

export enum SolutionApi {
  ACCOUNTS = "accounts",
  BALANCES = "balances",
  TRANSACTIONS = "transactions",
  PAYMENTS = "payments",
  FUNDS_CONFIRMATION = "fundsConfirmation",
}
registerEnumType(SolutionApi, { name: "SolutionApi", description: "The hub APIs a solution calls on the subscribing bank's behalf." });

export enum CurationAction {
  CREATED = "created",
  SUBMITTED = "submitted",
  APPROVED = "approved",
  REJECTED = "rejected",
  DELISTED = "delisted",
  RESUBMITTED = "resubmitted",
}
registerEnumType(CurationAction, { name: "CurationAction", description: "What one step of a solution's curation history did." });

export enum SolutionSubscriptionStatus {
  ACTIVE = "active",
  CANCELLED = "cancelled",
}
registerEnumType(SolutionSubscriptionStatus, { name: "SolutionSubscriptionStatus" });

export enum SolutionOrder {
  RELEVANCE = "relevance",
  NAME = "name",
}
registerEnumType(SolutionOrder, {
  name: "SolutionOrder",
  description: "RELEVANCE (best match of `search` first, then by name) or NAME (alphabetical). Default: RELEVANCE with a search, NAME without.",
});
