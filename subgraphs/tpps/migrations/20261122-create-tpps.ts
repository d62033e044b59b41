import { Migration } from "@mikro-orm/migrations";
import { outboxTableSql } from "../../shared/outbox.js";
import { AddClientAuthentication } from "./20261122-add-client-authentication.js";
import { CreateWebhooks } from "./20261123-create-webhooks.js";
import { ApplicationApproval } from "./20261123-application-approval.js";
import { WebhookStatusReason } from "./20261124-webhook-status-reason.js";

export class CreateTpps extends Migration {
  override up(): void {
    this.addSql(`create table tpps.tpp (
      id uuid primary key,
      legal_name text not null,
      authorisation_number text not null unique,
      national_competent_authority text not null,
      country char(2) not null,
      roles jsonb not null,
      status text not null check (status in ('pending', 'active', 'suspended', 'revoked')),
      contacts jsonb not null default '[]',
      created_at timestamptz not null default now()
    )`);
    this.addSql(`create index tpp_status on tpps.tpp (status, legal_name)`);
    this.addSql(`create table tpps.vetting_decision (
      id uuid primary key,
      tpp_id uuid not null references tpps.tpp (id) deferrable initially deferred,
      from_status text,
      to_status text not null,
      decided_by text not null,
      reason text not null,
      decided_at timestamptz not null default now()
    )`);
    this.addSql(`create index vetting_decision_tpp on tpps.vetting_decision (tpp_id, decided_at)`);
    this.addSql(`create table tpps.tpp_application (
      id uuid primary key,
      tpp_id uuid not null references tpps.tpp (id) deferrable initially deferred,
      name text not null,
      client_id text not null unique,
      redirect_uris jsonb not null,
      created_at timestamptz not null default now()
    )`);
    this.addSql(`create index tpp_application_tpp on tpps.tpp_application (tpp_id)`);
    for (const statement of outboxTableSql("tpps")) this.addSql(statement);
  }
}

export const migrations = [
  { name: "20261122-create-tpps", class: CreateTpps },
  { name: "20261122-add-client-authentication", class: AddClientAuthentication },
  { name: "20261123-create-webhooks", class: CreateWebhooks },
  { name: "20261123-application-approval", class: ApplicationApproval },
  { name: "20261124-webhook-status-reason", class: WebhookStatusReason },
];
