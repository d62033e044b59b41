import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SANDBOX_TPPS, sandboxTppId } from "../shared/sandbox.js";
import { openMarketplace, type Harness } from "./marketplace.testing.js";
import { SEED_SOLUTIONS } from "./seed-data.js";
import { seedSolutionId } from "./seed.js";

let hub: Harness;
beforeAll(async () => {
  hub = await openMarketplace();
});
afterAll(() => hub?.drop());

const BROWSE = `query Browse($category: SolutionCategory, $search: String, $status: ListingStatus, $vendorId: ID, $orderBy: SolutionOrder, $first: Int, $after: String) {
  solutions(category: $category, search: $search, status: $status, vendorId: $vendorId, orderBy: $orderBy, first: $first, after: $after) {
    edges { cursor node { id name listingStatus price { amount currency } } }
    pageInfo { hasNextPage hasPreviousPage endCursor }
  }
}`;
const names = async (variables: Record<string, unknown>) => (await hub.data(BROWSE, variables)).solutions.edges.map((e: any) => e.node.name);

async function walk(variables: Record<string, unknown>, first: number): Promise<string[]> {
  const seen: string[] = [];
  let after: string | undefined;
  for (let page = 0; page < 20; page++) {
    const { solutions } = await hub.data(BROWSE, { ...variables, first, after });
    expect(solutions.edges.length).toBeLessThanOrEqual(first);
    expect(solutions.pageInfo.hasPreviousPage).toBe(page > 0);
    seen.push(...solutions.edges.map((e: any) => e.node.name));
    if (!solutions.pageInfo.hasNextPage) return seen;
    after = solutions.pageInfo.endCursor;
  }
  throw new Error("pagination did not end");
}

