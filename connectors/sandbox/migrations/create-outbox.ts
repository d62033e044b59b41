/** @module The sandbox ledger's outbox: bookings record transaction.booked and balance.changed with the postings. */
import { Migration } from "@mikro-orm/migrations";
import { outboxTableSql } from "../../../subgraphs/shared/outbox.js";

export class CreateOutbox extends Migration {
  override up(): void {
    for (const statement of outboxTableSql("sandbox")) this.addSql(statement);
  }
}
