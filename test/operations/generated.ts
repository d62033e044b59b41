/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** Berlin Group balance types. */
export type BalanceType =
  | 'CLOSING_BOOKED'
  | 'EXPECTED'
  | 'INTERIM_AVAILABLE'
  | 'INTERIM_BOOKED'
  | 'OPENING_BOOKED';

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

/** An amount to transfer, as a decimal string (never a float). */
export type InstructedAmountInput = {
  /** Decimal string, e.g. "12.50"; positive, at most the currency's decimal places. */
  amount: string;
  /** ISO 4217 code, e.g. EUR. */
  currency: string;
};

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

/** The catalogue shelf a solution is browsed under. */
export type SolutionCategory =
  | 'ACCOUNTING'
  | 'IDENTITY'
  | 'LENDING'
  | 'PAYMENTS'
  | 'PERSONAL_FINANCE'
  | 'SUSTAINABILITY'
  | 'TREASURY';

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

/** Where a TPP stands in the bank's vetting. */
export type TppStatus =
  | 'ACTIVE'
  | 'PENDING'
  | 'REVOKED'
  | 'SUSPENDED';

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

export type StartPaymentAuthorisationMutationVariables = Exact<{
  input: StartPaymentAuthorisationInput;
}>;


export type StartPaymentAuthorisationMutation = { startPaymentAuthorisation: { authorisation: { id: string, scaStatus: ScaStatus, scaMethods: Array<{ authenticationType: string, authenticationMethodId: string }> | null }, payment: { id: string, status: PaymentStatus } } };

export type UpdatePaymentAuthorisationMutationVariables = Exact<{
  input: UpdatePaymentAuthorisationInput;
}>;


export type UpdatePaymentAuthorisationMutation = { updatePaymentAuthorisation: { authorisation: { id: string, scaStatus: ScaStatus }, payment: { id: string, status: PaymentStatus } } };

export type InitiatePaymentMutationVariables = Exact<{
  input: InitiatePaymentInput;
}>;


export type InitiatePaymentMutation = { initiatePayment: { replayed: boolean, payment: { id: string, status: PaymentStatus, rejectionReason: string | null, instructedAmount: { amount: string, currency: string }, debtorAccount: { iban: string, balances: Array<{ type: BalanceType, amount: { amount: string } }> }, statusHistory: Array<{ status: PaymentStatus }> } } };

export type PsuOverviewQueryVariables = Exact<{
  psu: string | number;
  transactions?: number | null | undefined;
}>;


export type PsuOverviewQuery = { psu: { id: string, accounts: Array<{ id: string, iban: string, currency: string, name: string, bank: { id: string, name: string, bic: string }, balances: Array<{ type: BalanceType, referenceDate: string, amount: { amount: string, currency: string } }>, transactions: { edges: Array<{ node: { id: string, bookingDate: string | null, creditorName: string | null, debtorName: string | null, remittanceInformationUnstructured: string | null, amount: { amount: string, currency: string } } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } }, payments: { edges: Array<{ node: { id: string, status: PaymentStatus, instructedAmount: { amount: string, currency: string } } }> } } | null>, consents: Array<{ id: string, type: ConsentType, status: ConsentStatus, validUntil: string, accounts: Array<{ iban: string }>, tpp: { id: string, legalName: string, status: TppStatus, solutions: Array<{ name: string, category: SolutionCategory, averageRating: number | null }> } }> } | null };


export const StartPaymentAuthorisationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"StartPaymentAuthorisation"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"StartPaymentAuthorisationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"startPaymentAuthorisation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"authorisation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"scaStatus"}},{"kind":"Field","name":{"kind":"Name","value":"scaMethods"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"authenticationType"}},{"kind":"Field","name":{"kind":"Name","value":"authenticationMethodId"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"payment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]} as unknown as DocumentNode<StartPaymentAuthorisationMutation, StartPaymentAuthorisationMutationVariables>;
export const UpdatePaymentAuthorisationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdatePaymentAuthorisation"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdatePaymentAuthorisationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updatePaymentAuthorisation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"authorisation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"scaStatus"}}]}},{"kind":"Field","name":{"kind":"Name","value":"payment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]} as unknown as DocumentNode<UpdatePaymentAuthorisationMutation, UpdatePaymentAuthorisationMutationVariables>;
export const InitiatePaymentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"InitiatePayment"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"InitiatePaymentInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"initiatePayment"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"replayed"}},{"kind":"Field","name":{"kind":"Name","value":"payment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"rejectionReason"}},{"kind":"Field","name":{"kind":"Name","value":"instructedAmount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"debtorAccount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"iban"}},{"kind":"Field","name":{"kind":"Name","value":"balances"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"amount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"statusHistory"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]}}]} as unknown as DocumentNode<InitiatePaymentMutation, InitiatePaymentMutationVariables>;
export const PsuOverviewDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PsuOverview"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"psu"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"transactions"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"10"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"psu"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"psu"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"accounts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"iban"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"bank"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"bic"}}]}},{"kind":"Field","name":{"kind":"Name","value":"balances"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"amount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"referenceDate"}}]}},{"kind":"Field","name":{"kind":"Name","value":"transactions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"transactions"}}},{"kind":"Argument","name":{"kind":"Name","value":"bookingStatus"},"value":{"kind":"EnumValue","value":"BOOKED"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"bookingDate"}},{"kind":"Field","name":{"kind":"Name","value":"amount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"creditorName"}},{"kind":"Field","name":{"kind":"Name","value":"debtorName"}},{"kind":"Field","name":{"kind":"Name","value":"remittanceInformationUnstructured"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"payments"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"5"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"instructedAmount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"consents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"EnumValue","value":"VALID"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"validUntil"}},{"kind":"Field","name":{"kind":"Name","value":"accounts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"iban"}}]}},{"kind":"Field","name":{"kind":"Name","value":"tpp"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"legalName"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"solutions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"averageRating"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<PsuOverviewQuery, PsuOverviewQueryVariables>;