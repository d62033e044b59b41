/** @module First sandbox migration: customers, accounts and a double-entry journal, shared by all sandbox banks. */
import { Migration } from "@mikro-orm/migrations";

export class CreateLedger extends Migration {
  override up(): void {
    this.addSql(`create table sandbox.customer (
      id uuid primary key,
      bank_id text not null,
      login text not null,
      name text not null,
      password_hash text not null,
      sca_code text not null,
      unique (bank_id, login))`);

    // iban is null for the bank's internal (clearing) accounts.
    this.addSql(`create table sandbox.account (
      id uuid primary key,
      bank_id text not null,
      iban text unique,
      currency char(3) not null,
      name text not null,
      product text not null,
      cash_account_type text not null,
      status text not null check (status in ('enabled', 'deleted', 'blocked')),
      owner_name text not null,
      kind text not null check (kind in ('customer', 'internal')),
      credit_limit_minor bigint not null default 0 check (credit_limit_minor >= 0),
      check ((kind = 'customer') = (iban is not null)))`);
    this.addSql(`create index account_bank_kind_id on sandbox.account (bank_id, kind, id)`);

    this.addSql(`create table sandbox.account_holder (
      account_id uuid not null references sandbox.account (id),
      customer_id uuid not null references sandbox.customer (id),
      primary key (account_id, customer_id))`);
    this.addSql(`create index account_holder_customer on sandbox.account_holder (customer_id)`);

    this.addSql(`create table sandbox.entry (
      id uuid primary key,
      bank_id text not null,
      status text not null check (status in ('booked', 'pending', 'cancelled')),
      booking_date date,
      value_date date not null,
      remittance text,
      end_to_end_id text,
      bank_transaction_code text,
      creditor_name text,
      creditor_iban text,
      debtor_name text,
      debtor_iban text,
      created_at timestamptz not null default now(),
      check ((status = 'booked') = (booking_date is not null)))`);

    // ledger_date copies the entry's booking date (value date while pending) so that one index
    // serves every account's newest-first page. No foreign keys here: their per-row checks tripled
    // the seed's insert time on PGlite; postings are written only by postEntry and the seed, and
    // the tests check that every posting has its entry and account.
    this.addSql(`create table sandbox.posting (
      id uuid primary key,
      entry_id uuid not null,
      account_id uuid not null,
      amount_minor bigint not null check (amount_minor <> 0),
      currency char(3) not null,
      ledger_date date not null)`);
    this.addSql(`create index posting_account_page on sandbox.posting (account_id, ledger_date desc, id desc)`);

    this.addSql(`create table sandbox.payment (
      payment_ref text primary key,
      bank_id text not null,
      status text not null,
      entry_id uuid references sandbox.entry (id),
      reason_code text,
      reason text,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now())`);
  }
}
