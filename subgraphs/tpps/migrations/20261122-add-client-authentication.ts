import { Migration } from "@mikro-orm/migrations";

/** OAuth client authentication of TPP applications: private_key_jwt keys, or a sandbox secret. */
export class AddClientAuthentication extends Migration {
  override up(): void {
    this.addSql(`alter table tpps.tpp_application add column token_endpoint_auth_method text not null default 'private_key_jwt'
      check (token_endpoint_auth_method in ('private_key_jwt', 'client_secret_basic'))`);
    this.addSql(`alter table tpps.tpp_application add column jwks jsonb`);
    this.addSql(`alter table tpps.tpp_application add column client_secret text`);
  }
}
