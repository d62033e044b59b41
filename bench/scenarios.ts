/**
 * @module The scenarios: what each request sends (varied per request where the scenario says so) and
 * how a response is checked before a gateway is timed. Read by the parent (checks) and by the load
 * generator (bodies), so both build exactly the same requests.
 */
import { readFileSync } from "node:fs";
import { isDeepStrictEqual } from "node:util";

export type ScenarioName = "lookup" | "banking" | "banking-live" | "cold-plan" | "payment" | "fanout";
export type GraphName = "banking" | "fanout";

export interface Scenario {
  name: ScenarioName;
  graph: GraphName;
  /**
   * live: the subgraphs run every call (end to end, with SQL); replay: they answer recorded calls from
   * memory, so the gateway is what is measured (bench/lib/replay.ts). Ours embedded runs only live
   * scenarios: its subgraphs are in-process.
   */
  subgraphs: "live" | "replay";
  /** Concurrent connections (BENCH_CONNECTIONS overrides): fewer where a request is slow, so latency stays below the window. */
  connections: number;
  title: string;
  /** The body of the n-th request of a run (`runId` keeps keys unique across runs). */
  body(n: number, runId: string): string;
  /**
   * Checks one response; returns what is wrong, or undefined. `golden` is the first accepted response
   * of this scenario (from an earlier gateway); the same read must give the same data everywhere.
   */
  check(response: any, n: number, golden: any): string | undefined;
  /** What becomes the golden response (undefined: nothing to compare across gateways). */
  goldenOf?(response: any, n: number): unknown;
}

const read = (path: string) => readFileSync(new URL(path, import.meta.url), "utf8");
const PSU_OVERVIEW = read("../test/operations/psu-overview.graphql");
const INITIATE_PAYMENT = read("../test/operations/initiate-payment.graphql");
const FANOUT = read("./fanout/query.graphql");

const PSU = "max.musterman";
const LOOKUP_IBAN = "DE80760700240271232400";

const LOOKUP = `query AccountLookup($iban: String!) {
  accountByIban(iban: $iban) { id iban currency name product cashAccountType status ownerName bank { id name bic } }
}`;

/** Debtor and creditor pairs at the same bank, used in turn, so that no single ledger row is the bottleneck. */
const PAYMENT_PAIRS = [
  { bankId: "musterbank", debtorIban: "DE80760700240271232400", creditorIban: "DE69760700240340283600", creditorName: "Anton Brückner" },
  { bankId: "beispielbank", debtorIban: "DE15500105172295759744", creditorIban: "DE03500105172351985719", creditorName: "Marion Müller" },
];
const TPP_ID = "cd081f67-3a1e-5c7d-86e7-017226dcfbfe";

const json = (query: string, variables: Record<string, unknown>, operationName?: string) => JSON.stringify({ query, variables, operationName });

function graphqlErrors(response: any): string | undefined {
  if (!response || typeof response !== "object") return "no JSON body";
  if (response.errors?.length) return `errors: ${JSON.stringify(response.errors).slice(0, 300)}`;
  if (!response.data) return "no data";
  return undefined;
}

function sameAsGolden(actual: unknown, golden: unknown): string | undefined {
  if (golden === undefined || isDeepStrictEqual(actual, golden)) return undefined;
  return `data differs from the first gateway's: ${JSON.stringify(actual).slice(0, 200)}… vs ${JSON.stringify(golden).slice(0, 200)}…`;
}

function checkOverview(psu: any): string | undefined {
  if (!psu) return "psu is null";
  const accounts = psu.accounts ?? [];
  if (accounts.length !== 4) return `expected 4 accounts, got ${accounts.length}`;
  if (new Set(accounts.map((a: any) => a.bank.id)).size !== 2) return "expected accounts at two banks";
  const giro = accounts.find((a: any) => a.iban === LOOKUP_IBAN);
  if (giro?.transactions.edges.length !== 10) return "expected 10 transactions on the Girokonto";
  if (accounts.some((a: any) => !a.balances.length)) return "an account without balances";
  if (!psu.consents?.length || psu.consents.some((c: any) => !c.tpp?.legalName)) return "expected consents, each with its TPP";
  return undefined;
}

const coldName = (n: number) => `PsuOverview_${n}`;

