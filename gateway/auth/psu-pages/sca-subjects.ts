/**
 * @module What a PSU authorises on the hub's pages (a consent, a payment or a payment's cancellation), read and moved through the
 * hub's own GraphQL pipeline as the system: the subgraphs check every step (the bank verifies password
 * and one-time code); these pages only show and relay.
 */
import type { ApolloServer } from "@apollo/server";
import { systemCaller } from "../../../subgraphs/shared/context.js";
import type { GatewayContext } from "../../local-data-source.js";

export type SubjectKind = "consent" | "payment" | "paymentCancellation";

export interface ScaMethodView {
  authenticationType: string;
  authenticationMethodId: string;
  name: string;
}

export interface AuthorisationView {
  id: string;
  scaStatus: string;
  psuId: string | null;
  scaMethods: ScaMethodView[] | null;
  chosenScaMethod: ScaMethodView | null;
}

/** A consent or payment as the PSU sees it before approving. */
export interface SubjectView {
  kind: SubjectKind;
  id: string;
  tppId: string;
  tppName: string;
  psuId: string | null;
  /** Lines describing what is granted or paid, in plain words. */
  summary: string[];
  /** Whether it still takes an authorisation (a RECEIVED consent, a RCVD payment not yet authorised, a cancellation asked for). */
  awaitsAuthorisation: boolean;
  /** The OAuth scope a grant for it carries. */
  scope: "accounts" | "payments" | "fundsconfirmation";
  redirectUri: string | null;
  nokRedirectUri: string | null;
  authorisations: AuthorisationView[];
}

export class ScaStepError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const METHODS = "scaMethods { authenticationType authenticationMethodId name } chosenScaMethod { authenticationType authenticationMethodId name }";
const AUTHORISATION = { consent: `id scaStatus psu { id } ${METHODS}`, payment: `id scaStatus psuId ${METHODS}`, paymentCancellation: `id scaStatus psuId ${METHODS}` };

const CONSENT = `query ScaConsent($id: ID!) { consent(id: $id) {
  id type awaitsAuthorisation validUntil frequencyPerDay recurringIndicator tppRedirectUri tppNokRedirectUri
  tpp { id legalName } psu { id }
  access { accounts { iban } balances { iban } transactions { iban } availableAccounts availableAccountsWithBalance allPsd2 fundsConfirmation { account { iban } } }
  authorisations { ${AUTHORISATION.consent} }
} }`;

const PAYMENT = `query ScaPayment($id: ID!) { payment(id: $id) {
  id kind awaitsAuthorisation awaitsCancellationAuthorisation psuId debtorIban creditorName creditorIban remittanceInformationUnstructured requestedExecutionDate tppRedirectUri tppNokRedirectUri
  standingOrder { startDate endDate frequency } bulkEntries { creditorName creditorIban instructedAmount { amount currency } }
  instructedAmount { amount currency } tpp { id legalName }
  authorisations { ${AUTHORISATION.payment} } cancellationAuthorisations { ${AUTHORISATION.payment} }
} }`;

const START = {
  consent: `mutation ScaStartConsent($input: StartConsentAuthorisationInput!) { moved: startConsentAuthorisation(input: $input) { authorisation { ${AUTHORISATION.consent} } } }`,
  payment: `mutation ScaStartPayment($input: StartPaymentAuthorisationInput!) { moved: startPaymentAuthorisation(input: $input) { authorisation { ${AUTHORISATION.payment} } } }`,
  paymentCancellation: `mutation ScaStartPaymentCancellation($input: StartPaymentCancellationAuthorisationInput!) { moved: startPaymentCancellationAuthorisation(input: $input) { authorisation { ${AUTHORISATION.payment} } } }`,
};
const STEP = {
  consent: `mutation ScaStepConsent($input: UpdateConsentAuthorisationInput!) { moved: updateConsentAuthorisation(input: $input) { authorisation { ${AUTHORISATION.consent} } } }`,
  payment: `mutation ScaStepPayment($input: UpdatePaymentAuthorisationInput!) { moved: updatePaymentAuthorisation(input: $input) { authorisation { ${AUTHORISATION.payment} } } }`,
  paymentCancellation: `mutation ScaStepPaymentCancellation($input: UpdatePaymentCancellationAuthorisationInput!) { moved: updatePaymentCancellationAuthorisation(input: $input) { authorisation { ${AUTHORISATION.payment} } } }`,
};
/** The input field naming the subject. */
const ID_FIELD: Record<SubjectKind, string> = { consent: "consentId", payment: "paymentId", paymentCancellation: "paymentId" };

type Row = Record<string, any>;

const ibans = (refs: { iban: string }[]) => refs.map((r) => r.iban).join(", ");

