/**
 * @module Connector kind "soap": a core's internet-banking web service, described by a WSDL
 * (fixtures/core-banking.wsdl and its XSD, or the same service's WSDL fetched from the core).
 *
 * @example
 *   const connector = await createSoapConnector({ id: "ostbank", …, connector: { kind: "soap", options: { endpoint } } }, deps);
 */
import type { CoreBankingConnector } from "../contract.js";
import type { BankConfig, ConnectorDeps } from "../registry.js";
import { parseSoapOptions } from "./config.js";
import { SoapConnector } from "./connector.js";

export { BUNDLED_WSDL, parseSoapOptions, SoapConfigError, type SoapConfig } from "./config.js";
export { SoapCoreError, type SoapFailure } from "./errors.js";
export { SoapConnector } from "./connector.js";

/** A local WSDL is loaded now, so a broken one stops the start; one on the core is loaded on first use. */
export async function createSoapConnector(bank: BankConfig, _deps: ConnectorDeps): Promise<CoreBankingConnector> {
  const connector = new SoapConnector(parseSoapOptions(bank.id, bank.connector.options));
  if ("file" in connector.config.wsdl) await connector.core.ready();
  return connector;
}