describe("marketplace catalogue", () => {
  it("is seeded with the sandbox TPPs' solutions, their history, subscriptions and reviews", async () => {
    const all = await hub.data(BROWSE, { status: null, first: 100 });
    const statuses = all.solutions.edges.map((e: any) => e.node.listingStatus);
    expect(statuses).toHaveLength(SEED_SOLUTIONS.length);
    expect(statuses.filter((s: string) => s === "PUBLISHED")).toHaveLength(8);
    for (const once of ["IN_REVIEW", "DRAFT", "DELISTED"]) expect(statuses.filter((s: string) => s === once)).toHaveLength(1);

    const { solution } = await hub.data(
      `query($id: ID!) { solution(id: $id) { slug vendor { id } price { amount currency } apisUsed pricingModel
         curationHistory { decision fromStatus toStatus decidedBy reason }
         subscriptions { status plan bank { id } } } }`,
      { id: seedSolutionId("affordability-score") },
    );
    expect(solution).toMatchObject({ slug: "quickloan-affordability-score", vendor: { id: sandboxTppId("quickloan") }, price: { amount: "0.50", currency: "EUR" } });
    expect(solution.apisUsed).toEqual(["ACCOUNTS", "BALANCES", "TRANSACTIONS"]);
    expect(solution.curationHistory.map((d: any) => d.decision)).toEqual(["CREATED", "SUBMITTED", "APPROVED", "DELISTED"]);
    expect(solution.curationHistory[3]).toMatchObject({ fromStatus: "PUBLISHED", toStatus: "DELISTED", decidedBy: "operator:sandbox", reason: expect.stringMatching(/suspended/) });
    expect(solution.subscriptions).toEqual([{ status: "CANCELLED", plan: "pilot", bank: { id: "musterbank" } }]);

    const banks = await hub.rows<{ bank_id: string }>(`select distinct bank_id from marketplace.solution_subscription where status = 'active' order by bank_id`);
    expect(banks.map((b) => b.bank_id)).toEqual(["beispielbank", "musterbank"]);
  });

  it("browses published solutions by category, by name", async () => {
    const payments = await hub.data(BROWSE, { category: "PAYMENTS" });
    expect(payments.solutions.edges.map((e: any) => [e.node.name, e.node.price])).toEqual([
      ["CheckFunds Card Guard", { amount: "0.02", currency: "EUR" }],
      ["PayStream Instant Checkout", { amount: "0.15", currency: "EUR" }],
    ]);
    expect(await names({ category: "SUSTAINABILITY" })).toEqual(["Finanzblick CO2 Insights"]);
    expect(await names({ category: "SUSTAINABILITY", status: "IN_REVIEW" })).toEqual(["GreenLedger Carbon Ledger"]);
    expect(await names({ category: "SUSTAINABILITY", status: null })).toEqual(["Finanzblick CO2 Insights", "GreenLedger Carbon Ledger"]);
    expect(await names({ category: "LENDING" })).toEqual([]);
    expect(await names({ vendorId: sandboxTppId("taxmate"), status: null })).toEqual(["TaxMate Bookkeeping Sync", "TaxMate VAT Assistant"]);
  });

  it("searches name and description, best match first", async () => {
    // "budget" is in one name and in another description: the name match ranks higher.
    expect(await names({ search: "budget" })).toEqual(["Finanzblick Budget Planner", "Finanzblick Savings Goals"]);
    expect(await names({ search: "  BUDGET " })).toEqual(["Finanzblick Budget Planner", "Finanzblick Savings Goals"]);
    expect(await names({ search: "budget", orderBy: "NAME" })).toEqual(["Finanzblick Budget Planner", "Finanzblick Savings Goals"]);
    expect(await names({ search: "carbon", status: null })).toEqual(["GreenLedger Carbon Ledger", "Finanzblick CO2 Insights"]);
    expect(await names({ search: "funds", category: "PAYMENTS" })).toEqual(["CheckFunds Card Guard", "PayStream Instant Checkout"]);
    expect(await names({ search: "funds confirmation chargebacks" })).toEqual([]);
    expect(await names({ search: "mortgage" })).toEqual([]);
  });

  it("uses the GIN expression index for the search", async () => {
    const { em } = hub.context();
    const plan = await em.transactional(async (tx) => {
      await tx.getConnection().execute("set local enable_seqscan = off", [], "run", tx.getTransactionContext());
      const { SEARCH_DOCUMENT } = await import("./solution-catalogue.js");
      return tx.getConnection().execute(`explain select s.id from marketplace.solution s where ${SEARCH_DOCUMENT} @@ plainto_tsquery('simple', 'budget')`, [], "all", tx.getTransactionContext());
    });
    expect(JSON.stringify(plan)).toContain("solution_search");
  });

  it("pages with keyset cursors in both orders without gaps or repeats", async () => {
    const byName = await names({ first: 100 });
    expect(byName).toHaveLength(8);
    expect(byName).toEqual([...byName].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())));
    expect(await walk({}, 3)).toEqual(byName);
    expect(await walk({}, 1)).toEqual(byName);

    const relevance = await names({ search: "and", status: null, first: 100 });
    expect(relevance.length).toBeGreaterThan(4);
    expect(await walk({ search: "and", status: null }, 2)).toEqual(relevance);
  });

  it("refuses foreign cursors and bad browse arguments with codes", async () => {
    const { solutions } = await hub.data(BROWSE, { first: 1 });
    expect(await hub.failure(BROWSE, { search: "budget", after: solutions.pageInfo.endCursor })).toBe("INVALID_CURSOR");
    expect(await hub.failure(BROWSE, { after: "bm90LWEtY3Vyc29y" })).toBe("INVALID_CURSOR");
    expect(await hub.failure(BROWSE, { after: Buffer.from(JSON.stringify(["x", "1 or 1=1"])).toString("base64url") })).toBe("INVALID_CURSOR");
    expect(await hub.failure(BROWSE, { first: 0 })).toBe("BAD_USER_INPUT");
    expect(await hub.failure(BROWSE, { search: "x".repeat(201) })).toBe("SEARCH_TOO_LONG");
    expect(await hub.failure(BROWSE, { orderBy: "RELEVANCE" })).toBe("BAD_USER_INPUT");
    expect(await hub.failure(BROWSE, { vendorId: "taxmate" })).toBe("BAD_USER_INPUT");
    expect(await hub.failure(BROWSE, { category: "GAMBLING" })).toMatch(/Value "GAMBLING" does not exist in "SolutionCategory" enum/);
    expect(await hub.failure(`{ solutions(category: CRYPTO) { edges { cursor } } }`)).toMatch(/Value "CRYPTO" does not exist in "SolutionCategory" enum/);
  });
});

