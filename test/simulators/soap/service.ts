/**
 * @module The operations of the simulated internet-banking web service, over the simulator's ledger,
 * in the shapes of connectors/soap/fixtures/core-banking.xsd. Business refusals are SOAP Faults
 * whose detail is a BusinessFault with a code.
 */
import { BadPositionError, type Ledger, type LedgerAccount, type LedgerCode, type LedgerEntry, type LedgerFunds, type LedgerPayment, addDays, positionOf } from "../rest/ledger.js";
import { fromDecimal, toDecimal } from "../rest/money.js";

type Args = Record<string, unknown>;

const BUSINESS_CODES: Record<LedgerCode, string> = {
  INSUFFICIENT_FUNDS: "INSUFFICIENT_FUNDS",
  ACCOUNT_NOT_FOUND: "ACCOUNT_NOT_FOUND",
  ACCOUNT_BLOCKED: "ACCOUNT_BLOCKED",
  CURRENCY_MISMATCH: "CURRENCY_MISMATCH",
  INVALID: "INVALID_REQUEST",
  PAYMENT_NOT_FOUND: "TRANSFER_NOT_FOUND",
  NOT_CANCELLABLE: "NOT_CANCELLABLE",
};
const SCHEMES: Record<string, string> = { SEPA: "PMNT-ICDT-ESCT", SEPA_INST: "PMNT-IRCT-ESCT", TARGET2: "PMNT-ICDT-DMCT", CROSS_BORDER: "PMNT-ICDT-XBCT" };
const TRANSFER_STATUS = { ACSC: "EXECUTED", ACSP: "SCHEDULED", RJCT: "REJECTED", CANC: "CANCELLED" } as const;
const FILTERS: Record<string, "booked" | "pending" | "both"> = { BOOKED: "booked", PENDING: "pending", ALL: "both" };

/** What soap.listen sends as a SOAP 1.1 Fault: `soap:Client` with a BusinessFault detail. */
export function businessFault(code: string, message: string) {
  return { Fault: { faultcode: "soap:Client", faultstring: message, detail: { "cb:BusinessFault": { "cb:Code": code, "cb:Message": message.slice(0, 140) } }, statusCode: 500 } };
}

const list = (value: unknown): string[] => (Array.isArray(value) ? value : value === undefined || value === null ? [] : [value]).map(String);
const text = (value: unknown): string | undefined => (typeof value === "string" && value !== "" ? value : undefined);

function account(a: LedgerAccount) {
  const status = { enabled: "ACTIVE", blocked: "BLOCKED", deleted: "CLOSED" }[a.status];
  return { AccountId: a.id, Iban: a.iban, Currency: a.currency, Name: a.name, Product: a.product, Kind: a.type === "SVGS" ? "SAVINGS" : "CURRENT", Status: status, OwnerName: a.ownerName, Holders: { Login: a.holders } };
}

function balances(accountId: string, f: LedgerFunds, today: string) {
  const balance = (Type: string, minor: bigint, ReferenceDate: string, CreditLimitIncluded = false) => ({ Type, Amount: toDecimal(minor, f.currency), Currency: f.currency, ReferenceDate, CreditLimitIncluded });
  return {
    AccountId: accountId,
    Balance: [balance("CLBD", f.closingBooked, addDays(today, -1)), balance("ITBD", f.interimBooked, today), balance("XPCD", f.expected, today), balance("ITAV", f.available, today, f.creditLimit > 0n)],
  };
}

function transaction(e: LedgerEntry) {
  const optional = { BookingDate: e.bookingDate, ValueDate: e.valueDate, CreditorName: e.creditorName, CreditorIban: e.creditorIban, DebtorName: e.debtorName, DebtorIban: e.debtorIban, RemittanceInformation: e.remittance, EndToEndId: e.endToEndId, BankTransactionCode: e.bankTransactionCode };
  const present = Object.fromEntries(Object.entries(optional).filter(([, v]) => v !== null));
  return { TransactionId: e.id, AccountId: e.accountId, Status: e.status === "booked" ? "BOOK" : "PDNG", Amount: toDecimal(e.amount, e.currency), Currency: e.currency, ...present, Position: positionOf(e) };
}

