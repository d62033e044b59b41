import { Migration } from "@mikro-orm/migrations";

/** Applications registered dynamically wait for an operator: pending, then active or rejected. */
export class ApplicationApproval extends Migration {
  override up(): void {
    this.addSql(`alter table tpps.tpp_application add column status text not null default 'active' check (status in ('pending', 'active', 'rejected'))`);
    this.addSql(`alter table tpps.tpp_application add column software_id text`);
    this.addSql(`alter table tpps.tpp_application add column decision_reason text`);
  }
}
