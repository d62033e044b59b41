/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type AccountStatus =
  | 'BLOCKED'
  | 'DELETED'
  | 'ENABLED';

/** Value of availableAccounts, availableAccountsWithBalance or allPsd2: with or without the owner's name. */
export type AllAccountsScope =
  | 'ALL_ACCOUNTS'
  | 'ALL_ACCOUNTS_WITH_OWNER_NAME';

/** Berlin Group balance types. */
export type BalanceType =
  | 'CLOSING_BOOKED'
  | 'EXPECTED'
  | 'INTERIM_AVAILABLE'
  | 'INTERIM_BOOKED'
  | 'OPENING_BOOKED';

/** Which transactions to list, as Berlin Group's bookingStatus. */
export type BookingStatus =
  | 'BOOKED'
  | 'BOTH'
  | 'PENDING';

/** One credit transfer of a bulk. */
export type BulkPaymentEntryInput = {
  creditorIban: string;
  /** 1 to 70 characters. */
  creditorName: string;
  /** Up to 35 characters; generated when absent. */
  endToEndId?: string | null | undefined;
  instructedAmount: InstructedAmountInput;
  /** Up to 140 characters. */
  remittanceInformationUnstructured?: string | null | undefined;
};

/** AIS: accounts/balances/transactions lists, or exactly one of availableAccounts, availableAccountsWithBalance (one-off only) or allPsd2. PIS: accounts (the debtor accounts). PIIS: fundsConfirmation. */
export type ConsentAccessInput = {
  accounts?: Array<ConsentAccountReferenceInput>;
  allPsd2?: AllAccountsScope | null | undefined;
  availableAccounts?: AllAccountsScope | null | undefined;
  availableAccountsWithBalance?: AllAccountsScope | null | undefined;
  balances?: Array<ConsentAccountReferenceInput>;
  fundsConfirmation?: FundsConfirmationAccessInput | null | undefined;
  transactions?: Array<ConsentAccountReferenceInput>;
};

/** An account reference: IBAN (spaces allowed) and, optionally, the currency sub-account. */
export type ConsentAccountReferenceInput = {
  /** ISO 4217 code. */
  currency?: string | null | undefined;
  iban: string;
};

/** Berlin Group consentStatus. */
export type ConsentStatus =
  | 'EXPIRED'
  | 'PARTIALLY_AUTHORISED'
  | 'RECEIVED'
  | 'REJECTED'
  | 'REVOKED_BY_PSU'
  | 'TERMINATED_BY_TPP'
  | 'VALID';

/** AIS: account information; PIS: payment initiation; PIIS: confirmation of funds. */
export type ConsentType =
  | 'AIS'
  | 'PIIS'
  | 'PIS';

/** A TPP asks for a PSU's consent (Berlin Group POST /v1/consents); it starts RECEIVED. */
export type CreateConsentInput = {
  access: ConsentAccessInput;
  /** The bank the consent is asked of; the hub's default bank when omitted. */
  bankId?: string | number | null | undefined;
  combinedServiceIndicator?: boolean;
  /** 1 to 4; a one-off AIS consent has 1. */
  frequencyPerDay: number;
  /** The TPP's key for this request (Berlin Group: X-Request-ID): the same key and request return the same consent; another request with it is IDEMPOTENCY_KEY_REUSED. */
  idempotencyKey?: string | null | undefined;
  /** Interim/sandbox: the PSU login when the caller carries none (PSU-ID header). */
  psuId?: string | null | undefined;
  recurringIndicator: boolean;
  /** Sandbox: authorisations needed (more than 1 simulates multilevel SCA), 1 to 5. */
  requiredAuthorisations?: number;
  /** Interim/sandbox: the requesting TPP when the caller carries none (must match the caller's TPP otherwise). */
  tppId?: string | number | null | undefined;
  /** TPP-Nok-Redirect-URI: where the PSU returns after a failed or denied redirect SCA. */
  tppNokRedirectUri?: string | null | undefined;
  /** TPP-Redirect-URI: where the PSU returns after a successful redirect SCA. */
  tppRedirectUri?: string | null | undefined;
  type?: ConsentType;
  /** YYYY-MM-DD, today or later; recurring AIS at most 180 days ahead. 9999-12-31 asks for the longest validity allowed. */
  validUntil: string;
};

/** An execution date on a weekend moves to the following or the preceding working day. */
export type ExecutionRule =
  | 'FOLLOWING'
  | 'PRECEDING';

/** How often a standing order executes (Berlin Group frequencyCode). */
export type Frequency =
  | 'ANNUAL'
  | 'DAILY'
  | 'EVERY_TWO_MONTHS'
  | 'EVERY_TWO_WEEKS'
  | 'MONTHLY'
  | 'MONTHLY_VARIABLE'
  | 'QUARTERLY'
  | 'SEMI_ANNUAL'
  | 'WEEKLY';

export type FundsConfirmationAccessInput = {
  account: ConsentAccountReferenceInput;
  cardExpiryDate?: string | null | undefined;
  cardInformation?: string | null | undefined;
  cardNumber?: string | null | undefined;
  registrationInformation?: string | null | undefined;
};

/** Is this amount available on the account? (Berlin Group confirmation of funds) */
export type FundsConfirmationInput = {
  /** Decimal string, e.g. "12.50". */
  amount: string;
  /** ISO 4217 code of the amount. */
  currency: string;
  /** IBAN of the account (any spacing or case). */
  iban: string;
};

/** Several credit transfers from one debtor account, authorised by one SCA. */
export type InitiateBulkPaymentInput = {
  /** The bank holding the debtor account, e.g. "musterbank". */
  bankId: string | number;
  batchBookingPreferred?: boolean | null | undefined;
  debtorIban: string;
  /** As for initiatePayment: the same key with the same request returns the same bulk. */
  idempotencyKey?: string | null | undefined;
  /** 1 to 100 transfers, all in one currency. */
  payments: Array<BulkPaymentEntryInput>;
  /** Default SEPA_CREDIT_TRANSFERS. */
  product?: PaymentProduct | null | undefined;
  /** Interim (sandbox) path: the PSU login when the caller is not a signed-in PSU. */
  psuId?: string | null | undefined;
  /** Calendar date "YYYY-MM-DD", today or later; absent means now. */
  requestedExecutionDate?: string | null | undefined;
  /** Interim (sandbox) path: the initiating TPP when the caller is not a signed-in TPP. */
  tppId?: string | number | null | undefined;
  tppNokRedirectUri?: string | null | undefined;
  tppRedirectUri?: string | null | undefined;
};

/** A single credit transfer from a PSU's account. */
export type InitiatePaymentInput = {
  /** The bank holding the debtor account, e.g. "musterbank". */
  bankId: string | number;
  creditorIban: string;
  /** 1 to 70 characters. */
  creditorName: string;
  debtorIban: string;
  /** Up to 35 characters; generated when absent. */
  endToEndId?: string | null | undefined;
  /** Makes the request safe to repeat: the same key with the same request returns the same payment; with another request it fails with IDEMPOTENCY_KEY_REUSED. */
  idempotencyKey?: string | null | undefined;
  instructedAmount: InstructedAmountInput;
  /** Default SEPA_CREDIT_TRANSFERS. */
  product?: PaymentProduct | null | undefined;
  /** Interim (sandbox) path: the PSU login when the caller is not a signed-in PSU. */
  psuId?: string | null | undefined;
  /** Up to 140 characters. */
  remittanceInformationUnstructured?: string | null | undefined;
  /** Calendar date "YYYY-MM-DD", today or later; absent means now. */
  requestedExecutionDate?: string | null | undefined;
  /** Interim (sandbox) path until authentication arrives: the initiating TPP when the caller is not a signed-in TPP. */
  tppId?: string | number | null | undefined;
  /** TPP-Nok-Redirect-URI: where the PSU returns after a failed or denied redirect SCA. */
  tppNokRedirectUri?: string | null | undefined;
  /** TPP-Redirect-URI: where the PSU returns after a successful redirect SCA. */
  tppRedirectUri?: string | null | undefined;
};

