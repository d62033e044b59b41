/**
 * @module The ISO 20022 connector kind: a core reached over HTTP(S) that takes payments as pain.001
 * (answering pain.002) and reports balances and entries as camt.052 / camt.053 / camt.054.
 * The endpoints it expects, and where its XSDs come from, are in README.md beside this file.
 *
 * @example
 *   const bank = { id: "isarbank", name: "Isarbank", bic: "ISRBDEM1XXX", country: "DE", status: "live",
 *     connector: { kind: "iso20022", options: { baseUrl: "https://core.isarbank.example/iso20022/", timeoutMs: 3000 } } };
 *   const connector = await createIso20022Connector(bank, deps);
 */
import type { CoreBankingConnector } from "../contract.js";
import type { BankConfig, ConnectorDeps } from "../registry.js";
import { parseIso20022Options } from "./config.js";
import { Iso20022Connector } from "./connector.js";

export { Iso20022Connector, type BookedEntryNotification } from "./connector.js";
export { CoreTransportError } from "./errors.js";
export { messageIdOf } from "./pain001.js";

export async function createIso20022Connector(bank: BankConfig, _deps: ConnectorDeps, clock?: () => Date): Promise<CoreBankingConnector> {
  return new Iso20022Connector(bank.id, parseIso20022Options(bank), clock);
}