describe("ratings", () => {
  it("averages and counts computed in SQL match the seeded ratings", async () => {
    const { _entities } = await hub.data(`query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Solution { name averageRating reviewCount } } }`, {
      reps: SEED_SOLUTIONS.map((s) => ({ __typename: "Solution", id: seedSolutionId(s.key) })),
    });
    SEED_SOLUTIONS.forEach((seed, i) => {
      const ratings = seed.reviews.map((r) => r.rating);
      const expected = ratings.length ? Math.round((ratings.reduce((a, b) => a + b, 0) / ratings.length) * 100) / 100 : null;
      expect(_entities[i]).toEqual({ name: seed.name, averageRating: expected, reviewCount: ratings.length });
    });
    expect(_entities.find((s: any) => s.name === "Finanzblick Budget Planner").averageRating).toBe(4.33);
    expect(_entities.find((s: any) => s.name === "PayStream Payouts").averageRating).toBeNull();
  });

  it("pages a solution's reviews newest first", async () => {
    const REVIEWS = `query($id: ID!, $after: String) { solution(id: $id) { reviews(first: 2, after: $after) {
      edges { node { author rating bank { id } } } pageInfo { hasNextPage hasPreviousPage endCursor } } } }`;
    const id = seedSolutionId("budget-planner");
    const first = (await hub.data(REVIEWS, { id })).solution.reviews;
    expect(first.edges.map((e: any) => e.node.author)).toEqual(["Anna Schmidt", "beispielbank"]);
    expect(first.edges[0].node.bank).toBeNull();
    expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const second = (await hub.data(REVIEWS, { id, after: first.pageInfo.endCursor })).solution.reviews;
    expect(second.edges.map((e: any) => e.node)).toEqual([{ author: "musterbank", rating: 5, bank: { id: "musterbank" } }]);
    expect(second.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    expect(await hub.failure(REVIEWS, { id, after: "e30" })).toBe("INVALID_CURSOR");
  });
});

describe("federation", () => {
  const TPP_SOLUTIONS = `query($reps: [_Any!]!) { _entities(representations: $reps) {
    ... on Tpp { id solutions { name averageRating reviewCount reviews(first: 1) { edges { node { rating } } } } } } }`;
  const reps = (keys: string[]) => ({ reps: keys.map((key) => ({ __typename: "Tpp", id: sandboxTppId(key) })) });

  async function statementsFor(keys: string[]): Promise<{ count: number; data: any }> {
    const before = hub.db.statements.count;
    const data = await hub.data(TPP_SOLUTIONS, reps(keys));
    return { count: hub.db.statements.count - before, data };
  }

  it("resolves Tpp.solutions with ratings for 1 or 6 TPPs in the same number of statements", async () => {
    const one = await statementsFor(["finanzblick"]);
    const six = await statementsFor(SANDBOX_TPPS.map((t) => t.key));
    expect(one.data._entities[0].solutions.map((s: any) => s.name)).toEqual(["Finanzblick Budget Planner", "Finanzblick CO2 Insights", "Finanzblick Savings Goals"]);
    expect(six.data._entities).toHaveLength(6);
    expect(six.data._entities.flatMap((t: any) => t.solutions)).toHaveLength(8);
    expect(one.count).toBeGreaterThan(0);
    expect(six.count).toBe(one.count);
  });

  it("lists a TPP's solutions of other statuses on request", async () => {
    const STATUS = `query($reps: [_Any!]!, $status: ListingStatus) { _entities(representations: $reps) { ... on Tpp { solutions(status: $status) { name listingStatus } } } }`;
    const quickloan = reps(["quickloan"]);
    expect((await hub.data(STATUS, quickloan))._entities[0].solutions).toEqual([]);
    expect((await hub.data(STATUS, { ...quickloan, status: null }))._entities[0].solutions).toEqual([{ name: "QuickLoan Affordability Score", listingStatus: "DELISTED" }]);
    expect((await hub.data(STATUS, { ...reps(["taxmate"]), status: "DRAFT" }))._entities[0].solutions).toEqual([{ name: "TaxMate VAT Assistant", listingStatus: "DRAFT" }]);
  });

  it("resolves Solution references, null for unknown ids, and refuses non-UUIDs", async () => {
    const SOLUTION = `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Solution { name vendor { id } } } }`;
    const known = { __typename: "Solution", id: seedSolutionId("card-guard") };
    const unknown = { __typename: "Solution", id: "00000000-0000-4000-8000-000000000000" };
    const { _entities } = await hub.data(SOLUTION, { reps: [known, unknown] });
    expect(_entities).toEqual([{ name: "CheckFunds Card Guard", vendor: { id: sandboxTppId("checkfunds") } }, null]);
    expect(await hub.failure(SOLUTION, { reps: [{ __typename: "Solution", id: "card-guard" }] })).toBe("BAD_USER_INPUT");
    expect(await hub.failure(TPP_SOLUTIONS, { reps: [{ __typename: "Tpp", id: "finanzblick" }] })).toBe("BAD_USER_INPUT");
  });
});
