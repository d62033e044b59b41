/** @module The sandbox schema's ORM, opened once per Database and shared by every sandbox bank in it. */
import type { MikroORM } from "@mikro-orm/core";
import type { Database } from "../../subgraphs/shared/orm.js";
import { sandboxMigrations } from "./migrations/index.js";

export const SANDBOX_SCHEMA = "sandbox";

const orms = new WeakMap<Database, Promise<MikroORM>>();

export function sandboxOrm(db: Database): Promise<MikroORM> {
  let orm = orms.get(db);
  if (!orm) {
    orm = db.orm({ schema: SANDBOX_SCHEMA, migrations: sandboxMigrations });
    // A failed open (database down at start) must not poison later attempts.
    orm.catch(() => orms.delete(db));
    orms.set(db, orm);
  }
  return orm;
}
