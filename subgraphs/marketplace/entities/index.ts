export { CurationDecision } from "./curation-decision.entity.js";
export { CurationAction, ListingStatus, PricingModel, SolutionApi, SolutionCategory, SolutionOrder, SolutionSubscriptionStatus } from "./enums.js";
export { Solution } from "./solution.entity.js";
export { SolutionReview } from "./solution-review.entity.js";
export { SolutionSubscription } from "./solution-subscription.entity.js";
