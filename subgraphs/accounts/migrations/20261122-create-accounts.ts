import { Migration } from "@mikro-orm/migrations";
import { outboxTableSql } from "../../shared/outbox.js";
import { ConsentAccess } from "./20261122-consent-access.js";

/** The hub keeps only a directory of accounts (which bank and core reference an id or IBAN means). */
export class CreateAccounts extends Migration {
  override up(): void {
    this.addSql(`create table accounts.account_link (
      id uuid primary key,
      bank_id text not null,
      core_ref text not null,
      iban text not null,
      currency char(3) not null,
      created_at timestamptz not null default now(),
      unique (bank_id, core_ref)
    )`);
    this.addSql(`create index account_link_iban on accounts.account_link (iban)`);
    this.addSql(`create index account_link_bank on accounts.account_link (bank_id, id)`);
    for (const statement of outboxTableSql("accounts")) this.addSql(statement);
  }
}

export const migrations = [
  { name: "20261122-create-accounts", class: CreateAccounts },
  { name: "20261122-consent-access", class: ConsentAccess },
];
