import { Migration } from "@mikro-orm/migrations";

/** Cancellation authorisations: an authorised payment's cancellation waits for its PSU's SCA. */
export class CancellationAuthorisations extends Migration {
  override up(): void {
    this.addSql(`alter table payments.payment add column cancellation_requested_at timestamptz`);
    this.addSql(`alter table payments.payment add column cancellation_authorised_at timestamptz`);
    this.addSql(`alter table payments.payment_authorisation add column purpose text not null default 'payment' check (purpose in ('payment', 'cancellation'))`);
  }
}
