/** @module The sandbox ledger's migrations, in order. */
import { CreateLedger } from "./create-ledger.js";

export const sandboxMigrations = [{ name: "sandbox-0001-create-ledger", class: CreateLedger }];
