import { Migration } from "@mikro-orm/migrations";
import { outboxTableSql } from "../../shared/outbox.js";

export class CreatePayments extends Migration {
  override up(): void {
    this.addSql(`create table payments.payment (
      id uuid primary key,
      bank_id text not null,
      product text not null check (product in ('sepa-credit-transfers', 'instant-sepa-credit-transfers', 'target-2-payments', 'cross-border-credit-transfers')),
      debtor_iban text not null,
      debtor_account_ref text not null,
      creditor_name text not null,
      creditor_iban text not null,
      amount_minor bigint not null check (amount_minor > 0),
      currency text not null,
      remittance_information_unstructured text,
      end_to_end_id text not null,
      requested_execution_date date,
      status text not null check (status in ('RCVD', 'PDNG', 'ACTC', 'ACCP', 'ACSP', 'ACSC', 'ACWC', 'RJCT', 'CANC', 'PATC', 'PART')),
      status_reason text,
      tpp_id uuid not null,
      psu_id text,
      idempotency_key text,
      request_hash text,
      core_ref text,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`);
    // One payment per (TPP, idempotency key), even when two requests race.
    this.addSql(`create unique index payment_idempotency on payments.payment (tpp_id, idempotency_key) where idempotency_key is not null`);
    this.addSql(`create index payment_debtor on payments.payment (debtor_iban, created_at desc, id desc)`);
    this.addSql(`create index payment_tpp on payments.payment (tpp_id, created_at desc, id desc)`);
    this.addSql(`create index payment_created on payments.payment (created_at desc, id desc)`);
    this.addSql(`create table payments.payment_status_change (
      id uuid primary key,
      payment_id uuid not null references payments.payment (id) deferrable initially deferred,
      status text not null,
      reason text,
      at timestamptz not null default now()
    )`);
    this.addSql(`create index payment_status_change_payment on payments.payment_status_change (payment_id, at)`);
    for (const statement of outboxTableSql("payments")) this.addSql(statement);
  }
}

