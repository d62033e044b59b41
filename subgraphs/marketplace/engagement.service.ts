/** @module What banks do with published solutions: subscribe, cancel, review; each with its event, in one transaction. */
import type { EntityManager } from "@mikro-orm/core";
import { LockMode, UniqueConstraintViolationException } from "@mikro-orm/core";
import type { Caller } from "../shared/context.js";
import { commonErrors } from "../shared/errors.js";
import { assertUuid, newId } from "../shared/ids.js";
import { recordEvent } from "../shared/outbox.js";
import { assertBankSide } from "./caller-identity.js";
import { ListingStatus, Solution, SolutionReview, SolutionSubscription, SolutionSubscriptionStatus } from "./entities/index.js";
import { marketplaceErrors } from "./errors.js";
import { statusName } from "./listing-state.js";
import type { ReviewSolutionInput, SubscribeToSolutionInput } from "./resolvers/types/solution.inputs.js";
import { bankId as checkBankId, plan, rating, reviewerName, reviewText } from "./solution-input.js";

const SCHEMA = "marketplace";

/** The banks this hub fronts (from the connector registry's configuration). */
export interface KnownBanks {
  has(bankId: string): boolean;
  ids(): string[];
}

export class EngagementService {
  constructor(
    private readonly em: EntityManager,
    private readonly banks: KnownBanks,
  ) {}

  async subscribe(input: SubscribeToSolutionInput, caller: Caller): Promise<SolutionSubscription> {
    assertBankSide(caller);
    const solutionId = assertUuid(input.solutionId, "solutionId");
    const bankId = this.knownBank(input.bankId);
    const planName = plan(input.plan);
    try {
      return await this.em.transactional(async (tx) => {
        const solution = await this.publishedSolution(tx, solutionId);
        const subscription = Object.assign(new SolutionSubscription(), {
          id: newId(),
          solutionId,
          bankId,
          status: SolutionSubscriptionStatus.ACTIVE,
          plan: planName,
          since: new Date(),
          cancelledAt: null,
        });
        await tx.persist(subscription).flush();
        await recordEvent(tx, SCHEMA, {
          type: "solution.subscribed",
          subject: `Solution:${solutionId}`,
          bankId,
          tppId: solution.vendorId,
          payload: { subscriptionId: subscription.id, plan: planName },
        });
        return subscription;
      });
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) throw marketplaceErrors.alreadySubscribed(bankId, solutionId);
      throw error;
    }
  }

  async cancel(subscriptionId: string, caller: Caller): Promise<SolutionSubscription> {
    assertBankSide(caller);
    const id = assertUuid(subscriptionId, "subscriptionId");
    return this.em.transactional(async (tx) => {
      const subscription = await tx.findOne(SolutionSubscription, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
      if (!subscription) throw marketplaceErrors.subscriptionNotFound(id);
      if (subscription.status === SolutionSubscriptionStatus.CANCELLED) throw marketplaceErrors.subscriptionCancelled(id);
      Object.assign(subscription, { status: SolutionSubscriptionStatus.CANCELLED, cancelledAt: new Date() });
      await tx.flush();
      const solution = await tx.findOne(Solution, { id: subscription.solutionId });
      await recordEvent(tx, SCHEMA, {
        type: "solution.subscription_cancelled",
        subject: `Solution:${subscription.solutionId}`,
        bankId: subscription.bankId,
        tppId: solution?.vendorId,
        payload: { subscriptionId: id, plan: subscription.plan },
      });
      return subscription;
    });
  }

  async review(input: ReviewSolutionInput, caller: Caller): Promise<SolutionReview> {
    assertBankSide(caller);
    const solutionId = assertUuid(input.solutionId, "solutionId");
    if (Boolean(input.bankId) === Boolean(input.reviewerName)) {
      throw commonErrors.badInput('A review needs exactly one author: "bankId" for a bank, or "reviewerName".', { field: "bankId" });
    }
    const bankId = input.bankId ? this.knownBank(input.bankId) : null;
    const review = Object.assign(new SolutionReview(), {
      id: newId(),
      solutionId,
      bankId,
      author: bankId ?? reviewerName(input.reviewerName!),
      rating: rating(input.rating),
      text: reviewText(input.text),
      createdAt: new Date(),
    });
    return this.em.transactional(async (tx) => {
      const solution = await this.publishedSolution(tx, solutionId);
      await tx.persist(review).flush();
      await recordEvent(tx, SCHEMA, {
        type: "solution.reviewed",
        subject: `Solution:${solutionId}`,
        bankId,
        tppId: solution.vendorId,
        payload: { reviewId: review.id, rating: review.rating, author: review.author },
      });
      return review;
    });
  }

  /** The solution, share-locked so that it cannot be delisted while a bank subscribes to or reviews it. */
  private async publishedSolution(tx: EntityManager, id: string): Promise<Solution> {
    const solution = await tx.findOne(Solution, { id }, { lockMode: LockMode.PESSIMISTIC_READ, refresh: true });
    if (!solution) throw marketplaceErrors.solutionNotFound(id);
    if (solution.listingStatus !== ListingStatus.PUBLISHED) throw marketplaceErrors.notPublished(id, statusName(solution.listingStatus));
    return solution;
  }

  private knownBank(bankId: string): string {
    checkBankId(bankId);
    if (!this.banks.has(bankId)) throw marketplaceErrors.bankNotFound(bankId, this.banks.ids());
    return bankId;
  }
}