function transfer(p: LedgerPayment) {
  const reason = p.reasonCode ? { ReasonCode: BUSINESS_CODES[p.reasonCode], Reason: (p.reason ?? "").slice(0, 140) } : {};
  return { Transfer: { RequestId: p.ref, TransferId: p.id, Status: TRANSFER_STATUS[p.status], ...(p.entryId ? { LedgerReference: p.entryId } : {}), ...reason } };
}

export function coreBankingService(ledger: Ledger) {
  return {
    GetCustomerAccounts: ({ CustomerId }: Args) => ({ Account: (ledger.accountsOf(String(CustomerId)) ?? []).map(account) }),
    GetAccounts: ({ AccountId, Iban }: Args) => {
      const found = [...list(AccountId).map((id) => ledger.accounts.get(id)), ...list(Iban).map((iban) => ledger.accountByIban(iban))];
      return { Account: found.filter((a) => a !== undefined).map(account) };
    },
    ListAccounts: ({ PageSize, PageToken }: Args) => {
      const page = ledger.listAccounts(Number(PageSize), text(PageToken));
      return { Account: page.accounts.map(account), ...(page.next ? { NextPageToken: page.next } : {}) };
    },
    GetAccountBalances: ({ AccountId }: Args) => ({
      AccountBalances: list(AccountId).filter((id) => ledger.accounts.has(id)).map((id) => balances(id, ledger.funds(id)!, ledger.today())),
    }),
    GetAccountTransactions: ({ AccountId, BookingStatus, FromDate, ToDate, MaxResults, After }: Args) => {
      const filter = { status: FILTERS[String(BookingStatus)] ?? "both", from: text(FromDate), to: text(ToDate), limit: Number(MaxResults), after: text(After) };
      try {
        const pages = list(AccountId).flatMap((id) => {
          const page = ledger.transactions(id, filter);
          return page ? [{ AccountId: id, Transaction: page.entries.map(transaction), HasMore: page.hasMore }] : [];
        });
        return { AccountTransactions: pages };
      } catch (error) {
        if (error instanceof BadPositionError) throw businessFault("INVALID_REQUEST", error.message);
        throw error;
      }
    },
    GetTransactionDetails: ({ TransactionId }: Args) => ({ Transaction: list(TransactionId).flatMap((id) => ledger.entry(id) ?? []).map(transaction) }),
    TransferFunds: (a: Args) => {
      const currency = String(a.Currency);
      const amount = fromDecimal(a.Amount, currency);
      const scheme = SCHEMES[String(a.Scheme)];
      if (amount === undefined || !scheme || !text(a.RequestId)) throw businessFault("INVALID_REQUEST", "TransferFunds needs RequestId, a decimal Amount of the Currency and a known Scheme.");
      const { payment } = ledger.transfer({
        ref: String(a.RequestId),
        fromAccountId: String(a.DebitAccountId),
        creditorIban: String(a.CreditorIban),
        creditorName: String(a.CreditorName),
        amount,
        currency,
        remittance: text(a.RemittanceInformation),
        endToEndId: text(a.EndToEndId),
        executionDate: text(a.RequestedExecutionDate),
        bankTransactionCode: scheme,
      });
      if (payment.status === "RJCT") throw businessFault(BUSINESS_CODES[payment.reasonCode!], payment.reason!);
      return transfer(payment);
    },
    GetTransferStatus: ({ RequestId }: Args) => {
      const payment = ledger.payments.get(String(RequestId));
      if (!payment) throw businessFault("TRANSFER_NOT_FOUND", `No transfer with RequestId "${String(RequestId)}".`);
      return transfer(payment);
    },
    CancelTransfer: ({ RequestId }: Args) => {
      const result = ledger.cancel(String(RequestId));
      if (!result.ok) throw businessFault(BUSINESS_CODES[result.code], result.message);
      return transfer(result.value);
    },
    CheckFunds: ({ AccountId, Amount, Currency }: Args) => {
      const amount = fromDecimal(Amount, String(Currency));
      if (amount === undefined) throw businessFault("INVALID_REQUEST", "Amount must be a decimal of the currency.");
      const result = ledger.checkFunds(String(AccountId), amount, String(Currency));
      if (!result.ok) throw businessFault(BUSINESS_CODES[result.code], result.message);
      return { FundsAvailable: result.value };
    },
    Ping: () => ({ Status: "UP", ServerTime: new Date().toISOString() }),
  };
}
