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
