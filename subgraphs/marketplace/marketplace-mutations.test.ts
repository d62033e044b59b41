import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Caller } from "../shared/context.js";
import { sandboxTppId } from "../shared/sandbox.js";
import { openMarketplace, type Harness } from "./marketplace.testing.js";
import { seedSolutionId } from "./seed.js";

let hub: Harness;
beforeAll(async () => {
  hub = await openMarketplace();
});
afterAll(() => hub?.drop());

const TAXMATE = sandboxTppId("taxmate");
const tppCaller = (tppId: string): Caller => ({ kind: "tpp", tppId, scopes: [] });
const SOLUTION_FIELDS = "id slug listingStatus pricingModel price { amount currency } pricingNotes publishedAt curationHistory { decision fromStatus toStatus decidedBy reason }";
const CREATE = `mutation($input: CreateSolutionInput!) { createSolution(input: $input) { ${SOLUTION_FIELDS} } }`;
const UPDATE = `mutation($input: UpdateSolutionInput!) { updateSolution(input: $input) { ${SOLUTION_FIELDS} name } }`;
const SUBMIT = `mutation($id: ID!) { submitSolutionForReview(solutionId: $id) { ${SOLUTION_FIELDS} } }`;
const CURATE = `mutation($input: CurateSolutionInput!) { curateSolution(input: $input) { ${SOLUTION_FIELDS} } }`;
const SUBSCRIBE = `mutation($input: SubscribeToSolutionInput!) { subscribeToSolution(input: $input) { id status plan bank { id } solution { name } } }`;
const CANCEL = `mutation($id: ID!) { cancelSolutionSubscription(subscriptionId: $id) { id status cancelledAt } }`;
const REVIEW = `mutation($input: ReviewSolutionInput!) { reviewSolution(input: $input) { author rating text bank { id } solution { averageRating reviewCount } } }`;

const draft = (overrides: Record<string, unknown> = {}) => ({
  vendorId: TAXMATE,
  name: "TaxMate Payroll Bridge",
  category: "ACCOUNTING",
  description: "Pays salaries from the business account and books them automatically.",
  pricingModel: "FLAT_MONTHLY",
  price: { amount: "39.90", currency: "EUR" },
  apisUsed: ["PAYMENTS", "TRANSACTIONS", "PAYMENTS"],
  ...overrides,
});
const events = (subject: string) =>
  hub.rows<{ type: string; payload: any }>(`select type, payload from marketplace.outbox where subject = ? order by id`, [subject]).then((rows) => rows.map((r) => r.type));
const count = (table: string) => hub.rows<{ n: number }>(`select count(*)::int as n from marketplace.${table}`).then((r) => Number(r[0]!.n));

