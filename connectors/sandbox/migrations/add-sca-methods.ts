/** @module Each sandbox customer's SCA methods; the personas cover the three cases a TPP must handle. */
import { Migration } from "@mikro-orm/migrations";
import { SANDBOX_SCA_METHODS } from "../personas.js";

export class AddScaMethods extends Migration {
  override up(): void {
    const sms = JSON.stringify(SANDBOX_SCA_METHODS.default);
    this.addSql(`alter table sandbox.customer add column sca_methods jsonb not null default '${sms}'::jsonb`);
    for (const [login, methods] of Object.entries(SANDBOX_SCA_METHODS.byLogin)) {
      this.addSql(`update sandbox.customer set sca_methods = '${JSON.stringify(methods)}'::jsonb where login = '${login}'`);
    }
  }
}
