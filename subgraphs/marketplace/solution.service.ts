/** @module A listing's life: create and edit drafts, submit, curate; each step with its history row and event, in one transaction. */
import type { EntityManager } from "@mikro-orm/core";
import { LockMode, UniqueConstraintViolationException } from "@mikro-orm/core";
import type { Caller } from "../shared/context.js";
import { commonErrors } from "../shared/errors.js";
import { assertUuid, newId } from "../shared/ids.js";
import { formatAmount } from "../shared/money.js";
import { recordEvent } from "../shared/outbox.js";
import { assertVendorOf, curatorOf, vendorFor } from "./caller-identity.js";
import { CurationAction, CurationDecision, ListingStatus, Solution } from "./entities/index.js";
import { marketplaceErrors } from "./errors.js";
import { assertMove, isEditable, statusName, type ListingActor } from "./listing-state.js";
import type { CreateSolutionInput, CurateSolutionInput, UpdateSolutionInput } from "./resolvers/types/solution.inputs.js";
import { apisUsed, pricing, slugify, solutionDescription, solutionName, solutionSlug, takesPrice } from "./solution-input.js";

const SCHEMA = "marketplace";

export class SolutionService {
  constructor(private readonly em: EntityManager) {}

  async create(input: CreateSolutionInput, caller: Caller): Promise<Solution> {
    const vendorId = vendorFor(caller, input.vendorId);
    const name = solutionName(input.name);
    const now = new Date();
    const solution = Object.assign(new Solution(), {
      id: newId(),
      vendorId,
      name,
      slug: solutionSlug(input.slug ?? slugify(name)),
      category: input.category,
      description: solutionDescription(input.description),
      ...pricing(input.pricingModel, input.price, input.pricingNotes),
      apisUsed: apisUsed(input.apisUsed),
      listingStatus: ListingStatus.DRAFT,
      createdAt: now,
      updatedAt: now,
      publishedAt: null,
    });
    await this.savingSlug(solution.slug, () =>
      this.em.transactional(async (tx) => {
        tx.persist(solution);
        tx.persist(decision(solution.id, CurationAction.CREATED, null, ListingStatus.DRAFT, vendorId, null, now));
        await tx.flush();
        await recordEvent(tx, SCHEMA, {
          type: "solution.created",
          subject: `Solution:${solution.id}`,
          tppId: vendorId,
          payload: { status: solution.listingStatus, slug: solution.slug, category: solution.category },
        });
      }),
    );
    return solution;
  }

  /** Edits a DRAFT. Everything is checked before the entity is touched, so a refusal leaves nothing half-changed. */
  async update(input: UpdateSolutionInput, caller: Caller): Promise<Solution> {
    const id = assertUuid(input.solutionId, "solutionId");
    const changes: Partial<Solution> = {};
    if (input.name != null) changes.name = solutionName(input.name);
    if (input.slug != null) changes.slug = solutionSlug(input.slug);
    if (input.category != null) changes.category = input.category;
    if (input.description != null) changes.description = solutionDescription(input.description);
    if (input.apisUsed != null) changes.apisUsed = apisUsed(input.apisUsed);
    return this.savingSlug(changes.slug ?? "", () =>
      this.em.transactional(async (tx) => {
        const solution = await this.lock(tx, id);
        assertVendorOf(caller, solution.vendorId);
        if (!isEditable(solution.listingStatus)) throw marketplaceErrors.notEditable(statusName(solution.listingStatus));
        const model = input.pricingModel ?? solution.pricingModel;
        const current = solution.priceMinor != null && takesPrice(model) ? { amount: formatAmount(solution.priceMinor, solution.priceCurrency!), currency: solution.priceCurrency! } : null;
        const price = pricing(model, input.price !== undefined ? input.price : current, input.pricingNotes !== undefined ? input.pricingNotes : solution.pricingNotes);
        Object.assign(solution, changes, price, { updatedAt: new Date() });
        await tx.flush();
        await recordEvent(tx, SCHEMA, {
          type: "solution.updated",
          subject: `Solution:${solution.id}`,
          tppId: solution.vendorId,
          payload: { fields: Object.entries(input).filter(([k, v]) => k !== "solutionId" && v !== undefined).map(([k]) => k) },
        });
        return solution;
      }),
    );
  }

  submit(solutionId: string, caller: Caller): Promise<Solution> {
    return this.move(solutionId, ListingStatus.IN_REVIEW, "vendor", caller, null);
  }

  curate(input: CurateSolutionInput, caller: Caller): Promise<Solution> {
    curatorOf(caller);
    return this.move(input.solutionId, input.status, "operator", caller, input.reason);
  }

  private async move(solutionId: string, to: ListingStatus, by: ListingActor, caller: Caller, reason: string | null | undefined): Promise<Solution> {
    const id = assertUuid(solutionId, "solutionId");
    const why = reason?.trim() || null;
    if (why && why.length > 1000) throw commonErrors.badInput(`"reason" may be at most 1000 characters, got ${why.length}.`, { field: "reason" });
    return this.em.transactional(async (tx) => {
      const solution = await this.lock(tx, id);
      if (by === "vendor") assertVendorOf(caller, solution.vendorId);
      const from = solution.listingStatus;
      const move = assertMove(from, to, by);
      if (move.needsReason && !why) throw marketplaceErrors.reasonRequired(statusName(to));
      const at = new Date();
      const who = by === "vendor" ? solution.vendorId : curatorOf(caller);
      tx.persist(decision(solution.id, move.action, from, to, who, why, at));
      Object.assign(solution, { listingStatus: to, updatedAt: at, ...(to === ListingStatus.PUBLISHED ? { publishedAt: at } : {}) });
      await tx.flush();
      await recordEvent(tx, SCHEMA, {
        type: to === ListingStatus.PUBLISHED ? "solution.published" : "solution.status_changed",
        subject: `Solution:${solution.id}`,
        tppId: solution.vendorId,
        payload: { from, to, action: move.action, reason: why, decidedBy: who },
      });
      return solution;
    });
  }

  private async lock(tx: EntityManager, id: string): Promise<Solution> {
    const solution = await tx.findOne(Solution, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
    if (!solution) throw marketplaceErrors.solutionNotFound(id);
    return solution;
  }

  private async savingSlug<T>(slug: string, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) throw marketplaceErrors.slugTaken(slug);
      throw error;
    }
  }
}

function decision(solutionId: string, action: CurationAction, from: ListingStatus | null, to: ListingStatus, decidedBy: string, reason: string | null, at: Date) {
  return Object.assign(new CurationDecision(), { id: newId(), solutionId, decision: action, fromStatus: from, toStatus: to, decidedBy, reason, decidedAt: at });
}
