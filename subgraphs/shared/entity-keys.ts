/**
 * @module The hub's ids of account data, derived from (bank, core reference) alone: the accounts
 * subgraph answers with them, and a core that records events (the sandbox ledger's outbox) names its
 * accounts and transactions with the same ids, so subscribers and webhooks see the ids queries return.
 */
import { derivedId } from "./ids.js";

export function accountIdOf(bankId: string, ref: string): string {
  return derivedId("account", `${bankId}/${ref}`);
}

/** Transaction ids carry their bank, so `transaction(id)` knows which core to ask. */
export function transactionIdOf(bankId: string, ref: string): string {
  return Buffer.from(`${bankId}/${ref}`).toString("base64url");
}
