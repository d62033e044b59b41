/**
 * @module The sandbox core bank, a connector kind: a double-entry ledger in the `sandbox` Postgres
 * schema, shared by every sandbox bank of a Database, seeded with the Berlin Group personas.
 *
 * @example
 *   const connector = await createSandboxConnector(SANDBOX_BANKS[0], { db, seed: true });
 *   await connector.accountsOfPsu({}, "max.musterman");
 */
import type { CoreBankingConnector } from "../contract.js";
import type { BankConfig, ConnectorDeps } from "../registry.js";
import { SandboxConnector } from "./connector.js";
import { isoDate, systemClock, type Clock } from "./dates.js";
import { ensureClearingAccounts, seedBank } from "./seed.js";
import { sandboxOrm } from "./store.js";

export { SANDBOX_SCHEMA } from "./store.js";

export { SANDBOX_PASSWORD, SANDBOX_PERSONAS, SANDBOX_SCA_CODE, sandboxAccountRef } from "./personas.js";
export type { SandboxPersona, SandboxPersonaAccount } from "./personas.js";

export async function createSandboxConnector(
  bank: BankConfig,
  deps: ConnectorDeps,
  options: { clock?: Clock } = {},
): Promise<CoreBankingConnector> {
  const bankCode = bank.connector.options?.bankCode;
  if (typeof bankCode !== "string" || !/^\d{8}$/.test(bankCode)) {
    throw new Error(`Sandbox bank "${bank.id}" needs connector.options.bankCode, an 8-digit German bank code such as "76070024"; got ${JSON.stringify(bankCode)}.`);
  }
  const clock = options.clock ?? systemClock;
  const orm = await sandboxOrm(deps.db);
  await ensureClearingAccounts(orm.em.fork(), bank);
  if (deps.seed) await seedBank(orm.em.fork(), { id: bank.id, name: bank.name, bankCode }, isoDate(clock()));
  return new SandboxConnector(bank.id, orm, clock);
}
