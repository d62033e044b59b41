import { Migration } from "@mikro-orm/migrations";

/** Webhook endpoints of TPPs, one delivery per (endpoint, event), and every attempt to send it. */
export class CreateWebhooks extends Migration {
  override up(): void {
    this.addSql(`create table tpps.webhook_endpoint (
      id uuid primary key,
      tpp_id uuid not null references tpps.tpp (id) on delete cascade,
      url text not null,
      event_types jsonb not null,
      enabled boolean not null default true,
      description text,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`);
    this.addSql(`create index webhook_endpoint_tpp on tpps.webhook_endpoint (tpp_id, created_at)`);
    this.addSql(`create table tpps.webhook_delivery (
      id uuid primary key,
      endpoint_id uuid not null references tpps.webhook_endpoint (id) on delete cascade,
      tpp_id uuid not null,
      event_id uuid not null,
      event_type text not null,
      body text not null,
      status text not null check (status in ('pending', 'sending', 'succeeded', 'dead')),
      attempt_count integer not null default 0,
      round_attempts integer not null default 0,
      next_attempt_at timestamptz,
      lease_until timestamptz,
      last_attempt_at timestamptz,
      created_at timestamptz not null default now(),
      unique (endpoint_id, event_id)
    )`);
    this.addSql(`create index webhook_delivery_due on tpps.webhook_delivery (next_attempt_at) where status in ('pending', 'sending')`);
    this.addSql(`create index webhook_delivery_endpoint on tpps.webhook_delivery (endpoint_id, id)`);
    this.addSql(`create table tpps.webhook_attempt (
      id uuid primary key,
      delivery_id uuid not null references tpps.webhook_delivery (id) on delete cascade,
      number integer not null,
      started_at timestamptz not null,
      duration_ms integer not null,
      succeeded boolean not null,
      response_status integer,
      error text,
      unique (delivery_id, number)
    )`);
  }
}
