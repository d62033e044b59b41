/**
 * @module Executing a payment order as one ledger transaction. The payment row's primary key is
 * the idempotency record: a repeat (even a concurrent one) finds it and answers the stored outcome.
 */
import type { EntityManager } from "@mikro-orm/core";
import { isValidIBAN } from "ibantools";
import type { PaymentExecution, PaymentOrder, PaymentProduct } from "../contract.js";
import { ok, reject, type RejectionCode, type Result } from "../result.js";
import { newId } from "../../subgraphs/shared/ids.js";
import { formatAmount } from "../../subgraphs/shared/money.js";
import { sql } from "../../subgraphs/shared/orm.js";
import { isIsoDate } from "./dates.js";
import { normalizeIban } from "./iban.js";
import { repeatedOutcome } from "./ledger-payment-state.js";
import { recordEntryEvents } from "./ledger-events.js";
import { postEntry, type PostingInput } from "./ledger-post.js";
import { minor, sumWhere, uuidRefs } from "./ledger-sql.js";

const TRANSACTION_CODES: Record<PaymentProduct, string> = {
  "sepa-credit-transfers": "PMNT-ICDT-ESCT",
  "instant-sepa-credit-transfers": "PMNT-IRCT-ESCT",
  "target-2-payments": "PMNT-ICDT-DMCT",
  "cross-border-credit-transfers": "PMNT-ICDT-XBCT",
};

interface Rejection {
  code: RejectionCode;
  message: string;
}

interface DebtorRow {
  id: string;
  iban: string;
  currency: string;
  status: string;
  owner_name: string;
  credit_limit: string;
}

interface LedgerAccountRow {
  id: string;
  bank_id: string;
  kind: "customer" | "internal";
  currency: string;
  status: string;
}

export function executePayment(em: EntityManager, bankId: string, order: PaymentOrder, today: string): Promise<Result<PaymentExecution>> {
  return em.transactional(async (tx) => {
    const claimed = await sql(
      tx,
      `insert into sandbox.payment (payment_ref, bank_id, status) values (?, ?, 'RCVD') on conflict (payment_ref) do nothing returning payment_ref`,
      [order.paymentRef, bankId],
    );
    if (claimed.length === 0) return repeatedOutcome(tx, bankId, order.paymentRef);
    const outcome = await book(tx, bankId, order, today);
    if ("code" in outcome) {
      await sql(tx, `update sandbox.payment set status = 'RJCT', reason_code = ?, reason = ?, updated_at = now() where payment_ref = ?`, [
        outcome.code,
        outcome.message,
        order.paymentRef,
      ]);
      return reject(outcome.code, outcome.message);
    }
    await sql(tx, `update sandbox.payment set status = ?, entry_id = ?, updated_at = now() where payment_ref = ?`, [
      outcome.status,
      outcome.coreRef,
      order.paymentRef,
    ]);
    return ok(outcome);
  });
}

