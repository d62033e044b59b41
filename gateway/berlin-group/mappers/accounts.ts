/** @module Account data of the graph in Berlin Group shapes (accountDetails, balance, transactions). */
import type { AccountDetailsFieldsFragment, BalanceFieldsFragment, TransactionFieldsFragment } from "../operations/generated.js";
import { camelCase } from "./names.js";

export const accountPath = (id: string) => `/v1/accounts/${encodeURIComponent(id)}`;

export function toBalance(balance: BalanceFieldsFragment) {
  return {
    balanceAmount: { currency: balance.amount.currency, amount: balance.amount.amount },
    balanceType: camelCase(balance.type),
    creditLimitIncluded: balance.creditLimitIncluded,
    referenceDate: balance.referenceDate,
  };
}

export function toAccountDetails(account: AccountDetailsFieldsFragment & { balances?: BalanceFieldsFragment[] }) {
  return {
    resourceId: account.id,
    iban: account.iban,
    currency: account.currency,
    ownerName: account.ownerName,
    name: account.name,
    product: account.product,
    cashAccountType: account.cashAccountType,
    status: camelCase(account.status),
    bic: account.bank.bic,
    ...(account.balances ? { balances: account.balances.map(toBalance) } : {}),
    _links: {
      balances: { href: `${accountPath(account.id)}/balances` },
      transactions: { href: `${accountPath(account.id)}/transactions` },
    },
  };
}

export function toTransaction(accountId: string, t: TransactionFieldsFragment) {
  return {
    transactionId: t.id,
    ...(t.endToEndId ? { endToEndId: t.endToEndId.slice(0, 35) } : {}),
    ...(t.bookingDate ? { bookingDate: t.bookingDate } : {}),
    ...(t.valueDate ? { valueDate: t.valueDate } : {}),
    transactionAmount: { currency: t.amount.currency, amount: t.amount.amount },
    ...(t.creditorName ? { creditorName: t.creditorName.slice(0, 70) } : {}),
    ...(t.creditorIban ? { creditorAccount: { iban: t.creditorIban } } : {}),
    ...(t.debtorName ? { debtorName: t.debtorName.slice(0, 70) } : {}),
    ...(t.debtorIban ? { debtorAccount: { iban: t.debtorIban } } : {}),
    ...(t.remittanceInformationUnstructured ? { remittanceInformationUnstructured: t.remittanceInformationUnstructured.slice(0, 140) } : {}),
    ...(t.bankTransactionCode ? { bankTransactionCode: t.bankTransactionCode } : {}),
    _links: { transactionDetails: { href: `${accountPath(accountId)}/transactions/${encodeURIComponent(t.id)}` } },
  };
}
