/** @module Deterministic sandbox catalogue, curation history, subscriptions and reviews; written once, on first start. */
import type { EntityManager } from "@mikro-orm/core";
import { sandboxId } from "../shared/ids.js";
import { parseAmount } from "../shared/money.js";
import { sandboxTppId } from "../shared/sandbox.js";
import { CurationAction, CurationDecision, ListingStatus, Solution, SolutionReview, SolutionSubscription, SolutionSubscriptionStatus } from "./entities/index.js";
import { SEED_SOLUTIONS, type SeedSolution } from "./seed-data.js";
import { slugify } from "./solution-input.js";

const SEEDED_AT = Date.parse("2026-02-01T09:00:00Z");
const DAY = 86_400_000;
const CURATOR = "operator:sandbox";

export const seedSolutionId = (key: string) => sandboxId("solution", key);

/** The curation steps that lead to a seeded status: [action, from, to, by-vendor?, reason]. */
function historyOf(status: ListingStatus): [CurationAction, ListingStatus | null, ListingStatus, boolean, string | null][] {
  const { DRAFT, IN_REVIEW, PUBLISHED, DELISTED } = ListingStatus;
  const created: [CurationAction, null, ListingStatus, boolean, null] = [CurationAction.CREATED, null, DRAFT, true, null];
  const submitted: [CurationAction, ListingStatus, ListingStatus, boolean, null] = [CurationAction.SUBMITTED, DRAFT, IN_REVIEW, true, null];
  const approved: [CurationAction, ListingStatus, ListingStatus, boolean, string] = [CurationAction.APPROVED, IN_REVIEW, PUBLISHED, false, "meets the catalogue guidelines"];
  if (status === DRAFT) return [created, submitted, [CurationAction.REJECTED, IN_REVIEW, DRAFT, false, "pricing notes do not say what a customer pays"]];
  if (status === IN_REVIEW) return [created, submitted];
  if (status === PUBLISHED) return [created, submitted, approved];
  return [created, submitted, approved, [CurationAction.DELISTED, PUBLISHED, DELISTED, false, "vendor TPP suspended by the hub operator"]];
}

export async function seedMarketplace(em: EntityManager): Promise<void> {
  if ((await em.count(Solution, {})) > 0) return;
  await em.transactional(async (tx) => {
    SEED_SOLUTIONS.forEach((seed, index) => {
      const id = seedSolutionId(seed.key);
      const vendorId = sandboxTppId(seed.vendor);
      const created = SEEDED_AT + index * 3_600_000;
      const history = historyOf(seed.status);
      const at = (step: number) => new Date(created + step * DAY);
      history.forEach(([action, from, to, byVendor, reason], step) =>
        tx.persist(
          Object.assign(new CurationDecision(), {
            id: sandboxId("curation", `${seed.key}:${step}`),
            solutionId: id,
            decision: action,
            fromStatus: from,
            toStatus: to,
            decidedBy: byVendor ? vendorId : CURATOR,
            reason,
            decidedAt: at(step),
          }),
        ),
      );
      const approvedStep = history.findIndex(([action]) => action === CurationAction.APPROVED);
      tx.persist(solutionOf(seed, id, vendorId, new Date(created), at(history.length - 1), approvedStep < 0 ? null : at(approvedStep)));
      seed.subscriptions.forEach((s, n) =>
        tx.persist(
          Object.assign(new SolutionSubscription(), {
            id: sandboxId("solution-subscription", `${seed.key}:${s.bank}`),
            solutionId: id,
            bankId: s.bank,
            status: s.cancelled ? SolutionSubscriptionStatus.CANCELLED : SolutionSubscriptionStatus.ACTIVE,
            plan: s.plan,
            since: new Date(created + (approvedStep + 1 + n) * DAY),
            cancelledAt: s.cancelled ? new Date(created + (approvedStep + 20 + n) * DAY) : null,
          }),
        ),
      );
      seed.reviews.forEach((r, n) =>
        tx.persist(
          Object.assign(new SolutionReview(), {
            id: sandboxId("solution-review", `${seed.key}:${n}`),
            solutionId: id,
            bankId: r.bank ?? null,
            author: r.bank ?? r.reviewer!,
            rating: r.rating,
            text: r.text,
            createdAt: new Date(created + (approvedStep + 10 + n) * DAY),
          }),
        ),
      );
    });
  });
}

function solutionOf(seed: SeedSolution, id: string, vendorId: string, createdAt: Date, updatedAt: Date, publishedAt: Date | null): Solution {
  return Object.assign(new Solution(), {
    id,
    vendorId,
    name: seed.name,
    slug: slugify(seed.name),
    category: seed.category,
    description: seed.description,
    pricingModel: seed.pricingModel,
    priceMinor: seed.price ? parseAmount(seed.price.amount, seed.price.currency) : null,
    priceCurrency: seed.price?.currency ?? null,
    pricingNotes: seed.pricingNotes ?? null,
    apisUsed: seed.apis,
    listingStatus: seed.status,
    createdAt,
    updatedAt,
    publishedAt,
  });
}
