/**
 * @module The one interface every core-banking connector implements. Subgraphs reach a bank's core
 * only through it (via the registry), so a fintech cannot tell one kind of core from another.
 *
 * Conventions: money is integer minor units (`bigint`, negative = debit) plus an ISO 4217 code;
 * dates are ISO strings ("2026-11-22"); `ref` is the core's own identifier, unique within one bank.
 * Batch operations take many refs and answer a Map, so that one GraphQL request makes one core call
 * per bank and operation, however many accounts it touches.
 */
import type { Result } from "./result.js";

/** Who the call is for, passed first on every operation (for audit and core-side checks). */
export interface ConnectorContext {
  requestId?: string;
  psuId?: string;
  tppId?: string;
}

export type AccountStatus = "enabled" | "deleted" | "blocked";

export interface CoreAccount {
  ref: string;
  iban: string;
  currency: string;
  name: string;
  product: string;
  /** ISO 20022 ExternalCashAccountType1Code: CACC (current), SVGS (savings), CARD, LOAN, … */
  cashAccountType: string;
  status: AccountStatus;
  ownerName: string;
  /** PSU ids (logins) that hold or may use the account. */
  psuIds: string[];
}

/** Berlin Group balance types. */
export type BalanceType = "closingBooked" | "expected" | "interimAvailable" | "interimBooked" | "openingBooked";

export interface CoreBalance {
  type: BalanceType;
  amountMinor: bigint;
  currency: string;
  referenceDate: string;
  creditLimitIncluded: boolean;
}

export type BookingStatus = "booked" | "pending" | "both";

export interface CoreTransaction {
  ref: string;
  accountRef: string;
  status: "booked" | "pending";
  /** Signed: negative is money leaving the account. */
  amountMinor: bigint;
  currency: string;
  bookingDate: string | null;
  valueDate: string | null;
  creditorName: string | null;
  creditorIban: string | null;
  debtorName: string | null;
  debtorIban: string | null;
  remittanceInformation: string | null;
  endToEndId: string | null;
  /** ISO 20022 bank transaction code, e.g. "PMNT-ICDT-ESCT". */
  bankTransactionCode: string | null;
  /** Opaque position of this transaction in its account's list, for `after`. */
  cursor: string;
}

export interface TransactionQuery {
  accountRefs: string[];
  bookingStatus: BookingStatus;
  dateFrom?: string;
  dateTo?: string;
  /** Page size per account. Order: newest first (booking date, then ref). */
  first: number;
  /** A `cursor` this connector returned; the page starts after it (applies to every account). */
  after?: string;
}

export interface TransactionPage {
  transactions: CoreTransaction[];
  hasMore: boolean;
}

export type PaymentProduct = "sepa-credit-transfers" | "instant-sepa-credit-transfers" | "target-2-payments" | "cross-border-credit-transfers";

export interface PaymentOrder {
  /** The hub's payment id; the core must treat a repeat of the same ref as the same payment. */
  paymentRef: string;
  product: PaymentProduct;
  debtorAccountRef: string;
  creditorIban: string;
  creditorName: string;
  amountMinor: bigint;
  currency: string;
  remittanceInformation?: string;
  endToEndId: string;
  requestedExecutionDate?: string;
}

/** ISO 20022 payment status codes the core can report. */
export type CorePaymentStatus = "ACTC" | "ACSP" | "ACSC" | "PDNG" | "RJCT" | "CANC";

export interface PaymentExecution {
  status: CorePaymentStatus;
  /** The core's reference for the booking, when there is one. */
  coreRef: string | null;
  reason?: string;
}

export interface FundsQuery {
  accountRef: string;
  amountMinor: bigint;
  currency: string;
}

/** A way the PSU can confirm with a one-time code (Berlin Group authenticationObject). */
export interface ScaMethod {
  /** SMS_OTP, CHIP_OTP, PHOTO_OTP, PUSH_OTP, SMTP_OTP. */
  authenticationType: string;
  authenticationMethodId: string;
  name: string;
}

export interface ConnectorHealth {
  status: "up" | "degraded" | "down";
  latencyMs: number;
  detail?: string;
}

export interface CoreBankingConnector {
  /** The kind in the registry ("sandbox", "iso20022", …). */
  readonly kind: string;

  accountsOfPsu(ctx: ConnectorContext, psuId: string): Promise<CoreAccount[]>;
  accountsByRefs(ctx: ConnectorContext, refs: readonly string[]): Promise<Map<string, CoreAccount>>;
  accountsByIbans(ctx: ConnectorContext, ibans: readonly string[]): Promise<Map<string, CoreAccount>>;
  /** Every account of the bank, a page at a time, for the hub's account directory. */
  listAccounts(ctx: ConnectorContext, page: { after?: string; limit: number }): Promise<{ accounts: CoreAccount[]; next?: string }>;

  balances(ctx: ConnectorContext, accountRefs: readonly string[]): Promise<Map<string, CoreBalance[]>>;
  transactions(ctx: ConnectorContext, query: TransactionQuery): Promise<Map<string, TransactionPage>>;
  transactionsByRefs(ctx: ConnectorContext, refs: readonly string[]): Promise<Map<string, CoreTransaction>>;

  executePayment(ctx: ConnectorContext, order: PaymentOrder): Promise<Result<PaymentExecution>>;
  paymentStatus(ctx: ConnectorContext, paymentRef: string): Promise<Result<PaymentExecution>>;
  cancelPayment(ctx: ConnectorContext, paymentRef: string): Promise<Result<PaymentExecution>>;
  confirmFunds(ctx: ConnectorContext, query: FundsQuery): Promise<Result<{ fundsAvailable: boolean }>>;

  /** The bank checks a PSU's login and password; on success, the SCA methods it has on file (none: SCA exempted). */
  authenticatePsu(ctx: ConnectorContext, login: string, password: string): Promise<Result<{ scaMethods: ScaMethod[] }>>;
  /** The bank checks the one-time code the PSU received for one of its SCA methods. */
  verifyScaCode(ctx: ConnectorContext, login: string, methodId: string, code: string): Promise<Result<void>>;

  health(): Promise<ConnectorHealth>;
  close(): Promise<void>;
}