/** A standing order: the transfer of InitiatePaymentInput (without requestedExecutionDate), repeated on a schedule. */
export type InitiatePeriodicPaymentInput = {
  /** The bank holding the debtor account, e.g. "musterbank". */
  bankId: string | number;
  creditorIban: string;
  /** 1 to 70 characters. */
  creditorName: string;
  /** Day of the month (1–31, 31 = the last day) for monthly and longer frequencies; default the start date's day. */
  dayOfExecution?: number | null | undefined;
  debtorIban: string;
  /** Last date; absent means until cancelled. */
  endDate?: string | null | undefined;
  /** Up to 35 characters; generated when absent. */
  endToEndId?: string | null | undefined;
  /** Default FOLLOWING. */
  executionRule?: ExecutionRule | null | undefined;
  frequency: Frequency;
  /** Makes the request safe to repeat: the same key with the same request returns the same payment; with another request it fails with IDEMPOTENCY_KEY_REUSED. */
  idempotencyKey?: string | null | undefined;
  instructedAmount: InstructedAmountInput;
  /** MonthlyVariable only, and required there: the months (1–12) it executes in. */
  monthsOfExecution?: Array<number> | null | undefined;
  /** Default SEPA_CREDIT_TRANSFERS. */
  product?: PaymentProduct | null | undefined;
  /** Interim (sandbox) path: the PSU login when the caller is not a signed-in PSU. */
  psuId?: string | null | undefined;
  /** Up to 140 characters. */
  remittanceInformationUnstructured?: string | null | undefined;
  /** Calendar date "YYYY-MM-DD", today or later; absent means now. */
  requestedExecutionDate?: string | null | undefined;
  /** First date "YYYY-MM-DD", today or later. */
  startDate: string;
  /** Interim (sandbox) path until authentication arrives: the initiating TPP when the caller is not a signed-in TPP. */
  tppId?: string | number | null | undefined;
  /** TPP-Nok-Redirect-URI: where the PSU returns after a failed or denied redirect SCA. */
  tppNokRedirectUri?: string | null | undefined;
  /** TPP-Redirect-URI: where the PSU returns after a successful redirect SCA. */
  tppRedirectUri?: string | null | undefined;
};

/** An amount to transfer, as a decimal string (never a float). */
export type InstructedAmountInput = {
  /** Decimal string, e.g. "12.50"; positive, at most the currency's decimal places. */
  amount: string;
  /** ISO 4217 code, e.g. EUR. */
  currency: string;
};

/** What the payment resource is (Berlin Group payment-service). */
export type PaymentKind =
  /** Several transfers from one debtor account under one SCA (/v1/bulk-payments); see bulkEntries. */
  | 'BULK'
  /** A standing order: the same transfer on a schedule (/v1/periodic-payments); see standingOrder and instalments. */
  | 'PERIODIC'
  /** One credit transfer (/v1/payments). */
  | 'SINGLE';

/** Berlin Group payment product of a single payment. */
export type PaymentProduct =
  | 'CROSS_BORDER_CREDIT_TRANSFERS'
  | 'INSTANT_SEPA_CREDIT_TRANSFERS'
  | 'SEPA_CREDIT_TRANSFERS'
  | 'TARGET_2_PAYMENTS';

/** ISO 20022 transaction status of a payment. */
export type PaymentStatus =
  /** Accepted customer profile: the debtor's profile checks passed. */
  | 'ACCP'
  /** Accepted settlement completed: the debtor's account has been debited. */
  | 'ACSC'
  /** Accepted settlement in process: accepted for execution, e.g. on a future date. */
  | 'ACSP'
  /** Accepted technical validation: authentication, syntax and semantics passed. */
  | 'ACTC'
  /** Accepted with change: accepted, with a changed date or other detail. */
  | 'ACWC'
  /** Cancelled before execution. */
  | 'CANC'
  /** Partially accepted: some payments of a bulk were accepted. */
  | 'PART'
  /** Partially accepted technical: some but not all required authorisations done. */
  | 'PATC'
  /** Pending: further checks and a status update will follow. */
  | 'PDNG'
  /** Received: the hub has the payment; the bank has not answered yet. */
  | 'RCVD'
  /** Rejected; see rejectionReason. */
  | 'RJCT';

/** A TPP applying to use the hub; it starts PENDING until an operator decides. */
export type RegisterTppInput = {
  authorisationNumber: string;
  contacts?: Array<TppContactInput>;
  country: string;
  legalName: string;
  nationalCompetentAuthority: string;
  roles: Array<TppRole>;
};

/** Berlin Group scaStatus of an authorisation; FINALISED, FAILED and EXEMPTED are final. */
export type ScaStatus =
  | 'EXEMPTED'
  | 'FAILED'
  | 'FINALISED'
  | 'PSU_AUTHENTICATED'
  | 'PSU_IDENTIFIED'
  | 'RECEIVED'
  | 'SCA_METHOD_SELECTED'
  | 'STARTED'
  | 'UNCONFIRMED';

/** Start an authorisation (SCA) of a RECEIVED or PARTIALLY_AUTHORISED consent, optionally with its first step (password). */
export type StartConsentAuthorisationInput = {
  /** The SCA method the PSU picked from scaMethods. */
  authenticationMethodId?: string | null | undefined;
  consentId: string | number;
  /** The PSU refuses: the authorisation FAILS. */
  deny?: boolean | null | undefined;
  /** The PSU's password at the bank (Berlin Group psuData.password). */
  password?: string | null | undefined;
  /** The PSU login (PSU-ID) when the caller carries none; required before the password step. */
  psuId?: string | null | undefined;
  /** The one-time code the PSU received (Berlin Group scaAuthenticationData). */
  scaAuthenticationData?: string | null | undefined;
};

/** Start the SCA of a RCVD payment, optionally with its first step (password). */
export type StartPaymentAuthorisationInput = {
  /** The SCA method the PSU picked from scaMethods. */
  authenticationMethodId?: string | null | undefined;
  /** The PSU refuses: the authorisation FAILS. */
  deny?: boolean | null | undefined;
  /** The PSU's password at the bank (Berlin Group psuData.password). */
  password?: string | null | undefined;
  paymentId: string | number;
  /** The PSU login (PSU-ID) when the caller carries none; required before the password step. */
  psuId?: string | null | undefined;
  /** The one-time code the PSU received (Berlin Group scaAuthenticationData). */
  scaAuthenticationData?: string | null | undefined;
};

/** Start the PSU's SCA of a cancellation the TPP asked for (awaitsCancellationAuthorisation), optionally with its first step (password). */
export type StartPaymentCancellationAuthorisationInput = {
  /** The SCA method the PSU picked from scaMethods. */
  authenticationMethodId?: string | null | undefined;
  /** The PSU refuses: the authorisation FAILS. */
  deny?: boolean | null | undefined;
  /** The PSU's password at the bank (Berlin Group psuData.password). */
  password?: string | null | undefined;
  paymentId: string | number;
  /** The PSU login (PSU-ID) when the caller carries none; required before the password step. */
  psuId?: string | null | undefined;
  /** The one-time code the PSU received (Berlin Group scaAuthenticationData). */
  scaAuthenticationData?: string | null | undefined;
};

export type TppContactInput = {
  email: string;
  name: string;
  phone?: string | null | undefined;
  role?: string;
};

/** PSD2 roles granted by the TPP's national competent authority. */
export type TppRole =
  | 'AISP'
  | 'PIISP'
  | 'PISP';

/** Where a TPP stands in the bank's vetting. */
export type TppStatus =
  | 'ACTIVE'
  | 'PENDING'
  | 'REVOKED'
  | 'SUSPENDED';

export type TransactionStatus =
  | 'BOOKED'
  | 'PENDING';

/** One SCA step of a consent authorisation; give exactly one of password, authenticationMethodId, scaAuthenticationData or deny. */
export type UpdateConsentAuthorisationInput = {
  /** The SCA method the PSU picked from scaMethods. */
  authenticationMethodId?: string | null | undefined;
  authorisationId: string | number;
  consentId: string | number;
  /** The PSU refuses: the authorisation FAILS. */
  deny?: boolean | null | undefined;
  /** The PSU's password at the bank (Berlin Group psuData.password). */
  password?: string | null | undefined;
  /** The PSU login (PSU-ID) when the caller carries none; required before the password step. */
  psuId?: string | null | undefined;
  /** The one-time code the PSU received (Berlin Group scaAuthenticationData). */
  scaAuthenticationData?: string | null | undefined;
};

