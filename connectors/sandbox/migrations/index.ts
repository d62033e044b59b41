/** @module The sandbox ledger's migrations, in order. */
import { AddScaMethods } from "./add-sca-methods.js";
import { CreateLedger } from "./create-ledger.js";
import { CreateOutbox } from "./create-outbox.js";

export const sandboxMigrations = [
  { name: "sandbox-0001-create-ledger", class: CreateLedger },
  { name: "sandbox-0002-add-sca-methods", class: AddScaMethods },
  { name: "sandbox-0003-create-outbox", class: CreateOutbox },
];