describe("listing lifecycle", () => {
  it("creates a draft with its history and event, vendor from the caller or the interim input", async () => {
    const { createSolution } = await hub.data(CREATE, { input: draft() });
    expect(createSolution).toMatchObject({ slug: "taxmate-payroll-bridge", listingStatus: "DRAFT", price: { amount: "39.90", currency: "EUR" }, publishedAt: null });
    expect(createSolution.curationHistory).toEqual([{ decision: "CREATED", fromStatus: null, toStatus: "DRAFT", decidedBy: TAXMATE, reason: null }]);
    expect(await events(`Solution:${createSolution.id}`)).toEqual(["solution.created"]);

    const own = await hub.data(CREATE, { input: draft({ vendorId: undefined, name: "TaxMate Receipts", slug: "taxmate-receipts" }) }, tppCaller(TAXMATE));
    expect((await hub.data(`query($id: ID!) { solution(id: $id) { vendor { id } } }`, { id: own.createSolution.id })).solution.vendor.id).toBe(TAXMATE);
    expect(await hub.failure(CREATE, { input: draft({ vendorId: undefined, slug: "x-one" }) })).toBe("BAD_USER_INPUT");
    expect(await hub.failure(CREATE, { input: draft({ slug: "x-two" }) }, tppCaller(sandboxTppId("paystream")))).toBe("FORBIDDEN");
  });

  it("refuses bad listings with codes and writes nothing", async () => {
    const before = await count("solution");
    expect(await hub.failure(CREATE, { input: draft() })).toBe("SLUG_TAKEN");
    expect(await hub.failure(CREATE, { input: draft({ slug: "Bad Slug" }) })).toBe("INVALID_SLUG");
    expect(await hub.failure(CREATE, { input: draft({ slug: "free-x", pricingModel: "FREE" }) })).toBe("INVALID_PRICING");
    expect(await hub.failure(CREATE, { input: draft({ slug: "per-call-x", pricingModel: "PER_CALL", price: null }) })).toBe("INVALID_PRICING");
    expect(await hub.failure(CREATE, { input: draft({ slug: "cents-x", price: { amount: "1.999", currency: "EUR" } }) })).toBe("INVALID_AMOUNT");
    expect(await hub.failure(CREATE, { input: draft({ slug: "apis-x", apisUsed: [] }) })).toBe("BAD_USER_INPUT");
    expect(await hub.failure(CREATE, { input: draft({ slug: "desc-x", description: "short" }) })).toBe("BAD_USER_INPUT");
    expect(await hub.failure(CREATE, { input: draft({ slug: "cat-x", category: "GAMBLING" }) })).toMatch(/"GAMBLING" does not exist in "SolutionCategory"/);
    expect(await hub.failure(CREATE, { input: draft({ slug: "vendor-x", vendorId: "taxmate" }) })).toBe("BAD_USER_INPUT");
    expect(await count("solution")).toBe(before);
  });

  it("edits drafts only, keeping the pricing coherent", async () => {
    const { createSolution: created } = await hub.data(CREATE, { input: draft({ name: "TaxMate Expense Cards", slug: undefined }) });
    const free = await hub.data(UPDATE, { input: { solutionId: created.id, name: "TaxMate Expense Card", pricingModel: "FREE" } });
    expect(free.updateSolution).toMatchObject({ name: "TaxMate Expense Card", slug: "taxmate-expense-cards", pricingModel: "FREE", price: null });
    expect(await hub.failure(UPDATE, { input: { solutionId: created.id, pricingModel: "PER_CALL" } })).toBe("INVALID_PRICING");
    expect(await hub.failure(UPDATE, { input: { solutionId: created.id, slug: "taxmate-payroll-bridge" } })).toBe("SLUG_TAKEN");
    expect(await hub.failure(UPDATE, { input: { solutionId: created.id, name: "Renamed" } }, tppCaller(sandboxTppId("paystream")))).toBe("FORBIDDEN");
    const unchanged = await hub.data(`query($id: ID!) { solution(id: $id) { name slug pricingModel } }`, { id: created.id });
    expect(unchanged.solution).toEqual({ name: "TaxMate Expense Card", slug: "taxmate-expense-cards", pricingModel: "FREE" });
    expect(await hub.failure(UPDATE, { input: { solutionId: seedSolutionId("bookkeeping-sync"), name: "Renamed" } })).toBe("SOLUTION_NOT_EDITABLE");
    expect(await hub.failure(UPDATE, { input: { solutionId: "00000000-0000-4000-8000-000000000000", name: "Renamed" } })).toBe("SOLUTION_NOT_FOUND");
  });

  it("goes through review to the catalogue and back, with history and events", async () => {
    const { createSolution: created } = await hub.data(CREATE, { input: draft({ name: "TaxMate Dunning Robot", description: "Chases overdue invoices and reconciles incoming payments." }) });
    const id = created.id;
    expect((await hub.data(SUBMIT, { id })).submitSolutionForReview.listingStatus).toBe("IN_REVIEW");
    expect(await hub.failure(UPDATE, { input: { solutionId: id, name: "Too late" } })).toBe("SOLUTION_NOT_EDITABLE");
    expect(await hub.failure(CURATE, { input: { solutionId: id, status: "DRAFT" } })).toBe("CURATION_REASON_REQUIRED");
    const rejected = await hub.data(CURATE, { input: { solutionId: id, status: "DRAFT", reason: "Say which invoice formats are supported." } });
    expect(rejected.curateSolution.listingStatus).toBe("DRAFT");
    await hub.data(SUBMIT, { id }, tppCaller(TAXMATE));
    const published = (await hub.data(CURATE, { input: { solutionId: id, status: "PUBLISHED" } })).curateSolution;
    expect(published.listingStatus).toBe("PUBLISHED");
    expect(published.publishedAt).not.toBeNull();
    const found = await hub.data(`{ solutions(search: "dunning overdue") { edges { node { id } } } }`);
    expect(found.solutions.edges.map((e: any) => e.node.id)).toEqual([id]);

    expect(await hub.failure(CURATE, { input: { solutionId: id, status: "DELISTED", reason: "  " } })).toBe("CURATION_REASON_REQUIRED");
    await hub.data(CURATE, { input: { solutionId: id, status: "DELISTED", reason: "Vendor asked to pause the listing." } });
    expect(await hub.failure(CURATE, { input: { solutionId: id, status: "PUBLISHED" } })).toBe("ILLEGAL_STATE_TRANSITION");
    const reopened = (await hub.data(CURATE, { input: { solutionId: id, status: "IN_REVIEW" } })).curateSolution;
    expect(reopened.curationHistory.map((d: any) => [d.decision, d.fromStatus, d.toStatus])).toEqual([
      ["CREATED", null, "DRAFT"],
      ["SUBMITTED", "DRAFT", "IN_REVIEW"],
      ["REJECTED", "IN_REVIEW", "DRAFT"],
      ["SUBMITTED", "DRAFT", "IN_REVIEW"],
      ["APPROVED", "IN_REVIEW", "PUBLISHED"],
      ["DELISTED", "PUBLISHED", "DELISTED"],
      ["RESUBMITTED", "DELISTED", "IN_REVIEW"],
    ]);
    expect(reopened.curationHistory[2]).toMatchObject({ decidedBy: "operator:sandbox", reason: "Say which invoice formats are supported." });
    expect(await events(`Solution:${id}`)).toEqual([
      "solution.created",
      "solution.status_changed",
      "solution.status_changed",
      "solution.status_changed",
      "solution.published",
      "solution.status_changed",
      "solution.status_changed",
    ]);
  });

  it("refuses illegal moves and moves by the wrong party", async () => {
    const published = seedSolutionId("card-guard");
    expect(await hub.failure(SUBMIT, { id: published })).toBe("ILLEGAL_STATE_TRANSITION");
    expect(await hub.failure(CURATE, { input: { solutionId: seedSolutionId("vat-assistant"), status: "PUBLISHED" } })).toBe("ILLEGAL_STATE_TRANSITION");
    expect(await hub.failure(CURATE, { input: { solutionId: seedSolutionId("vat-assistant"), status: "IN_REVIEW" } })).toBe("ILLEGAL_STATE_TRANSITION");
    expect(await hub.failure(CURATE, { input: { solutionId: seedSolutionId("carbon-ledger"), status: "PUBLISHED" } }, tppCaller(sandboxTppId("greenledger")))).toBe("FORBIDDEN");
    expect(await hub.failure(SUBMIT, { id: seedSolutionId("vat-assistant") }, tppCaller(sandboxTppId("paystream")))).toBe("FORBIDDEN");
    expect(await hub.failure(SUBMIT, { id: "vat-assistant" })).toBe("BAD_USER_INPUT");
    const state = await hub.data(`query($id: ID!) { solution(id: $id) { listingStatus } }`, { id: seedSolutionId("vat-assistant") });
    expect(state.solution.listingStatus).toBe("DRAFT");
  });
});