/** One SCA step of a payment authorisation; give exactly one of password, authenticationMethodId, scaAuthenticationData or deny. */
export type UpdatePaymentAuthorisationInput = {
  /** The SCA method the PSU picked from scaMethods. */
  authenticationMethodId?: string | null | undefined;
  authorisationId: string | number;
  /** The PSU refuses: the authorisation FAILS. */
  deny?: boolean | null | undefined;
  /** The PSU's password at the bank (Berlin Group psuData.password). */
  password?: string | null | undefined;
  paymentId: string | number;
  /** The PSU login (PSU-ID) when the caller carries none; required before the password step. */
  psuId?: string | null | undefined;
  /** The one-time code the PSU received (Berlin Group scaAuthenticationData). */
  scaAuthenticationData?: string | null | undefined;
};

/** One SCA step of a cancellation authorisation; give exactly one of password, authenticationMethodId, scaAuthenticationData or deny. */
export type UpdatePaymentCancellationAuthorisationInput = {
  /** The SCA method the PSU picked from scaMethods. */
  authenticationMethodId?: string | null | undefined;
  authorisationId: string | number;
  /** The PSU refuses: the authorisation FAILS. */
  deny?: boolean | null | undefined;
  /** The PSU's password at the bank (Berlin Group psuData.password). */
  password?: string | null | undefined;
  paymentId: string | number;
  /** The PSU login (PSU-ID) when the caller carries none; required before the password step. */
  psuId?: string | null | undefined;
  /** The one-time code the PSU received (Berlin Group scaAuthenticationData). */
  scaAuthenticationData?: string | null | undefined;
};

export type AccountDetailsFieldsFragment = { id: string, iban: string, currency: string, name: string, product: string, cashAccountType: string, status: AccountStatus, ownerName: string, bank: { id: string, bic: string } };

export type BalanceFieldsFragment = { type: BalanceType, referenceDate: string, creditLimitIncluded: boolean, amount: { amount: string, currency: string } };

export type AccountListQueryVariables = Exact<{
  psuId: string | number;
  bankId: string | number;
  withBalance: boolean;
}>;


export type AccountListQuery = { psu: { accounts: Array<{ id: string, iban: string, currency: string, name: string, product: string, cashAccountType: string, status: AccountStatus, ownerName: string, balances?: Array<{ type: BalanceType, referenceDate: string, creditLimitIncluded: boolean, amount: { amount: string, currency: string } }>, bank: { id: string, bic: string } } | null> } | null };

export type AccountDetailsQueryVariables = Exact<{
  id: string | number;
  withBalance: boolean;
}>;


export type AccountDetailsQuery = { account: { id: string, iban: string, currency: string, name: string, product: string, cashAccountType: string, status: AccountStatus, ownerName: string, balances?: Array<{ type: BalanceType, referenceDate: string, creditLimitIncluded: boolean, amount: { amount: string, currency: string } }>, bank: { id: string, bic: string } } | null };

export type AccountBalancesQueryVariables = Exact<{
  id: string | number;
}>;


export type AccountBalancesQuery = { account: { id: string, iban: string, currency: string, bank: { id: string }, balances: Array<{ type: BalanceType, referenceDate: string, creditLimitIncluded: boolean, amount: { amount: string, currency: string } }> } | null };

export type TransactionFieldsFragment = { id: string, status: TransactionStatus, bookingDate: string | null, valueDate: string | null, creditorName: string | null, creditorIban: string | null, debtorName: string | null, debtorIban: string | null, remittanceInformationUnstructured: string | null, endToEndId: string | null, bankTransactionCode: string | null, amount: { amount: string, currency: string } };

export type AccountTransactionsQueryVariables = Exact<{
  id: string | number;
  first: number;
  after?: string | null | undefined;
  bookingStatus: BookingStatus;
  dateFrom?: string | null | undefined;
  dateTo?: string | null | undefined;
  withBalance: boolean;
}>;


