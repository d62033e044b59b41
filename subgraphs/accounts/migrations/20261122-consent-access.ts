import { Migration } from "@mikro-orm/migrations";

/** Accesses per consent, account and day without the PSU present, against the consent's frequencyPerDay. */
export class ConsentAccess extends Migration {
  override up(): void {
    this.addSql(`create table accounts.consent_access (
      consent_id uuid not null,
      iban text not null,
      day date not null,
      count integer not null,
      primary key (consent_id, iban, day)
    )`);
  }
}
