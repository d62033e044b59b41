import { Migration } from "@mikro-orm/migrations";
import { outboxTableSql } from "../../shared/outbox.js";

export class CreateMarketplace extends Migration {
  override up(): void {
    this.addSql(`create table marketplace.solution (
      id uuid primary key,
      vendor_id uuid not null,
      name text not null check (char_length(name) between 3 and 120),
      slug text not null unique,
      category text not null check (category in ('personalFinance', 'accounting', 'lending', 'payments', 'identity', 'sustainability', 'treasury')),
      description text not null,
      pricing_model text not null check (pricing_model in ('free', 'flatMonthly', 'perCall', 'revenueShare', 'custom')),
      price_minor bigint check (price_minor > 0),
      price_currency text,
      pricing_notes text,
      apis_used jsonb not null,
      listing_status text not null check (listing_status in ('draft', 'inReview', 'published', 'delisted')),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      published_at timestamptz,
      check ((price_minor is null) = (price_currency is null))
    )`);
    // Must stay the exact expression SEARCH_DOCUMENT in solution-catalogue.ts matches with, or the index goes unused.
    this.addSql(`create index solution_search on marketplace.solution using gin (
      (setweight(to_tsvector('simple', name), 'A') || setweight(to_tsvector('simple', description), 'B'))
    )`);
    this.addSql(`create index solution_browse on marketplace.solution (listing_status, category, (lower(name) collate "C"), id)`);
    this.addSql(`create index solution_vendor on marketplace.solution (vendor_id, listing_status)`);
    this.addSql(`create table marketplace.curation_decision (
      id uuid primary key,
      solution_id uuid not null references marketplace.solution (id) deferrable initially deferred,
      decision text not null,
      from_status text,
      to_status text not null,
      decided_by text not null,
      reason text,
      decided_at timestamptz not null default now()
    )`);
    this.addSql(`create index curation_decision_solution on marketplace.curation_decision (solution_id, decided_at)`);
    this.addSql(`create table marketplace.solution_subscription (
      id uuid primary key,
      solution_id uuid not null references marketplace.solution (id) deferrable initially deferred,
      bank_id text not null,
      status text not null check (status in ('active', 'cancelled')),
      plan text not null,
      since timestamptz not null default now(),
      cancelled_at timestamptz
    )`);
    this.addSql(`create unique index solution_subscription_one_active on marketplace.solution_subscription (solution_id, bank_id) where status = 'active'`);
    this.addSql(`create index solution_subscription_bank on marketplace.solution_subscription (bank_id)`);
    this.addSql(`create table marketplace.solution_review (
      id uuid primary key,
      solution_id uuid not null references marketplace.solution (id) deferrable initially deferred,
      bank_id text,
      author text not null,
      rating smallint not null check (rating between 1 and 5),
      text text not null check (char_length(text) <= 2000),
      created_at timestamptz not null default now()
    )`);
    this.addSql(`create index solution_review_solution on marketplace.solution_review (solution_id, created_at desc, id desc) include (rating)`);
    for (const statement of outboxTableSql("marketplace")) this.addSql(statement);
  }
}

export const migrations = [{ name: "20261122-create-marketplace", class: CreateMarketplace }];