describe("subscriptions", () => {
  it("allows one active subscription per bank and solution, enforced by the database", async () => {
    const solutionId = seedSolutionId("payouts");
    const first = (await hub.data(SUBSCRIBE, { input: { solutionId, bankId: "musterbank", plan: "enterprise" } })).subscribeToSolution;
    expect(first).toMatchObject({ status: "ACTIVE", plan: "enterprise", bank: { id: "musterbank" }, solution: { name: "PayStream Payouts" } });
    expect(await hub.failure(SUBSCRIBE, { input: { solutionId, bankId: "musterbank" } })).toBe("ALREADY_SUBSCRIBED");
    expect((await hub.data(SUBSCRIBE, { input: { solutionId, bankId: "beispielbank" } })).subscribeToSolution.plan).toBe("standard");

    const cancelled = (await hub.data(CANCEL, { id: first.id })).cancelSolutionSubscription;
    expect(cancelled).toMatchObject({ status: "CANCELLED", cancelledAt: expect.any(String) });
    expect(await hub.failure(CANCEL, { id: first.id })).toBe("ILLEGAL_STATE_TRANSITION");
    await hub.data(SUBSCRIBE, { input: { solutionId, bankId: "musterbank" } });
    const subs = await hub.data(`query($id: ID!) { solution(id: $id) { active: subscriptions(status: ACTIVE) { bank { id } } all: subscriptions { status } } }`, { id: solutionId });
    expect(subs.solution.active.map((s: any) => s.bank.id).sort()).toEqual(["beispielbank", "musterbank"]);
    expect(subs.solution.all).toHaveLength(3);
    expect(await events(`Solution:${solutionId}`)).toEqual(["solution.subscribed", "solution.subscribed", "solution.subscription_cancelled", "solution.subscribed"]);
  });

  it("refuses unknown banks, unpublished solutions and TPP callers", async () => {
    const before = await count("solution_subscription");
    expect(await hub.failure(SUBSCRIBE, { input: { solutionId: seedSolutionId("card-guard"), bankId: "otherbank" } })).toBe("BANK_NOT_FOUND");
    expect(await hub.failure(SUBSCRIBE, { input: { solutionId: seedSolutionId("card-guard"), bankId: "Muster Bank" } })).toBe("INVALID_BANK_ID");
    expect(await hub.failure(SUBSCRIBE, { input: { solutionId: seedSolutionId("card-guard"), bankId: "beispielbank", plan: "Gold Plan" } })).toBe("BAD_USER_INPUT");
    expect(await hub.failure(SUBSCRIBE, { input: { solutionId: seedSolutionId("affordability-score"), bankId: "musterbank" } })).toBe("SOLUTION_NOT_PUBLISHED");
    expect(await hub.failure(SUBSCRIBE, { input: { solutionId: "00000000-0000-4000-8000-000000000000", bankId: "musterbank" } })).toBe("SOLUTION_NOT_FOUND");
    expect(await hub.failure(SUBSCRIBE, { input: { solutionId: seedSolutionId("card-guard"), bankId: "beispielbank" } }, tppCaller(TAXMATE))).toBe("FORBIDDEN");
    expect(await hub.failure(CANCEL, { id: "00000000-0000-4000-8000-000000000000" })).toBe("SOLUTION_SUBSCRIPTION_NOT_FOUND");
    expect(await count("solution_subscription")).toBe(before);
  });
});