function consentSummary(c: Row): string[] {
  const a = c.access;
  const lines: string[] = [];
  if (a.allPsd2) lines.push("All your payment accounts: details, balances and transactions");
  if (a.availableAccounts) lines.push("The list of your available accounts");
  if (a.availableAccountsWithBalance) lines.push("The list of your available accounts with their balances");
  if (a.accounts.length) lines.push(`Account details of ${ibans(a.accounts)}`);
  if (a.balances.length) lines.push(`Balances of ${ibans(a.balances)}`);
  if (a.transactions.length) lines.push(`Transactions of ${ibans(a.transactions)}`);
  if (a.fundsConfirmation) lines.push(`Confirmation of funds on ${a.fundsConfirmation.account.iban}`);
  lines.push(c.recurringIndicator ? `Until ${c.validUntil}, up to ${c.frequencyPerDay} times a day without you` : `Once, until ${c.validUntil}`);
  return lines;
}

function paymentSummary(p: Row): string[] {
  if (p.kind === "BULK") {
    return [
      `Pay ${p.instructedAmount.amount} ${p.instructedAmount.currency} in ${p.bulkEntries.length} transfers from ${p.debtorIban}:`,
      ...p.bulkEntries.map((e: Row) => `${e.instructedAmount.amount} ${e.instructedAmount.currency} to ${e.creditorName} (${e.creditorIban})`),
      p.requestedExecutionDate ? `On ${p.requestedExecutionDate}` : "Now",
    ];
  }
  const when = p.standingOrder
    ? `${p.standingOrder.frequency} from ${p.standingOrder.startDate}${p.standingOrder.endDate ? ` until ${p.standingOrder.endDate}` : " until cancelled"}`
    : p.requestedExecutionDate ? `On ${p.requestedExecutionDate}` : "Now";
  return [
    `Pay ${p.instructedAmount.amount} ${p.instructedAmount.currency} from ${p.debtorIban}`,
    `to ${p.creditorName} (${p.creditorIban})`,
    ...(p.remittanceInformationUnstructured ? [`Reference: ${p.remittanceInformationUnstructured}`] : []),
    when,
  ];
}

/** Consent authorisations expose the PSU as `psu { id }`, payment ones as `psuId`. */
const authorisationView = (a: Row): AuthorisationView => ({ ...a, psuId: a.psuId ?? a.psu?.id ?? null }) as AuthorisationView;

export function scaSubjects(apollo: ApolloServer<GatewayContext>) {
  async function run(query: string, variables: Record<string, unknown>): Promise<Row> {
    const response = await apollo.executeOperation({ query, variables }, { contextValue: { caller: systemCaller } });
    if (response.body.kind !== "single") throw new Error("unexpected incremental response");
    const error = response.body.singleResult.errors?.[0];
    if (error) throw new ScaStepError(String(error.extensions?.code ?? "INTERNAL_SERVER_ERROR"), error.message);
    return response.body.singleResult.data as Row;
  }

  return {
    async describe(kind: SubjectKind, id: string): Promise<SubjectView | null> {
      if (kind === "consent") {
        const c = (await run(CONSENT, { id })).consent;
        if (!c) return null;
        const scope = c.type === "PIS" ? "payments" : c.type === "PIIS" ? "fundsconfirmation" : "accounts";
        return { kind, id, tppId: c.tpp.id, tppName: c.tpp.legalName, psuId: c.psu?.id ?? null, summary: consentSummary(c), scope, awaitsAuthorisation: c.awaitsAuthorisation,
          redirectUri: c.tppRedirectUri, nokRedirectUri: c.tppNokRedirectUri, authorisations: c.authorisations.map(authorisationView) };
      }
      const p = (await run(PAYMENT, { id })).payment;
      if (!p) return null;
      const cancellation = kind === "paymentCancellation";
      return { kind, id, tppId: p.tpp.id, tppName: p.tpp.legalName, psuId: p.psuId, summary: paymentSummary(p), scope: "payments",
        awaitsAuthorisation: cancellation ? p.awaitsCancellationAuthorisation : p.awaitsAuthorisation,
        redirectUri: p.tppRedirectUri, nokRedirectUri: p.tppNokRedirectUri, authorisations: cancellation ? p.cancellationAuthorisations : p.authorisations };
    },

    async start(kind: SubjectKind, id: string, step: Record<string, unknown>): Promise<AuthorisationView> {
      return authorisationView((await run(START[kind], { input: { [ID_FIELD[kind]]: id, ...step } })).moved.authorisation);
    },

    async step(kind: SubjectKind, id: string, authorisationId: string, step: Record<string, unknown>): Promise<AuthorisationView> {
      return authorisationView((await run(STEP[kind], { input: { [ID_FIELD[kind]]: id, authorisationId, ...step } })).moved.authorisation);
    },
  };
}

export type ScaSubjects = ReturnType<typeof scaSubjects>;
