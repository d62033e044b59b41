import { Migration } from "@mikro-orm/migrations";

const SCA_STATUSES = "'received', 'psuIdentified', 'psuAuthenticated', 'scaMethodSelected', 'started', 'unconfirmed', 'finalised', 'failed', 'exempted'";

/** Payment authorisations (SCA before execution), when SCA ended, and where to send the PSU back after redirect SCA. */
export class PaymentSca extends Migration {
  override up(): void {
    this.addSql(`alter table payments.payment add column authorised_at timestamptz`);
    this.addSql(`alter table payments.payment add column tpp_redirect_uri text`);
    this.addSql(`alter table payments.payment add column tpp_nok_redirect_uri text`);
    // Payments executed before SCA existed count as authorised.
    this.addSql(`update payments.payment set authorised_at = created_at where status <> 'RCVD'`);
    this.addSql(`create table payments.payment_authorisation (
      id uuid primary key,
      payment_id uuid not null references payments.payment (id) deferrable initially deferred,
      psu_id text,
      sca_status text not null check (sca_status in (${SCA_STATUSES})),
      sca_methods jsonb,
      chosen_sca_method jsonb,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      finished_at timestamptz
    )`);
    this.addSql(`create index payment_authorisation_payment on payments.payment_authorisation (payment_id, created_at)`);
  }
}