describe("reviews", () => {
  it("refuses bad ratings, texts and authors, and unpublished solutions, writing nothing", async () => {
    const before = await count("solution_review");
    const review = (overrides: Record<string, unknown>) => ({ input: { solutionId: seedSolutionId("payouts"), bankId: "musterbank", rating: 4, text: "Good.", ...overrides } });
    expect(await hub.failure(REVIEW, review({ rating: 0 }))).toBe("INVALID_RATING");
    expect(await hub.failure(REVIEW, review({ rating: 6 }))).toBe("INVALID_RATING");
    expect(await hub.failure(REVIEW, review({ text: "x".repeat(2001) }))).toBe("INVALID_REVIEW_TEXT");
    expect(await hub.failure(REVIEW, review({ text: "   " }))).toBe("INVALID_REVIEW_TEXT");
    expect(await hub.failure(REVIEW, review({ bankId: null }))).toBe("BAD_USER_INPUT");
    expect(await hub.failure(REVIEW, review({ reviewerName: "Max" }))).toBe("BAD_USER_INPUT");
    expect(await hub.failure(REVIEW, review({ bankId: "otherbank" }))).toBe("BANK_NOT_FOUND");
    expect(await hub.failure(REVIEW, review({ solutionId: seedSolutionId("carbon-ledger") }))).toBe("SOLUTION_NOT_PUBLISHED");
    expect(await hub.failure(REVIEW, review({ rating: 4.5 }))).toMatch(/Int cannot represent non-integer value: 4.5/);
    expect(await count("solution_review")).toBe(before);
  });

  it("updates the computed average with each review", async () => {
    const solutionId = seedSolutionId("payouts");
    const first = (await hub.data(REVIEW, { input: { solutionId, bankId: "musterbank", rating: 5, text: "Payout runs are fast." } })).reviewSolution;
    expect(first).toMatchObject({ author: "musterbank", rating: 5, bank: { id: "musterbank" }, solution: { averageRating: 5, reviewCount: 1 } });
    const second = (await hub.data(REVIEW, { input: { solutionId, reviewerName: "Petra Klein", rating: 2, text: "x".repeat(2000) } })).reviewSolution;
    expect(second).toMatchObject({ author: "Petra Klein", bank: null, solution: { averageRating: 3.5, reviewCount: 2 } });
    const third = (await hub.data(REVIEW, { input: { solutionId, bankId: "beispielbank", rating: 2, text: "Fees add up." } })).reviewSolution;
    expect(third.solution).toEqual({ averageRating: 3, reviewCount: 3 });
    const [{ avg }] = await hub.rows<{ avg: number }>(`select avg(rating)::float8 as avg from marketplace.solution_review where solution_id = ?`, [solutionId]);
    expect(Number(avg)).toBe(3);
    expect((await events(`Solution:${solutionId}`)).filter((t) => t === "solution.reviewed")).toHaveLength(3);
  });
});
