import { Migration } from "@mikro-orm/migrations";

/** When consent.expiring was sent for a consent: the consent clock's own once-only record, kept on the consent rather than read from the outbox. */
export class ExpiringNoticed extends Migration {
  override up(): void {
    this.addSql(`alter table consents.consent add column expiring_noticed_at timestamptz`);
    this.addSql(`update consents.consent c set expiring_noticed_at = o.created_at from consents.outbox o where o.type = 'consent.expiring' and o.subject = 'Consent:' || c.id::text`);
  }
}
