/** @module The payment products and ISO 20022 statuses, as GraphQL enums and as the database stores them. */
import { registerEnumType } from "type-graphql";

/** Berlin Group payment products; the values are the connector contract's `PaymentProduct` strings. */
export enum PaymentProduct {
  SEPA_CREDIT_TRANSFERS = "sepa-credit-transfers",
  INSTANT_SEPA_CREDIT_TRANSFERS = "instant-sepa-credit-transfers",
  TARGET_2_PAYMENTS = "target-2-payments",
  CROSS_BORDER_CREDIT_TRANSFERS = "cross-border-credit-transfers",
}
registerEnumType(PaymentProduct, { name: "PaymentProduct", description: "Berlin Group payment product of a single payment." });

/** ISO 20022 transaction status codes, as Berlin Group's `transactionStatus` uses them. */
export enum PaymentStatus {
  RCVD = "RCVD",
  PDNG = "PDNG",
  ACTC = "ACTC",
  ACCP = "ACCP",
  ACSP = "ACSP",
  ACSC = "ACSC",
  ACWC = "ACWC",
  RJCT = "RJCT",
  CANC = "CANC",
  PATC = "PATC",
  PART = "PART",
}
registerEnumType(PaymentStatus, {
  name: "PaymentStatus",
  description: "ISO 20022 transaction status of a payment.",
  valuesConfig: {
    RCVD: { description: "Received: the hub has the payment; the bank has not answered yet." },
    PDNG: { description: "Pending: further checks and a status update will follow." },
    ACTC: { description: "Accepted technical validation: authentication, syntax and semantics passed." },
    ACCP: { description: "Accepted customer profile: the debtor's profile checks passed." },
    ACSP: { description: "Accepted settlement in process: accepted for execution, e.g. on a future date." },
    ACSC: { description: "Accepted settlement completed: the debtor's account has been debited." },
    ACWC: { description: "Accepted with change: accepted, with a changed date or other detail." },
    RJCT: { description: "Rejected; see rejectionReason." },
    CANC: { description: "Cancelled before execution." },
    PATC: { description: "Partially accepted technical: some but not all required authorisations done." },
    PART: { description: "Partially accepted: some payments of a bulk were accepted." },
  },
});

/** Berlin Group payment services: a single transfer, a standing order, or a bulk of transfers; the values are the path segments. */
export enum PaymentKind {
  SINGLE = "payments",
  PERIODIC = "periodic-payments",
  BULK = "bulk-payments",
}
registerEnumType(PaymentKind, {
  name: "PaymentKind",
  description: "What the payment resource is (Berlin Group payment-service).",
  valuesConfig: {
    SINGLE: { description: "One credit transfer (/v1/payments)." },
    PERIODIC: { description: "A standing order: the same transfer on a schedule (/v1/periodic-payments); see standingOrder and instalments." },
    BULK: { description: "Several transfers from one debtor account under one SCA (/v1/bulk-payments); see bulkEntries." },
  },
});

/** ISO 20022 EventFrequency7Code as Berlin Group's frequencyCode spells it. */
export enum Frequency {
  DAILY = "Daily",
  WEEKLY = "Weekly",
  EVERY_TWO_WEEKS = "EveryTwoWeeks",
  MONTHLY = "Monthly",
  EVERY_TWO_MONTHS = "EveryTwoMonths",
  QUARTERLY = "Quarterly",
  SEMI_ANNUAL = "SemiAnnual",
  ANNUAL = "Annual",
  MONTHLY_VARIABLE = "MonthlyVariable",
}
registerEnumType(Frequency, { name: "Frequency", description: "How often a standing order executes (Berlin Group frequencyCode)." });

/** Where an execution that falls on a weekend moves. */
export enum ExecutionRule {
  FOLLOWING = "following",
  PRECEDING = "preceding",
}
registerEnumType(ExecutionRule, { name: "ExecutionRule", description: "An execution date on a weekend moves to the following or the preceding working day." });
