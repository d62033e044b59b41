import { Migration } from "@mikro-orm/migrations";

/** Why a delivery waits or was given up without a try: its TPP is suspended or revoked. */
export class WebhookStatusReason extends Migration {
  override up(): void {
    this.addSql(`alter table tpps.webhook_delivery add column status_reason text`);
    this.addSql(`create index webhook_delivery_tpp_pending on tpps.webhook_delivery (tpp_id) where status = 'pending'`);
  }
}
