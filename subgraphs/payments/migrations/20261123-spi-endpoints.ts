import { Migration } from "@mikro-orm/migrations";

/** Service provider interfaces: a fintech's endpoint on an extension point of a bank's payment process, and each payment's check. */
export class SpiEndpoints extends Migration {
  override up(): void {
    this.addSql(`create table payments.spi_endpoint (
      id uuid primary key,
      bank_id text not null,
      extension_point text not null check (extension_point in ('payment.fraud_check')),
      tpp_id uuid not null,
      url text not null,
      timeout_ms integer not null check (timeout_ms between 100 and 10000),
      on_failure text not null check (on_failure in ('approve', 'reject')),
      enabled boolean not null default true,
      created_at timestamptz not null default now()
    )`);
    // One active endpoint per bank and extension point: the bank's process has one answer to wait for.
    this.addSql(`create unique index spi_endpoint_active on payments.spi_endpoint (bank_id, extension_point) where enabled`);
    this.addSql(`alter table payments.payment add column fraud_check jsonb`);
  }
}
