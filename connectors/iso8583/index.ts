/**
 * @module The ISO 8583 connector kind: a bank whose core is a card/ATM-style switch reached over one
 * persistent TCP connection, speaking ISO 8583:1987 in ASCII or BCD. Options: see config.ts;
 * messages and private fields: protocol.md.
 *
 * @example
 *   const connector = await createIso8583Connector({ id: "isobank", …, connector: { kind: "iso8583",
 *     options: { host: "127.0.0.1", port: 5000, accounts: [...] } } }, deps);
 */
import type { CoreBankingConnector } from "../contract.js";
import type { BankConfig, ConnectorDeps } from "../registry.js";
import { parseIso8583Config } from "./config.js";
import { Iso8583Connector } from "./connector.js";
import { AccountDirectory } from "./directory.js";
import { Iso8583Payments } from "./payments.js";
import { Iso8583Session } from "./transport/session.js";

export { parseIso8583Config, type Iso8583Config } from "./config.js";
export { Iso8583TransportError } from "./errors.js";

export async function createIso8583Connector(bank: BankConfig, _deps?: ConnectorDeps): Promise<CoreBankingConnector> {
  const config = parseIso8583Config(bank);
  const label = `the ISO 8583 switch of bank "${bank.id}" at ${config.host}:${config.port}`;
  const session = new Iso8583Session({ ...config, label });
  const directory = new AccountDirectory(config.accounts);
  const payments = new Iso8583Payments(session, config, directory, config.reconnect, label);
  // The hub starts even when the switch is down; requests then fail fast until it is back.
  session.start();
  return new Iso8583Connector(config, session, directory, payments, label);
}
