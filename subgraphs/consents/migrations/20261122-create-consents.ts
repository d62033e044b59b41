import { Migration } from "@mikro-orm/migrations";
import { outboxTableSql } from "../../shared/outbox.js";

const CONSENT_STATUSES = "'received', 'valid', 'rejected', 'revokedByPsu', 'expired', 'terminatedByTpp', 'partiallyAuthorised'";
const SCA_STATUSES = "'received', 'psuIdentified', 'psuAuthenticated', 'scaMethodSelected', 'started', 'unconfirmed', 'finalised', 'failed', 'exempted'";

export class CreateConsents extends Migration {
  override up(): void {
    this.addSql(`create table consents.consent (
      id uuid primary key,
      type text not null check (type in ('AIS', 'PIS', 'PIIS')),
      psu_id text not null,
      tpp_id uuid not null,
      status text not null check (status in (${CONSENT_STATUSES})),
      access jsonb not null,
      recurring_indicator boolean not null,
      valid_until date not null,
      frequency_per_day integer not null check (frequency_per_day >= 1),
      combined_service_indicator boolean not null default false,
      required_authorisations integer not null default 1 check (required_authorisations >= 1),
      last_action_date date not null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`);
    this.addSql(`create index consent_psu on consents.consent (psu_id, created_at desc)`);
    this.addSql(`create index consent_tpp on consents.consent (tpp_id, created_at desc)`);
    this.addSql(`create index consent_created on consents.consent (created_at desc, id desc)`);
    this.addSql(`create index consent_valid_until on consents.consent (valid_until) where status = 'valid'`);
    this.addSql(`create table consents.consent_authorisation (
      id uuid primary key,
      consent_id uuid not null references consents.consent (id) deferrable initially deferred,
      psu_id text,
      sca_status text not null check (sca_status in (${SCA_STATUSES})),
      chosen_sca_method jsonb,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      finished_at timestamptz
    )`);
    this.addSql(`create index consent_authorisation_consent on consents.consent_authorisation (consent_id, created_at)`);
    this.addSql(`create table consents.consent_status_change (
      id uuid primary key,
      consent_id uuid not null references consents.consent (id) deferrable initially deferred,
      from_status text,
      to_status text not null,
      reason text not null,
      changed_by text not null,
      changed_at timestamptz not null default now()
    )`);
    this.addSql(`create index consent_status_change_consent on consents.consent_status_change (consent_id, changed_at)`);
    for (const statement of outboxTableSql("consents")) this.addSql(statement);
  }
}

