/** @module The sandbox catalogue: what the marketplace seeds for the sandbox TPP cast and the two sandbox banks. */
import { ListingStatus, PricingModel, SolutionApi, SolutionCategory } from "./entities/enums.js";

export interface SeedSolution {
  key: string;
  vendor: string;
  name: string;
  category: SolutionCategory;
  description: string;
  pricingModel: PricingModel;
  price?: { amount: string; currency: string };
  pricingNotes?: string;
  apis: SolutionApi[];
  status: ListingStatus;
  subscriptions: { bank: string; plan: string; cancelled?: boolean }[];
  reviews: { bank?: string; reviewer?: string; rating: number; text: string }[];
}

const { ACCOUNTS, BALANCES, TRANSACTIONS, PAYMENTS, FUNDS_CONFIRMATION } = SolutionApi;
const { PUBLISHED, IN_REVIEW, DRAFT, DELISTED } = ListingStatus;

export const SEED_SOLUTIONS: readonly SeedSolution[] = [
  {
    key: "budget-planner", vendor: "finanzblick", name: "Finanzblick Budget Planner", category: SolutionCategory.PERSONAL_FINANCE,
    description: "Categorises every transaction and shows customers where their money goes, with monthly spending limits and alerts.",
    pricingModel: PricingModel.FREE, apis: [ACCOUNTS, BALANCES, TRANSACTIONS], status: PUBLISHED,
    subscriptions: [{ bank: "musterbank", plan: "standard" }, { bank: "beispielbank", plan: "standard" }],
    reviews: [
      { bank: "musterbank", rating: 5, text: "Our customers love the monthly overview." },
      { bank: "beispielbank", rating: 4, text: "Solid categorisation; German merchant names work well." },
      { reviewer: "Anna Schmidt", rating: 4, text: "Easy to integrate in our app within a sprint." },
    ],
  },
  {
    key: "savings-goals", vendor: "finanzblick", name: "Finanzblick Savings Goals", category: SolutionCategory.PERSONAL_FINANCE,
    description: "Turns a budget surplus into savings goals and suggests standing orders from the balance history.",
    pricingModel: PricingModel.FLAT_MONTHLY, price: { amount: "1.99", currency: "EUR" }, pricingNotes: "per active customer", apis: [BALANCES, TRANSACTIONS], status: PUBLISHED,
    subscriptions: [{ bank: "beispielbank", plan: "pilot", cancelled: true }],
    reviews: [],
  },
  {
    key: "co2-insights", vendor: "finanzblick", name: "Finanzblick CO2 Insights", category: SolutionCategory.SUSTAINABILITY,
    description: "Estimates the carbon footprint of card spending per merchant category and nudges greener choices.",
    pricingModel: PricingModel.FREE, apis: [TRANSACTIONS], status: PUBLISHED,
    subscriptions: [],
    reviews: [{ reviewer: "Lena Fischer", rating: 3, text: "Nice idea, estimates are rough for small merchants." }],
  },
  {
    key: "instant-checkout", vendor: "paystream", name: "PayStream Instant Checkout", category: SolutionCategory.PAYMENTS,
    description: "Account-to-account checkout for online shops: initiates SEPA instant payments after a funds confirmation.",
    pricingModel: PricingModel.PER_CALL, price: { amount: "0.15", currency: "EUR" }, pricingNotes: "per initiated payment", apis: [PAYMENTS, FUNDS_CONFIRMATION], status: PUBLISHED,
    subscriptions: [{ bank: "musterbank", plan: "enterprise" }, { bank: "beispielbank", plan: "standard" }],
    reviews: [
      { bank: "musterbank", rating: 4, text: "Conversion went up; refunds still need manual work." },
      { bank: "beispielbank", rating: 3, text: "Works, but settlement reports arrive late." },
    ],
  },
  {
    key: "payouts", vendor: "paystream", name: "PayStream Payouts", category: SolutionCategory.TREASURY,
    description: "Bulk payouts to suppliers and marketplace sellers from the corporate treasury account, with balance checks.",
    pricingModel: PricingModel.REVENUE_SHARE, pricingNotes: "0.2 % of the paid-out volume", apis: [PAYMENTS, BALANCES], status: PUBLISHED,
    subscriptions: [],
    reviews: [],
  },
  {
    key: "card-guard", vendor: "checkfunds", name: "CheckFunds Card Guard", category: SolutionCategory.PAYMENTS,
    description: "Confirms funds before card-not-present payments so that merchants avoid chargebacks.",
    pricingModel: PricingModel.PER_CALL, price: { amount: "0.02", currency: "EUR" }, apis: [FUNDS_CONFIRMATION], status: PUBLISHED,
    subscriptions: [{ bank: "musterbank", plan: "standard" }],
    reviews: [{ bank: "musterbank", rating: 5, text: "Fast and reliable funds checks." }],
  },
  {
    key: "identity-match", vendor: "checkfunds", name: "CheckFunds Identity Match", category: SolutionCategory.IDENTITY,
    description: "Matches account holder names with onboarding data to verify identities without video calls.",
    pricingModel: PricingModel.FLAT_MONTHLY, price: { amount: "299.00", currency: "EUR" }, apis: [ACCOUNTS], status: PUBLISHED,
    subscriptions: [{ bank: "beispielbank", plan: "standard" }],
    reviews: [{ bank: "beispielbank", rating: 2, text: "Too many false mismatches for married names." }],
  },
  {
    key: "bookkeeping-sync", vendor: "taxmate", name: "TaxMate Bookkeeping Sync", category: SolutionCategory.ACCOUNTING,
    description: "Feeds business account transactions into bookkeeping and matches them with invoices and receipts.",
    pricingModel: PricingModel.FLAT_MONTHLY, price: { amount: "19.00", currency: "EUR" }, apis: [ACCOUNTS, TRANSACTIONS], status: PUBLISHED,
    subscriptions: [{ bank: "musterbank", plan: "standard" }],
    reviews: [
      { bank: "musterbank", rating: 3, text: "Invoice matching needs tuning." },
      { reviewer: "Jonas Weber", rating: 4, text: "Saves our small business customers hours each month." },
    ],
  },
  {
    key: "vat-assistant", vendor: "taxmate", name: "TaxMate VAT Assistant", category: SolutionCategory.ACCOUNTING,
    description: "Prepares VAT returns from categorised business transactions and flags missing receipts.",
    pricingModel: PricingModel.CUSTOM, pricingNotes: "priced per number of business customers", apis: [TRANSACTIONS], status: DRAFT,
    subscriptions: [],
    reviews: [],
  },
  {
    key: "carbon-ledger", vendor: "greenledger", name: "GreenLedger Carbon Ledger", category: SolutionCategory.SUSTAINABILITY,
    description: "Carbon accounting for small businesses, built from payment data, with reports for sustainability audits.",
    pricingModel: PricingModel.CUSTOM, price: { amount: "99.00", currency: "EUR" }, pricingNotes: "from 99 EUR a month", apis: [TRANSACTIONS, PAYMENTS], status: IN_REVIEW,
    subscriptions: [],
    reviews: [],
  },
  {
    key: "affordability-score", vendor: "quickloan", name: "QuickLoan Affordability Score", category: SolutionCategory.LENDING,
    description: "Scores loan affordability from income and spending patterns in the account history.",
    pricingModel: PricingModel.PER_CALL, price: { amount: "0.50", currency: "EUR" }, apis: [ACCOUNTS, BALANCES, TRANSACTIONS], status: DELISTED,
    subscriptions: [{ bank: "musterbank", plan: "pilot", cancelled: true }],
    reviews: [{ bank: "musterbank", rating: 1, text: "Scores were not explainable to our credit team." }],
  },
];
