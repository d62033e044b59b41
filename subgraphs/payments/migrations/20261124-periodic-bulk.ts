import { Migration } from "@mikro-orm/migrations";

const STATUSES = "'RCVD', 'PDNG', 'ACTC', 'ACCP', 'ACSP', 'ACSC', 'ACWC', 'RJCT', 'CANC', 'PATC', 'PART'";

/** Standing orders (periodic payments) with their instalments, and bulk payments with their entries. */
export class PeriodicBulk extends Migration {
  override up(): void {
    this.addSql(`alter table payments.payment add column kind text not null default 'payments' check (kind in ('payments', 'periodic-payments', 'bulk-payments'))`);
    // A bulk has no creditor of its own: each entry has one.
    this.addSql(`alter table payments.payment alter column creditor_name drop not null`);
    this.addSql(`alter table payments.payment alter column creditor_iban drop not null`);
    this.addSql(`alter table payments.payment add column start_date date`);
    this.addSql(`alter table payments.payment add column end_date date`);
    this.addSql(`alter table payments.payment add column frequency text check (frequency in ('Daily', 'Weekly', 'EveryTwoWeeks', 'Monthly', 'EveryTwoMonths', 'Quarterly', 'SemiAnnual', 'Annual', 'MonthlyVariable'))`);
    this.addSql(`alter table payments.payment add column execution_rule text check (execution_rule in ('following', 'preceding'))`);
    this.addSql(`alter table payments.payment add column day_of_execution integer check (day_of_execution between 1 and 31)`);
    this.addSql(`alter table payments.payment add column months_of_execution jsonb`);
    this.addSql(`alter table payments.payment add column batch_booking_preferred boolean`);
    this.addSql(`alter table payments.payment add constraint payment_kind_fields check (
      (kind = 'periodic-payments') = (start_date is not null and frequency is not null)
      and (kind = 'bulk-payments' or (creditor_name is not null and creditor_iban is not null)))`);
    // The scheduler looks for active standing orders; AIS lists an account's.
    this.addSql(`create index payment_standing_orders on payments.payment (debtor_iban, start_date) where kind = 'periodic-payments'`);
    this.addSql(`create table payments.bulk_payment_entry (
      id uuid primary key,
      payment_id uuid not null references payments.payment (id) deferrable initially deferred,
      position integer not null,
      creditor_name text not null,
      creditor_iban text not null,
      amount_minor bigint not null check (amount_minor > 0),
      currency text not null,
      remittance_information_unstructured text,
      end_to_end_id text not null,
      status text not null check (status in (${STATUSES})),
      status_reason text,
      core_ref text,
      updated_at timestamptz not null default now(),
      unique (payment_id, position)
    )`);
    this.addSql(`create table payments.standing_order_instalment (
      id uuid primary key,
      payment_id uuid not null references payments.payment (id) deferrable initially deferred,
      due_date date not null,
      execution_date date not null,
      status text not null check (status in (${STATUSES})),
      status_reason text,
      core_ref text,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (payment_id, due_date)
    )`);
  }
}
