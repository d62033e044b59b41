/** @module The `events` schema: the NOTIFY function outbox triggers call to wake the relay. */
import { Migration } from "@mikro-orm/migrations";

export const OUTBOX_CHANNEL = "hub_outbox";

class CreateEventsSchema extends Migration {
  override up(): void {
    this.addSql(`create or replace function events.notify_outbox() returns trigger language plpgsql as $$
      begin
        perform pg_notify('${OUTBOX_CHANNEL}', tg_table_schema);
        return null;
      end $$`);
  }
}

export const migrations = [{ name: "20261123-create-events-schema", class: CreateEventsSchema }];