export type AccountTransactionsQuery = { account: { id: string, iban: string, currency: string, bank: { id: string }, balances?: Array<{ type: BalanceType, referenceDate: string, creditLimitIncluded: boolean, amount: { amount: string, currency: string } }>, transactions: { edges: Array<{ node: { id: string, status: TransactionStatus, bookingDate: string | null, valueDate: string | null, creditorName: string | null, creditorIban: string | null, debtorName: string | null, debtorIban: string | null, remittanceInformationUnstructured: string | null, endToEndId: string | null, bankTransactionCode: string | null, amount: { amount: string, currency: string } } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } } | null };

export type TransactionCursorsQueryVariables = Exact<{
  id: string | number;
  first: number;
  after?: string | null | undefined;
  bookingStatus: BookingStatus;
  dateFrom?: string | null | undefined;
  dateTo?: string | null | undefined;
}>;


export type TransactionCursorsQuery = { account: { id: string, transactions: { edges: Array<{ cursor: string }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } } | null };

export type TransactionDetailsQueryVariables = Exact<{
  id: string | number;
}>;


export type TransactionDetailsQuery = { transaction: { id: string, status: TransactionStatus, bookingDate: string | null, valueDate: string | null, creditorName: string | null, creditorIban: string | null, debtorName: string | null, debtorIban: string | null, remittanceInformationUnstructured: string | null, endToEndId: string | null, bankTransactionCode: string | null, account: { id: string }, amount: { amount: string, currency: string } } | null };

export type FundsConfirmationQueryVariables = Exact<{
  input: FundsConfirmationInput;
}>;


export type FundsConfirmationQuery = { fundsConfirmation: { fundsAvailable: boolean } };

export type AccountStandingOrdersQueryVariables = Exact<{
  id: string | number;
}>;


export type AccountStandingOrdersQuery = { account: { id: string, iban: string, currency: string, bank: { id: string }, transactions: { pageInfo: { hasNextPage: boolean } }, standingOrders: Array<{ id: string, creditorName: string | null, creditorIban: string | null, remittanceInformationUnstructured: string | null, endToEndId: string, instructedAmount: { amount: string, currency: string }, standingOrder: { startDate: string, endDate: string | null, frequency: Frequency, executionRule: ExecutionRule | null, dayOfExecution: number | null, monthsOfExecution: Array<number> | null } | null }> } | null };

export type BanksQueryVariables = Exact<{ [key: string]: never; }>;


export type BanksQuery = { banks: Array<{ id: string, name: string, bic: string, country: string }> };

export type ConsentReferenceFieldsFragment = { iban: string, currency: string | null };

export type ConsentFieldsFragment = { id: string, type: ConsentType, status: ConsentStatus, recurringIndicator: boolean, validUntil: string, frequencyPerDay: number, combinedServiceIndicator: boolean, lastActionDate: string, access: { availableAccounts: AllAccountsScope | null, availableAccountsWithBalance: AllAccountsScope | null, allPsd2: AllAccountsScope | null, accounts: Array<{ iban: string, currency: string | null }>, balances: Array<{ iban: string, currency: string | null }>, transactions: Array<{ iban: string, currency: string | null }>, fundsConfirmation: { cardNumber: string | null, cardExpiryDate: string | null, cardInformation: string | null, registrationInformation: string | null, account: { iban: string, currency: string | null } } | null } };

export type CreateConsentMutationVariables = Exact<{
  input: CreateConsentInput;
}>;


export type CreateConsentMutation = { createConsent: { replayed: boolean, consent: { id: string, status: ConsentStatus } } };

export type ConsentInformationQueryVariables = Exact<{
  id: string | number;
}>;


export type ConsentInformationQuery = { consent: { id: string, type: ConsentType, status: ConsentStatus, recurringIndicator: boolean, validUntil: string, frequencyPerDay: number, combinedServiceIndicator: boolean, lastActionDate: string, access: { availableAccounts: AllAccountsScope | null, availableAccountsWithBalance: AllAccountsScope | null, allPsd2: AllAccountsScope | null, accounts: Array<{ iban: string, currency: string | null }>, balances: Array<{ iban: string, currency: string | null }>, transactions: Array<{ iban: string, currency: string | null }>, fundsConfirmation: { cardNumber: string | null, cardExpiryDate: string | null, cardInformation: string | null, registrationInformation: string | null, account: { iban: string, currency: string | null } } | null } } | null };

export type DeleteConsentMutationVariables = Exact<{
  consentId: string | number;
}>;


export type DeleteConsentMutation = { deleteConsent: { consent: { id: string, status: ConsentStatus } } };

export type ConsentAuthorisationFieldsFragment = { id: string, scaStatus: ScaStatus, scaMethods: Array<{ authenticationType: string, authenticationMethodId: string, name: string }> | null, chosenScaMethod: { authenticationType: string, authenticationMethodId: string, name: string } | null };

export type ConsentAuthorisationsQueryVariables = Exact<{
  id: string | number;
}>;


export type ConsentAuthorisationsQuery = { consent: { id: string, type: ConsentType, authorisations: Array<{ id: string, scaStatus: ScaStatus, scaMethods: Array<{ authenticationType: string, authenticationMethodId: string, name: string }> | null, chosenScaMethod: { authenticationType: string, authenticationMethodId: string, name: string } | null }> } | null };

export type StartConsentAuthorisationMutationVariables = Exact<{
  input: StartConsentAuthorisationInput;
}>;


export type StartConsentAuthorisationMutation = { startConsentAuthorisation: { authorisation: { id: string, scaStatus: ScaStatus, scaMethods: Array<{ authenticationType: string, authenticationMethodId: string, name: string }> | null, chosenScaMethod: { authenticationType: string, authenticationMethodId: string, name: string } | null } } };

export type UpdateConsentAuthorisationMutationVariables = Exact<{
  input: UpdateConsentAuthorisationInput;
}>;


export type UpdateConsentAuthorisationMutation = { updateConsentAuthorisation: { authorisation: { id: string, scaStatus: ScaStatus, scaMethods: Array<{ authenticationType: string, authenticationMethodId: string, name: string }> | null, chosenScaMethod: { authenticationType: string, authenticationMethodId: string, name: string } | null } } };

export type ValidFundsConsentsQueryVariables = Exact<{ [key: string]: never; }>;


export type ValidFundsConsentsQuery = { consents: { edges: Array<{ node: { id: string, access: { fundsConfirmation: { account: { iban: string } } | null } } }> } };

export type PaymentFieldsFragment = { id: string, kind: PaymentKind, product: PaymentProduct, status: PaymentStatus, debtorIban: string, creditorName: string | null, creditorIban: string | null, remittanceInformationUnstructured: string | null, endToEndId: string, requestedExecutionDate: string | null, batchBookingPreferred: boolean | null, instructedAmount: { amount: string, currency: string }, bank: { id: string }, standingOrder: { startDate: string, endDate: string | null, frequency: Frequency, executionRule: ExecutionRule | null, dayOfExecution: number | null, monthsOfExecution: Array<number> | null } | null, bulkEntries: Array<{ creditorName: string, creditorIban: string, remittanceInformationUnstructured: string | null, endToEndId: string, instructedAmount: { amount: string, currency: string } }> | null };

export type StandingOrderFieldsFragment = { startDate: string, endDate: string | null, frequency: Frequency, executionRule: ExecutionRule | null, dayOfExecution: number | null, monthsOfExecution: Array<number> | null };

export type InitiatePaymentMutationVariables = Exact<{
  input: InitiatePaymentInput;
}>;


export type InitiatePaymentMutation = { initiatePayment: { replayed: boolean, payment: { id: string, kind: PaymentKind, product: PaymentProduct, status: PaymentStatus, debtorIban: string, creditorName: string | null, creditorIban: string | null, remittanceInformationUnstructured: string | null, endToEndId: string, requestedExecutionDate: string | null, batchBookingPreferred: boolean | null, instructedAmount: { amount: string, currency: string }, bank: { id: string }, standingOrder: { startDate: string, endDate: string | null, frequency: Frequency, executionRule: ExecutionRule | null, dayOfExecution: number | null, monthsOfExecution: Array<number> | null } | null, bulkEntries: Array<{ creditorName: string, creditorIban: string, remittanceInformationUnstructured: string | null, endToEndId: string, instructedAmount: { amount: string, currency: string } }> | null } } };

export type InitiatePeriodicPaymentMutationVariables = Exact<{
  input: InitiatePeriodicPaymentInput;
}>;


export type InitiatePeriodicPaymentMutation = { initiatePeriodicPayment: { replayed: boolean, payment: { id: string, kind: PaymentKind, product: PaymentProduct, status: PaymentStatus, debtorIban: string, creditorName: string | null, creditorIban: string | null, remittanceInformationUnstructured: string | null, endToEndId: string, requestedExecutionDate: string | null, batchBookingPreferred: boolean | null, instructedAmount: { amount: string, currency: string }, bank: { id: string }, standingOrder: { startDate: string, endDate: string | null, frequency: Frequency, executionRule: ExecutionRule | null, dayOfExecution: number | null, monthsOfExecution: Array<number> | null } | null, bulkEntries: Array<{ creditorName: string, creditorIban: string, remittanceInformationUnstructured: string | null, endToEndId: string, instructedAmount: { amount: string, currency: string } }> | null } } };

export type InitiateBulkPaymentMutationVariables = Exact<{
  input: InitiateBulkPaymentInput;
}>;


export type InitiateBulkPaymentMutation = { initiateBulkPayment: { replayed: boolean, payment: { id: string, kind: PaymentKind, product: PaymentProduct, status: PaymentStatus, debtorIban: string, creditorName: string | null, creditorIban: string | null, remittanceInformationUnstructured: string | null, endToEndId: string, requestedExecutionDate: string | null, batchBookingPreferred: boolean | null, instructedAmount: { amount: string, currency: string }, bank: { id: string }, standingOrder: { startDate: string, endDate: string | null, frequency: Frequency, executionRule: ExecutionRule | null, dayOfExecution: number | null, monthsOfExecution: Array<number> | null } | null, bulkEntries: Array<{ creditorName: string, creditorIban: string, remittanceInformationUnstructured: string | null, endToEndId: string, instructedAmount: { amount: string, currency: string } }> | null } } };

export type PaymentInformationQueryVariables = Exact<{
  id: string | number;
}>;


export type PaymentInformationQuery = { payment: { id: string, kind: PaymentKind, product: PaymentProduct, status: PaymentStatus, debtorIban: string, creditorName: string | null, creditorIban: string | null, remittanceInformationUnstructured: string | null, endToEndId: string, requestedExecutionDate: string | null, batchBookingPreferred: boolean | null, instructedAmount: { amount: string, currency: string }, bank: { id: string }, standingOrder: { startDate: string, endDate: string | null, frequency: Frequency, executionRule: ExecutionRule | null, dayOfExecution: number | null, monthsOfExecution: Array<number> | null } | null, bulkEntries: Array<{ creditorName: string, creditorIban: string, remittanceInformationUnstructured: string | null, endToEndId: string, instructedAmount: { amount: string, currency: string } }> | null } | null };

export type CancelPaymentMutationVariables = Exact<{
  paymentId: string | number;
}>;


export type CancelPaymentMutation = { cancelPayment: { authorisationRequired: boolean, payment: { id: string, status: PaymentStatus } } };

export type PaymentAuthorisationFieldsFragment = { id: string, scaStatus: ScaStatus, finishedAt: string | null, scaMethods: Array<{ authenticationType: string, authenticationMethodId: string, name: string }> | null, chosenScaMethod: { authenticationType: string, authenticationMethodId: string, name: string } | null };

export type PaymentAuthorisationsQueryVariables = Exact<{
  id: string | number;
}>;


export type PaymentAuthorisationsQuery = { payment: { id: string, kind: PaymentKind, product: PaymentProduct, bank: { id: string }, authorisations: Array<{ id: string, scaStatus: ScaStatus, finishedAt: string | null, scaMethods: Array<{ authenticationType: string, authenticationMethodId: string, name: string }> | null, chosenScaMethod: { authenticationType: string, authenticationMethodId: string, name: string } | null }> } | null };

export type StartPaymentAuthorisationMutationVariables = Exact<{
  input: StartPaymentAuthorisationInput;
}>;


export type StartPaymentAuthorisationMutation = { startPaymentAuthorisation: { payment: { id: string, status: PaymentStatus }, authorisation: { id: string, scaStatus: ScaStatus, finishedAt: string | null, scaMethods: Array<{ authenticationType: string, authenticationMethodId: string, name: string }> | null, chosenScaMethod: { authenticationType: string, authenticationMethodId: string, name: string } | null } } };

export type UpdatePaymentAuthorisationMutationVariables = Exact<{
  input: UpdatePaymentAuthorisationInput;
}>;


export type UpdatePaymentAuthorisationMutation = { updatePaymentAuthorisation: { payment: { id: string, status: PaymentStatus }, authorisation: { id: string, scaStatus: ScaStatus, finishedAt: string | null, scaMethods: Array<{ authenticationType: string, authenticationMethodId: string, name: string }> | null, chosenScaMethod: { authenticationType: string, authenticationMethodId: string, name: string } | null } } };

export type PaymentCancellationAuthorisationsQueryVariables = Exact<{
  id: string | number;
}>;


export type PaymentCancellationAuthorisationsQuery = { payment: { id: string, kind: PaymentKind, product: PaymentProduct, bank: { id: string }, cancellationAuthorisations: Array<{ id: string, scaStatus: ScaStatus, finishedAt: string | null, scaMethods: Array<{ authenticationType: string, authenticationMethodId: string, name: string }> | null, chosenScaMethod: { authenticationType: string, authenticationMethodId: string, name: string } | null }> } | null };

export type StartPaymentCancellationAuthorisationMutationVariables = Exact<{
  input: StartPaymentCancellationAuthorisationInput;
}>;


export type StartPaymentCancellationAuthorisationMutation = { startPaymentCancellationAuthorisation: { payment: { id: string, status: PaymentStatus }, authorisation: { id: string, scaStatus: ScaStatus, finishedAt: string | null, scaMethods: Array<{ authenticationType: string, authenticationMethodId: string, name: string }> | null, chosenScaMethod: { authenticationType: string, authenticationMethodId: string, name: string } | null } } };

export type UpdatePaymentCancellationAuthorisationMutationVariables = Exact<{
  input: UpdatePaymentCancellationAuthorisationInput;
}>;


export type UpdatePaymentCancellationAuthorisationMutation = { updatePaymentCancellationAuthorisation: { payment: { id: string, status: PaymentStatus }, authorisation: { id: string, scaStatus: ScaStatus, finishedAt: string | null, scaMethods: Array<{ authenticationType: string, authenticationMethodId: string, name: string }> | null, chosenScaMethod: { authenticationType: string, authenticationMethodId: string, name: string } | null } } };

export type TppByAuthorisationNumberQueryVariables = Exact<{
  authorisationNumber: string;
}>;


export type TppByAuthorisationNumberQuery = { tppByAuthorisationNumber: { id: string, status: TppStatus, roles: Array<TppRole> } | null };

export type RegisterSandboxTppMutationVariables = Exact<{
  input: RegisterTppInput;
}>;


export type RegisterSandboxTppMutation = { registerSandboxTpp: { id: string, status: TppStatus, roles: Array<TppRole> } };

export const AccountDetailsFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AccountDetailsFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Account"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"iban"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"product"}},{"kind":"Field","name":{"kind":"Name","value":"cashAccountType"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"ownerName"}},{"kind":"Field","name":{"kind":"Name","value":"bank"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"bic"}}]}}]}}]} as unknown as DocumentNode<AccountDetailsFieldsFragment, unknown>;
export const BalanceFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"BalanceFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Balance"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"amount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"referenceDate"}},{"kind":"Field","name":{"kind":"Name","value":"creditLimitIncluded"}}]}}]} as unknown as DocumentNode<BalanceFieldsFragment, unknown>;
export const TransactionFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TransactionFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Transaction"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"amount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"bookingDate"}},{"kind":"Field","name":{"kind":"Name","value":"valueDate"}},{"kind":"Field","name":{"kind":"Name","value":"creditorName"}},{"kind":"Field","name":{"kind":"Name","value":"creditorIban"}},{"kind":"Field","name":{"kind":"Name","value":"debtorName"}},{"kind":"Field","name":{"kind":"Name","value":"debtorIban"}},{"kind":"Field","name":{"kind":"Name","value":"remittanceInformationUnstructured"}},{"kind":"Field","name":{"kind":"Name","value":"endToEndId"}},{"kind":"Field","name":{"kind":"Name","value":"bankTransactionCode"}}]}}]} as unknown as DocumentNode<TransactionFieldsFragment, unknown>;
export const ConsentReferenceFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConsentReferenceFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ConsentAccountReference"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"iban"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]} as unknown as DocumentNode<ConsentReferenceFieldsFragment, unknown>;
export const ConsentFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConsentFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Consent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"recurringIndicator"}},{"kind":"Field","name":{"kind":"Name","value":"validUntil"}},{"kind":"Field","name":{"kind":"Name","value":"frequencyPerDay"}},{"kind":"Field","name":{"kind":"Name","value":"combinedServiceIndicator"}},{"kind":"Field","name":{"kind":"Name","value":"lastActionDate"}},{"kind":"Field","name":{"kind":"Name","value":"access"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accounts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ConsentReferenceFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"balances"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ConsentReferenceFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"transactions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ConsentReferenceFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"availableAccounts"}},{"kind":"Field","name":{"kind":"Name","value":"availableAccountsWithBalance"}},{"kind":"Field","name":{"kind":"Name","value":"allPsd2"}},{"kind":"Field","name":{"kind":"Name","value":"fundsConfirmation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ConsentReferenceFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"cardNumber"}},{"kind":"Field","name":{"kind":"Name","value":"cardExpiryDate"}},{"kind":"Field","name":{"kind":"Name","value":"cardInformation"}},{"kind":"Field","name":{"kind":"Name","value":"registrationInformation"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConsentReferenceFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ConsentAccountReference"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"iban"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]} as unknown as DocumentNode<ConsentFieldsFragment, unknown>;
export const ConsentAuthorisationFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConsentAuthorisationFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ConsentAuthorisation"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"scaStatus"}},{"kind":"Field","name":{"kind":"Name","value":"scaMethods"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"authenticationType"}},{"kind":"Field","name":{"kind":"Name","value":"authenticationMethodId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"chosenScaMethod"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"authenticationType"}},{"kind":"Field","name":{"kind":"Name","value":"authenticationMethodId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<ConsentAuthorisationFieldsFragment, unknown>;
export const StandingOrderFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StandingOrderFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"StandingOrderTerms"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"startDate"}},{"kind":"Field","name":{"kind":"Name","value":"endDate"}},{"kind":"Field","name":{"kind":"Name","value":"frequency"}},{"kind":"Field","name":{"kind":"Name","value":"executionRule"}},{"kind":"Field","name":{"kind":"Name","value":"dayOfExecution"}},{"kind":"Field","name":{"kind":"Name","value":"monthsOfExecution"}}]}}]} as unknown as DocumentNode<StandingOrderFieldsFragment, unknown>;
export const PaymentFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PaymentFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Payment"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"product"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"debtorIban"}},{"kind":"Field","name":{"kind":"Name","value":"creditorName"}},{"kind":"Field","name":{"kind":"Name","value":"creditorIban"}},{"kind":"Field","name":{"kind":"Name","value":"remittanceInformationUnstructured"}},{"kind":"Field","name":{"kind":"Name","value":"endToEndId"}},{"kind":"Field","name":{"kind":"Name","value":"requestedExecutionDate"}},{"kind":"Field","name":{"kind":"Name","value":"instructedAmount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"bank"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"batchBookingPreferred"}},{"kind":"Field","name":{"kind":"Name","value":"standingOrder"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StandingOrderFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"bulkEntries"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"creditorName"}},{"kind":"Field","name":{"kind":"Name","value":"creditorIban"}},{"kind":"Field","name":{"kind":"Name","value":"remittanceInformationUnstructured"}},{"kind":"Field","name":{"kind":"Name","value":"endToEndId"}},{"kind":"Field","name":{"kind":"Name","value":"instructedAmount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StandingOrderFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"StandingOrderTerms"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"startDate"}},{"kind":"Field","name":{"kind":"Name","value":"endDate"}},{"kind":"Field","name":{"kind":"Name","value":"frequency"}},{"kind":"Field","name":{"kind":"Name","value":"executionRule"}},{"kind":"Field","name":{"kind":"Name","value":"dayOfExecution"}},{"kind":"Field","name":{"kind":"Name","value":"monthsOfExecution"}}]}}]} as unknown as DocumentNode<PaymentFieldsFragment, unknown>;
export const PaymentAuthorisationFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PaymentAuthorisationFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PaymentAuthorisation"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"scaStatus"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"scaMethods"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"authenticationType"}},{"kind":"Field","name":{"kind":"Name","value":"authenticationMethodId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"chosenScaMethod"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"authenticationType"}},{"kind":"Field","name":{"kind":"Name","value":"authenticationMethodId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<PaymentAuthorisationFieldsFragment, unknown>;
export const AccountListDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AccountList"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"psuId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"bankId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"withBalance"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"psu"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"psuId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accounts"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"bankIds"},"value":{"kind":"ListValue","values":[{"kind":"Variable","name":{"kind":"Name","value":"bankId"}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AccountDetailsFields"}},{"kind":"Field","name":{"kind":"Name","value":"balances"},"directives":[{"kind":"Directive","name":{"kind":"Name","value":"include"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"if"},"value":{"kind":"Variable","name":{"kind":"Name","value":"withBalance"}}}]}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"BalanceFields"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AccountDetailsFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Account"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"iban"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"product"}},{"kind":"Field","name":{"kind":"Name","value":"cashAccountType"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"ownerName"}},{"kind":"Field","name":{"kind":"Name","value":"bank"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"bic"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"BalanceFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Balance"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"amount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"referenceDate"}},{"kind":"Field","name":{"kind":"Name","value":"creditLimitIncluded"}}]}}]} as unknown as DocumentNode<AccountListQuery, AccountListQueryVariables>;
export const AccountDetailsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AccountDetails"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"withBalance"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"account"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AccountDetailsFields"}},{"kind":"Field","name":{"kind":"Name","value":"balances"},"directives":[{"kind":"Directive","name":{"kind":"Name","value":"include"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"if"},"value":{"kind":"Variable","name":{"kind":"Name","value":"withBalance"}}}]}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"BalanceFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AccountDetailsFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Account"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"iban"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"product"}},{"kind":"Field","name":{"kind":"Name","value":"cashAccountType"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"ownerName"}},{"kind":"Field","name":{"kind":"Name","value":"bank"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"bic"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"BalanceFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Balance"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"amount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"referenceDate"}},{"kind":"Field","name":{"kind":"Name","value":"creditLimitIncluded"}}]}}]} as unknown as DocumentNode<AccountDetailsQuery, AccountDetailsQueryVariables>;
export const AccountBalancesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AccountBalances"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"account"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"iban"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"bank"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"balances"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"BalanceFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"BalanceFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Balance"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"amount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"referenceDate"}},{"kind":"Field","name":{"kind":"Name","value":"creditLimitIncluded"}}]}}]} as unknown as DocumentNode<AccountBalancesQuery, AccountBalancesQueryVariables>;
export const AccountTransactionsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AccountTransactions"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"bookingStatus"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"BookingStatus"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"dateFrom"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"dateTo"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"withBalance"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"account"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"iban"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"bank"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"balances"},"directives":[{"kind":"Directive","name":{"kind":"Name","value":"include"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"if"},"value":{"kind":"Variable","name":{"kind":"Name","value":"withBalance"}}}]}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"BalanceFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"transactions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"bookingStatus"},"value":{"kind":"Variable","name":{"kind":"Name","value":"bookingStatus"}}},{"kind":"Argument","name":{"kind":"Name","value":"dateFrom"},"value":{"kind":"Variable","name":{"kind":"Name","value":"dateFrom"}}},{"kind":"Argument","name":{"kind":"Name","value":"dateTo"},"value":{"kind":"Variable","name":{"kind":"Name","value":"dateTo"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TransactionFields"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"BalanceFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Balance"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"amount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"referenceDate"}},{"kind":"Field","name":{"kind":"Name","value":"creditLimitIncluded"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TransactionFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Transaction"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"amount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"bookingDate"}},{"kind":"Field","name":{"kind":"Name","value":"valueDate"}},{"kind":"Field","name":{"kind":"Name","value":"creditorName"}},{"kind":"Field","name":{"kind":"Name","value":"creditorIban"}},{"kind":"Field","name":{"kind":"Name","value":"debtorName"}},{"kind":"Field","name":{"kind":"Name","value":"debtorIban"}},{"kind":"Field","name":{"kind":"Name","value":"remittanceInformationUnstructured"}},{"kind":"Field","name":{"kind":"Name","value":"endToEndId"}},{"kind":"Field","name":{"kind":"Name","value":"bankTransactionCode"}}]}}]} as unknown as DocumentNode<AccountTransactionsQuery, AccountTransactionsQueryVariables>;
export const TransactionCursorsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TransactionCursors"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"bookingStatus"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"BookingStatus"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"dateFrom"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"dateTo"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"account"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"transactions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"bookingStatus"},"value":{"kind":"Variable","name":{"kind":"Name","value":"bookingStatus"}}},{"kind":"Argument","name":{"kind":"Name","value":"dateFrom"},"value":{"kind":"Variable","name":{"kind":"Name","value":"dateFrom"}}},{"kind":"Argument","name":{"kind":"Name","value":"dateTo"},"value":{"kind":"Variable","name":{"kind":"Name","value":"dateTo"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]}}]} as unknown as DocumentNode<TransactionCursorsQuery, TransactionCursorsQueryVariables>;
export const TransactionDetailsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TransactionDetails"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"transaction"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TransactionFields"}},{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TransactionFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Transaction"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"amount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"bookingDate"}},{"kind":"Field","name":{"kind":"Name","value":"valueDate"}},{"kind":"Field","name":{"kind":"Name","value":"creditorName"}},{"kind":"Field","name":{"kind":"Name","value":"creditorIban"}},{"kind":"Field","name":{"kind":"Name","value":"debtorName"}},{"kind":"Field","name":{"kind":"Name","value":"debtorIban"}},{"kind":"Field","name":{"kind":"Name","value":"remittanceInformationUnstructured"}},{"kind":"Field","name":{"kind":"Name","value":"endToEndId"}},{"kind":"Field","name":{"kind":"Name","value":"bankTransactionCode"}}]}}]} as unknown as DocumentNode<TransactionDetailsQuery, TransactionDetailsQueryVariables>;
export const FundsConfirmationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"FundsConfirmation"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"FundsConfirmationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fundsConfirmation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fundsAvailable"}}]}}]}}]} as unknown as DocumentNode<FundsConfirmationQuery, FundsConfirmationQueryVariables>;
export const AccountStandingOrdersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AccountStandingOrders"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"account"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"iban"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"bank"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"transactions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"1"}},{"kind":"Argument","name":{"kind":"Name","value":"bookingStatus"},"value":{"kind":"EnumValue","value":"BOOKED"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"standingOrders"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"creditorName"}},{"kind":"Field","name":{"kind":"Name","value":"creditorIban"}},{"kind":"Field","name":{"kind":"Name","value":"remittanceInformationUnstructured"}},{"kind":"Field","name":{"kind":"Name","value":"endToEndId"}},{"kind":"Field","name":{"kind":"Name","value":"instructedAmount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"standingOrder"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StandingOrderFields"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StandingOrderFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"StandingOrderTerms"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"startDate"}},{"kind":"Field","name":{"kind":"Name","value":"endDate"}},{"kind":"Field","name":{"kind":"Name","value":"frequency"}},{"kind":"Field","name":{"kind":"Name","value":"executionRule"}},{"kind":"Field","name":{"kind":"Name","value":"dayOfExecution"}},{"kind":"Field","name":{"kind":"Name","value":"monthsOfExecution"}}]}}]} as unknown as DocumentNode<AccountStandingOrdersQuery, AccountStandingOrdersQueryVariables>;
export const BanksDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Banks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"banks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"bic"}},{"kind":"Field","name":{"kind":"Name","value":"country"}}]}}]}}]} as unknown as DocumentNode<BanksQuery, BanksQueryVariables>;
export const CreateConsentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateConsent"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateConsentInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createConsent"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"consent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"replayed"}}]}}]}}]} as unknown as DocumentNode<CreateConsentMutation, CreateConsentMutationVariables>;
export const ConsentInformationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsentInformation"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"consent"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ConsentFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConsentReferenceFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ConsentAccountReference"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"iban"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConsentFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Consent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"recurringIndicator"}},{"kind":"Field","name":{"kind":"Name","value":"validUntil"}},{"kind":"Field","name":{"kind":"Name","value":"frequencyPerDay"}},{"kind":"Field","name":{"kind":"Name","value":"combinedServiceIndicator"}},{"kind":"Field","name":{"kind":"Name","value":"lastActionDate"}},{"kind":"Field","name":{"kind":"Name","value":"access"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accounts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ConsentReferenceFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"balances"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ConsentReferenceFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"transactions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ConsentReferenceFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"availableAccounts"}},{"kind":"Field","name":{"kind":"Name","value":"availableAccountsWithBalance"}},{"kind":"Field","name":{"kind":"Name","value":"allPsd2"}},{"kind":"Field","name":{"kind":"Name","value":"fundsConfirmation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ConsentReferenceFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"cardNumber"}},{"kind":"Field","name":{"kind":"Name","value":"cardExpiryDate"}},{"kind":"Field","name":{"kind":"Name","value":"cardInformation"}},{"kind":"Field","name":{"kind":"Name","value":"registrationInformation"}}]}}]}}]}}]} as unknown as DocumentNode<ConsentInformationQuery, ConsentInformationQueryVariables>;
export const DeleteConsentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteConsent"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"consentId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteConsent"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"consentId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"consentId"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"consent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]} as unknown as DocumentNode<DeleteConsentMutation, DeleteConsentMutationVariables>;
export const ConsentAuthorisationsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsentAuthorisations"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"consent"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"authorisations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ConsentAuthorisationFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConsentAuthorisationFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ConsentAuthorisation"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"scaStatus"}},{"kind":"Field","name":{"kind":"Name","value":"scaMethods"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"authenticationType"}},{"kind":"Field","name":{"kind":"Name","value":"authenticationMethodId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"chosenScaMethod"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"authenticationType"}},{"kind":"Field","name":{"kind":"Name","value":"authenticationMethodId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<ConsentAuthorisationsQuery, ConsentAuthorisationsQueryVariables>;
export const StartConsentAuthorisationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"StartConsentAuthorisation"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"StartConsentAuthorisationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"startConsentAuthorisation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"authorisation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ConsentAuthorisationFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConsentAuthorisationFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ConsentAuthorisation"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"scaStatus"}},{"kind":"Field","name":{"kind":"Name","value":"scaMethods"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"authenticationType"}},{"kind":"Field","name":{"kind":"Name","value":"authenticationMethodId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"chosenScaMethod"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"authenticationType"}},{"kind":"Field","name":{"kind":"Name","value":"authenticationMethodId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<StartConsentAuthorisationMutation, StartConsentAuthorisationMutationVariables>;
export const UpdateConsentAuthorisationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateConsentAuthorisation"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateConsentAuthorisationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateConsentAuthorisation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"authorisation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ConsentAuthorisationFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConsentAuthorisationFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ConsentAuthorisation"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"scaStatus"}},{"kind":"Field","name":{"kind":"Name","value":"scaMethods"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"authenticationType"}},{"kind":"Field","name":{"kind":"Name","value":"authenticationMethodId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"chosenScaMethod"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"authenticationType"}},{"kind":"Field","name":{"kind":"Name","value":"authenticationMethodId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<UpdateConsentAuthorisationMutation, UpdateConsentAuthorisationMutationVariables>;
export const ValidFundsConsentsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ValidFundsConsents"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"consents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"type"},"value":{"kind":"EnumValue","value":"PIIS"}},{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"EnumValue","value":"VALID"}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"access"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fundsConfirmation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"iban"}}]}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<ValidFundsConsentsQuery, ValidFundsConsentsQueryVariables>;
export const InitiatePaymentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"InitiatePayment"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"InitiatePaymentInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"initiatePayment"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"replayed"}},{"kind":"Field","name":{"kind":"Name","value":"payment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PaymentFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StandingOrderFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"StandingOrderTerms"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"startDate"}},{"kind":"Field","name":{"kind":"Name","value":"endDate"}},{"kind":"Field","name":{"kind":"Name","value":"frequency"}},{"kind":"Field","name":{"kind":"Name","value":"executionRule"}},{"kind":"Field","name":{"kind":"Name","value":"dayOfExecution"}},{"kind":"Field","name":{"kind":"Name","value":"monthsOfExecution"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PaymentFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Payment"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"product"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"debtorIban"}},{"kind":"Field","name":{"kind":"Name","value":"creditorName"}},{"kind":"Field","name":{"kind":"Name","value":"creditorIban"}},{"kind":"Field","name":{"kind":"Name","value":"remittanceInformationUnstructured"}},{"kind":"Field","name":{"kind":"Name","value":"endToEndId"}},{"kind":"Field","name":{"kind":"Name","value":"requestedExecutionDate"}},{"kind":"Field","name":{"kind":"Name","value":"instructedAmount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"bank"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"batchBookingPreferred"}},{"kind":"Field","name":{"kind":"Name","value":"standingOrder"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StandingOrderFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"bulkEntries"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"creditorName"}},{"kind":"Field","name":{"kind":"Name","value":"creditorIban"}},{"kind":"Field","name":{"kind":"Name","value":"remittanceInformationUnstructured"}},{"kind":"Field","name":{"kind":"Name","value":"endToEndId"}},{"kind":"Field","name":{"kind":"Name","value":"instructedAmount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]}}]}}]} as unknown as DocumentNode<InitiatePaymentMutation, InitiatePaymentMutationVariables>;
export const InitiatePeriodicPaymentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"InitiatePeriodicPayment"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"InitiatePeriodicPaymentInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"initiatePeriodicPayment"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"replayed"}},{"kind":"Field","name":{"kind":"Name","value":"payment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PaymentFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StandingOrderFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"StandingOrderTerms"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"startDate"}},{"kind":"Field","name":{"kind":"Name","value":"endDate"}},{"kind":"Field","name":{"kind":"Name","value":"frequency"}},{"kind":"Field","name":{"kind":"Name","value":"executionRule"}},{"kind":"Field","name":{"kind":"Name","value":"dayOfExecution"}},{"kind":"Field","name":{"kind":"Name","value":"monthsOfExecution"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PaymentFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Payment"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"product"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"debtorIban"}},{"kind":"Field","name":{"kind":"Name","value":"creditorName"}},{"kind":"Field","name":{"kind":"Name","value":"creditorIban"}},{"kind":"Field","name":{"kind":"Name","value":"remittanceInformationUnstructured"}},{"kind":"Field","name":{"kind":"Name","value":"endToEndId"}},{"kind":"Field","name":{"kind":"Name","value":"requestedExecutionDate"}},{"kind":"Field","name":{"kind":"Name","value":"instructedAmount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"bank"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"batchBookingPreferred"}},{"kind":"Field","name":{"kind":"Name","value":"standingOrder"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StandingOrderFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"bulkEntries"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"creditorName"}},{"kind":"Field","name":{"kind":"Name","value":"creditorIban"}},{"kind":"Field","name":{"kind":"Name","value":"remittanceInformationUnstructured"}},{"kind":"Field","name":{"kind":"Name","value":"endToEndId"}},{"kind":"Field","name":{"kind":"Name","value":"instructedAmount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]}}]}}]} as unknown as DocumentNode<InitiatePeriodicPaymentMutation, InitiatePeriodicPaymentMutationVariables>;
export const InitiateBulkPaymentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"InitiateBulkPayment"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"InitiateBulkPaymentInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"initiateBulkPayment"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"replayed"}},{"kind":"Field","name":{"kind":"Name","value":"payment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PaymentFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StandingOrderFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"StandingOrderTerms"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"startDate"}},{"kind":"Field","name":{"kind":"Name","value":"endDate"}},{"kind":"Field","name":{"kind":"Name","value":"frequency"}},{"kind":"Field","name":{"kind":"Name","value":"executionRule"}},{"kind":"Field","name":{"kind":"Name","value":"dayOfExecution"}},{"kind":"Field","name":{"kind":"Name","value":"monthsOfExecution"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PaymentFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Payment"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"product"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"debtorIban"}},{"kind":"Field","name":{"kind":"Name","value":"creditorName"}},{"kind":"Field","name":{"kind":"Name","value":"creditorIban"}},{"kind":"Field","name":{"kind":"Name","value":"remittanceInformationUnstructured"}},{"kind":"Field","name":{"kind":"Name","value":"endToEndId"}},{"kind":"Field","name":{"kind":"Name","value":"requestedExecutionDate"}},{"kind":"Field","name":{"kind":"Name","value":"instructedAmount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"bank"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"batchBookingPreferred"}},{"kind":"Field","name":{"kind":"Name","value":"standingOrder"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StandingOrderFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"bulkEntries"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"creditorName"}},{"kind":"Field","name":{"kind":"Name","value":"creditorIban"}},{"kind":"Field","name":{"kind":"Name","value":"remittanceInformationUnstructured"}},{"kind":"Field","name":{"kind":"Name","value":"endToEndId"}},{"kind":"Field","name":{"kind":"Name","value":"instructedAmount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]}}]}}]} as unknown as DocumentNode<InitiateBulkPaymentMutation, InitiateBulkPaymentMutationVariables>;
export const PaymentInformationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PaymentInformation"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"payment"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PaymentFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StandingOrderFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"StandingOrderTerms"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"startDate"}},{"kind":"Field","name":{"kind":"Name","value":"endDate"}},{"kind":"Field","name":{"kind":"Name","value":"frequency"}},{"kind":"Field","name":{"kind":"Name","value":"executionRule"}},{"kind":"Field","name":{"kind":"Name","value":"dayOfExecution"}},{"kind":"Field","name":{"kind":"Name","value":"monthsOfExecution"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PaymentFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Payment"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"product"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"debtorIban"}},{"kind":"Field","name":{"kind":"Name","value":"creditorName"}},{"kind":"Field","name":{"kind":"Name","value":"creditorIban"}},{"kind":"Field","name":{"kind":"Name","value":"remittanceInformationUnstructured"}},{"kind":"Field","name":{"kind":"Name","value":"endToEndId"}},{"kind":"Field","name":{"kind":"Name","value":"requestedExecutionDate"}},{"kind":"Field","name":{"kind":"Name","value":"instructedAmount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"bank"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"batchBookingPreferred"}},{"kind":"Field","name":{"kind":"Name","value":"standingOrder"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StandingOrderFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"bulkEntries"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"creditorName"}},{"kind":"Field","name":{"kind":"Name","value":"creditorIban"}},{"kind":"Field","name":{"kind":"Name","value":"remittanceInformationUnstructured"}},{"kind":"Field","name":{"kind":"Name","value":"endToEndId"}},{"kind":"Field","name":{"kind":"Name","value":"instructedAmount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]}}]}}]} as unknown as DocumentNode<PaymentInformationQuery, PaymentInformationQueryVariables>;
export const CancelPaymentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CancelPayment"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"paymentId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cancelPayment"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"paymentId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"paymentId"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"authorisationRequired"}},{"kind":"Field","name":{"kind":"Name","value":"payment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]} as unknown as DocumentNode<CancelPaymentMutation, CancelPaymentMutationVariables>;
export const PaymentAuthorisationsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PaymentAuthorisations"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"payment"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"product"}},{"kind":"Field","name":{"kind":"Name","value":"bank"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"authorisations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PaymentAuthorisationFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PaymentAuthorisationFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PaymentAuthorisation"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"scaStatus"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"scaMethods"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"authenticationType"}},{"kind":"Field","name":{"kind":"Name","value":"authenticationMethodId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"chosenScaMethod"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"authenticationType"}},{"kind":"Field","name":{"kind":"Name","value":"authenticationMethodId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<PaymentAuthorisationsQuery, PaymentAuthorisationsQueryVariables>;
export const StartPaymentAuthorisationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"StartPaymentAuthorisation"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"StartPaymentAuthorisationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"startPaymentAuthorisation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"payment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"authorisation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PaymentAuthorisationFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PaymentAuthorisationFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PaymentAuthorisation"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"scaStatus"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"scaMethods"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"authenticationType"}},{"kind":"Field","name":{"kind":"Name","value":"authenticationMethodId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"chosenScaMethod"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"authenticationType"}},{"kind":"Field","name":{"kind":"Name","value":"authenticationMethodId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<StartPaymentAuthorisationMutation, StartPaymentAuthorisationMutationVariables>;
export const UpdatePaymentAuthorisationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdatePaymentAuthorisation"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdatePaymentAuthorisationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updatePaymentAuthorisation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"payment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"authorisation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PaymentAuthorisationFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PaymentAuthorisationFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PaymentAuthorisation"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"scaStatus"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"scaMethods"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"authenticationType"}},{"kind":"Field","name":{"kind":"Name","value":"authenticationMethodId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"chosenScaMethod"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"authenticationType"}},{"kind":"Field","name":{"kind":"Name","value":"authenticationMethodId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<UpdatePaymentAuthorisationMutation, UpdatePaymentAuthorisationMutationVariables>;
export const PaymentCancellationAuthorisationsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PaymentCancellationAuthorisations"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"payment"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"product"}},{"kind":"Field","name":{"kind":"Name","value":"bank"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"cancellationAuthorisations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PaymentAuthorisationFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PaymentAuthorisationFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PaymentAuthorisation"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"scaStatus"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"scaMethods"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"authenticationType"}},{"kind":"Field","name":{"kind":"Name","value":"authenticationMethodId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"chosenScaMethod"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"authenticationType"}},{"kind":"Field","name":{"kind":"Name","value":"authenticationMethodId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<PaymentCancellationAuthorisationsQuery, PaymentCancellationAuthorisationsQueryVariables>;
export const StartPaymentCancellationAuthorisationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"StartPaymentCancellationAuthorisation"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"StartPaymentCancellationAuthorisationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"startPaymentCancellationAuthorisation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"payment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"authorisation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PaymentAuthorisationFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PaymentAuthorisationFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PaymentAuthorisation"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"scaStatus"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"scaMethods"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"authenticationType"}},{"kind":"Field","name":{"kind":"Name","value":"authenticationMethodId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"chosenScaMethod"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"authenticationType"}},{"kind":"Field","name":{"kind":"Name","value":"authenticationMethodId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<StartPaymentCancellationAuthorisationMutation, StartPaymentCancellationAuthorisationMutationVariables>;
export const UpdatePaymentCancellationAuthorisationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdatePaymentCancellationAuthorisation"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdatePaymentCancellationAuthorisationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updatePaymentCancellationAuthorisation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"payment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"authorisation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PaymentAuthorisationFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PaymentAuthorisationFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PaymentAuthorisation"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"scaStatus"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"scaMethods"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"authenticationType"}},{"kind":"Field","name":{"kind":"Name","value":"authenticationMethodId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"chosenScaMethod"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"authenticationType"}},{"kind":"Field","name":{"kind":"Name","value":"authenticationMethodId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<UpdatePaymentCancellationAuthorisationMutation, UpdatePaymentCancellationAuthorisationMutationVariables>;
export const TppByAuthorisationNumberDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TppByAuthorisationNumber"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"authorisationNumber"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tppByAuthorisationNumber"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"authorisationNumber"},"value":{"kind":"Variable","name":{"kind":"Name","value":"authorisationNumber"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"roles"}}]}}]}}]} as unknown as DocumentNode<TppByAuthorisationNumberQuery, TppByAuthorisationNumberQueryVariables>;
export const RegisterSandboxTppDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RegisterSandboxTpp"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RegisterTppInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"registerSandboxTpp"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"roles"}}]}}]}}]} as unknown as DocumentNode<RegisterSandboxTppMutation, RegisterSandboxTppMutationVariables>;