import { Migration } from "@mikro-orm/migrations";

/** The bank a consent is held at (whose core authenticates the PSU), where to send the PSU back after redirect SCA, and the SCA methods an authorisation offered. */
export class ConsentSca extends Migration {
  override up(): void {
    this.addSql(`alter table consents.consent add column bank_id text`);
    this.addSql(`alter table consents.consent add column tpp_redirect_uri text`);
    this.addSql(`alter table consents.consent add column tpp_nok_redirect_uri text`);
    this.addSql(`alter table consents.consent_authorisation add column sca_methods jsonb`);
  }
}