export const scenarios: Record<ScenarioName, Scenario> = {
  lookup: {
    name: "lookup",
    connections: 32,
    graph: "banking",
    subgraphs: "replay",
    title: "single-subgraph lookup (account by IBAN)",
    body: () => json(LOOKUP, { iban: LOOKUP_IBAN }, "AccountLookup"),
    check(response, _n, golden) {
      const account = response?.data?.accountByIban;
      return graphqlErrors(response) ?? (account?.iban !== LOOKUP_IBAN || account.bank?.id !== "musterbank" ? "wrong account" : sameAsGolden(response.data, golden));
    },
    goldenOf: (response) => response.data,
  },
  banking: {
    name: "banking",
    connections: 32,
    graph: "banking",
    subgraphs: "replay",
    title: "banking workload: PSU overview across 5 subgraphs (subgraphs replayed)",
    body: () => json(PSU_OVERVIEW, { psu: PSU }, "PsuOverview"),
    check(response, _n, golden) {
      return graphqlErrors(response) ?? checkOverview(response.data.psu) ?? sameAsGolden(response.data, golden);
    },
    goldenOf: (response) => response.data,
  },
  "banking-live": {
    name: "banking-live",
    connections: 16,
    graph: "banking",
    subgraphs: "live",
    title: "banking workload end to end: live subgraphs, PostgreSQL",
    body: () => json(PSU_OVERVIEW, { psu: PSU }, "PsuOverview"),
    check(response, _n, golden) {
      return graphqlErrors(response) ?? checkOverview(response.data.psu) ?? sameAsGolden(response.data, golden);
    },
    goldenOf: (response) => response.data,
  },
  "cold-plan": {
    name: "cold-plan",
    connections: 8,
    graph: "banking",
    subgraphs: "replay",
    title: "cold plan: the banking workload as a new operation (own name) per request",
    body: (n) => json(PSU_OVERVIEW.replace("query PsuOverview(", `query ${coldName(n)}(`), { psu: PSU }, coldName(n)),
    check(response, _n, golden) {
      return graphqlErrors(response) ?? checkOverview(response.data.psu) ?? sameAsGolden(response.data, golden);
    },
    goldenOf: (response) => response.data,
  },
  payment: {
    name: "payment",
    connections: 8,
    graph: "banking",
    subgraphs: "live",
    title: "payment initiation (write path, the payment recorded RCVD until its PSU's SCA), a new idempotency key per request",
    body(n, runId) {
      const pair = PAYMENT_PAIRS[n % PAYMENT_PAIRS.length]!;
      const input = {
        bankId: pair.bankId,
        tppId: TPP_ID,
        idempotencyKey: `bench-${runId}-${n}`,
        debtorIban: pair.debtorIban,
        creditorIban: pair.creditorIban,
        creditorName: pair.creditorName,
        instructedAmount: { amount: "0.01", currency: "EUR" },
        remittanceInformationUnstructured: `bench ${n}`,
      };
      return json(INITIATE_PAYMENT, { input }, "InitiatePayment");
    },
    check(response, n) {
      const problem = graphqlErrors(response);
      if (problem) return problem;
      const { replayed, payment } = response.data.initiatePayment ?? {};
      const pair = PAYMENT_PAIRS[n % PAYMENT_PAIRS.length]!;
      if (replayed !== false) return "a new idempotency key was treated as a replay";
      if (payment?.status !== "RCVD") return `payment status ${payment?.status} (${payment?.rejectionReason ?? "no reason"}), expected RCVD (awaiting SCA)`;
      if (payment.debtorAccount?.iban !== pair.debtorIban || !payment.debtorAccount.balances?.length) return "debtor account (from the accounts subgraph) missing";
      if (!payment.statusHistory?.length) return "no status history";
      return undefined;
    },
  },
  fanout: {
    name: "fanout",
    connections: 8,
    graph: "fanout",
    subgraphs: "replay",
    title: "heavy federated fan-out: 4 subgraphs, large response (public gateway benchmark query, subgraphs replayed)",
    body: () => json(FANOUT, {}, "TestQuery"),
    check(response, _n, golden) {
      const problem = graphqlErrors(response);
      if (problem) return problem;
      const { users, topProducts } = response.data;
      if (users?.length !== 6 || topProducts?.length !== 5) return "expected 6 users and 5 top products";
      if (users[0].reviews[0].product.reviews[0].author.reviews[0].product.shippingEstimate == null) return "deepest field missing";
      return sameAsGolden(response.data, golden);
    },
    goldenOf: (response) => response.data,
  },
};

/** Order matters: every read runs on every gateway before the first write changes balances and lists. */
export const SCENARIO_ORDER: ScenarioName[] = ["lookup", "banking", "cold-plan", "banking-live", "payment", "fanout"];
