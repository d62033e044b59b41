import { Migration } from "@mikro-orm/migrations";

/** A consent may be asked for before the PSU is known (redirect SCA identifies them), and a TPP's repeat of a creation is recognised by its key. */
export class ConsentWithoutPsu extends Migration {
  override up(): void {
    this.addSql(`alter table consents.consent alter column psu_id drop not null`);
    this.addSql(`alter table consents.consent add column idempotency_key text`);
    this.addSql(`alter table consents.consent add column request_hash text`);
    this.addSql(`create unique index consent_idempotency on consents.consent (tpp_id, idempotency_key) where idempotency_key is not null`);
  }
}