async function book(tx: EntityManager, bankId: string, order: PaymentOrder, today: string): Promise<PaymentExecution | Rejection> {
  const creditorIban = normalizeIban(order.creditorIban);
  const rejected = (message: string): Rejection => ({ code: "REJECTED_BY_CORE", message });
  if (order.amountMinor <= 0n) return rejected(`Amount must be positive, got ${order.amountMinor}.`);
  if (!isValidIBAN(creditorIban)) return rejected(`Creditor IBAN "${order.creditorIban}" is not a valid IBAN.`);
  if (order.requestedExecutionDate !== undefined && !isIsoDate(order.requestedExecutionDate)) {
    return rejected(`Requested execution date "${order.requestedExecutionDate}" is not a date such as "2026-11-22".`);
  }
  const [debtor] = uuidRefs([order.debtorAccountRef]).length
    ? await sql<DebtorRow>(
        tx,
        `select id, iban, currency, status, owner_name, credit_limit_minor::text as credit_limit from sandbox.account
         where id = ? and bank_id = ? and kind = 'customer' for update`,
        [order.debtorAccountRef.toLowerCase(), bankId],
      )
    : [];
  if (!debtor) return { code: "ACCOUNT_NOT_FOUND", message: `No account with ref "${order.debtorAccountRef}" at this bank.` };
  if (debtor.status !== "enabled") return { code: "ACCOUNT_BLOCKED", message: `Account ${debtor.iban} is ${debtor.status}; it cannot send payments.` };
  if (debtor.currency !== order.currency) {
    return { code: "CURRENCY_MISMATCH", message: `Account ${debtor.iban} holds ${debtor.currency}; the payment is in ${order.currency}.` };
  }
  if (creditorIban === debtor.iban) return rejected(`Creditor and debtor are the same account ${debtor.iban}.`);

  // A new statement after the row lock, so it sees what a concurrent payment from this account committed.
  const [funds] = await sql<{ expected: string }>(
    tx,
    `select ${sumWhere("e.status in ('booked', 'pending')")} as expected
     from sandbox.posting p join sandbox.entry e on e.id = p.entry_id where p.account_id = ?`,
    [debtor.id],
  );
  const available = minor(funds?.expected) + minor(debtor.credit_limit);
  if (available < order.amountMinor) {
    const message = `Account ${debtor.iban} has ${formatAmount(available, debtor.currency)} ${debtor.currency} available; the payment needs ${formatAmount(order.amountMinor, debtor.currency)}.`;
    return { code: "INSUFFICIENT_FUNDS", message };
  }

  const accounts = await sql<LedgerAccountRow>(
    tx,
    `select id, bank_id, kind, currency, status from sandbox.account where iban = ? or (kind = 'internal' and currency = ?)`,
    [creditorIban, order.currency],
  );
  const postings = legs(bankId, debtor.id, accounts, order);
  const pending = order.requestedExecutionDate !== undefined && order.requestedExecutionDate > today;
  const entryId = newId();
  await postEntry(
    tx,
    {
      id: entryId,
      bankId,
      status: pending ? "pending" : "booked",
      bookingDate: pending ? null : today,
      valueDate: pending ? order.requestedExecutionDate! : today,
      remittance: order.remittanceInformation ?? null,
      endToEndId: order.endToEndId,
      bankTransactionCode: TRANSACTION_CODES[order.product] ?? null,
      creditorName: order.creditorName,
      creditorIban,
      debtorName: debtor.owner_name,
      debtorIban: debtor.iban,
    },
    postings,
  );
  await recordEntryEvents(tx, entryId, pending ? "pending" : "booked", today);
  return { status: pending ? "ACSP" : "ACSC", coreRef: entryId };
}

/**
 * Debit the debtor; credit a sandbox account of the creditor IBAN directly (across banks through
 * both banks' clearing accounts), or else this bank's clearing account, where money leaves the sandbox.
 */
function legs(bankId: string, debtorId: string, accounts: LedgerAccountRow[], order: PaymentOrder): PostingInput[] {
  const leg = (accountId: string, amountMinor: bigint): PostingInput => ({ id: newId(), accountId, amountMinor, currency: order.currency });
  const clearing = (bank: string) => {
    const account = accounts.find((a) => a.kind === "internal" && a.bank_id === bank);
    if (!account) throw new Error(`Bank "${bank}" has no ${order.currency} clearing account; the sandbox seed creates one per currency.`);
    return account.id;
  };
  const amount = order.amountMinor;
  const creditor = accounts.find((a) => a.kind === "customer" && a.status === "enabled" && a.currency === order.currency);
  if (!creditor) return [leg(debtorId, -amount), leg(clearing(bankId), amount)];
  if (creditor.bank_id === bankId) return [leg(debtorId, -amount), leg(creditor.id, amount)];
  return [leg(debtorId, -amount), leg(clearing(bankId), amount), leg(clearing(creditor.bank_id), -amount), leg(creditor.id, amount)];
}
