/** @module Contract types from a bank's core → the GraphQL types of this subgraph. */
import type { CoreAccount, CoreBalance, CoreTransaction } from "../../connectors/contract.js";
import type { BankConfig } from "../../connectors/registry.js";
import type { BankHealthReport } from "../../connectors/resilience.js";
import { HubError } from "../shared/errors.js";
import { accountIdOf, transactionIdOf } from "../shared/entity-keys.js";
import { Money } from "../shared/money.type.js";
import { Account, AccountStatus } from "./types/account.type.js";
import { Balance, BalanceType } from "./types/balance.type.js";
import { BankHealth, BankHealthStatus, CircuitState } from "./types/bank-health.type.js";
import { Bank, BankStatus } from "./types/bank.type.js";
import { Transaction, TransactionStatus } from "./types/transaction.type.js";

export { accountIdOf, transactionIdOf } from "../shared/entity-keys.js";

export function toBank(config: BankConfig): Bank {
  return Object.assign(new Bank(), {
    id: config.id,
    name: config.name,
    bic: config.bic,
    country: config.country,
    connectorKind: config.connector.kind,
    status: config.status as BankStatus,
  });
}

export function toBankHealth(report: BankHealthReport): BankHealth {
  return Object.assign(new BankHealth(), {
    status: report.status as BankHealthStatus,
    circuit: report.circuit as CircuitState,
    latencyMs: report.latencyMs,
    detail: report.detail ?? null,
    checkedAt: report.checkedAt,
  });
}

export function toAccount(bankId: string, core: CoreAccount): Account {
  return Object.assign(new Account(), {
    id: accountIdOf(bankId, core.ref),
    bankId,
    ref: core.ref,
    psuIds: core.psuIds,
    iban: core.iban,
    currency: core.currency,
    name: core.name,
    product: core.product,
    cashAccountType: core.cashAccountType,
    status: core.status as AccountStatus,
    ownerName: core.ownerName,
  });
}

export function toBalance(core: CoreBalance): Balance {
  return Object.assign(new Balance(), {
    type: core.type as BalanceType,
    amount: Money.of(core.amountMinor, core.currency),
    referenceDate: core.referenceDate,
    creditLimitIncluded: core.creditLimitIncluded,
  });
}

export function parseTransactionId(id: string): { bankId: string; ref: string } {
  const decoded = Buffer.from(id, "base64url").toString("utf8");
  const slash = decoded.indexOf("/");
  if (slash < 1 || slash === decoded.length - 1 || transactionIdOf(decoded.slice(0, slash), decoded.slice(slash + 1)) !== id) {
    throw new HubError("BAD_USER_INPUT", `"${id}" is not a transaction id this API returned.`, { details: { id } });
  }
  return { bankId: decoded.slice(0, slash), ref: decoded.slice(slash + 1) };
}

export function toTransaction(bankId: string, core: CoreTransaction): Transaction {
  return Object.assign(new Transaction(), {
    id: transactionIdOf(bankId, core.ref),
    bankId,
    accountRef: core.accountRef,
    status: core.status as TransactionStatus,
    amount: Money.of(core.amountMinor, core.currency),
    bookingDate: core.bookingDate,
    valueDate: core.valueDate,
    creditorName: core.creditorName,
    creditorIban: core.creditorIban,
    debtorName: core.debtorName,
    debtorIban: core.debtorIban,
    remittanceInformationUnstructured: core.remittanceInformation,
    endToEndId: core.endToEndId,
    bankTransactionCode: core.bankTransactionCode,
  });
}
