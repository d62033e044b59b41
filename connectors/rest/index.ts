/**
 * @module Connector kind "rest": a core that already has a JSON API, reached through a mapping the
 * bank's configuration gives (base URL, auth header from an environment variable, a request and
 * the answer's paths per operation, field mappings and code maps). Operations the mapping leaves
 * out answer NOT_SUPPORTED.
 *
 * @example
 *   const connector = await createRestConnector({ id: "nordbank", …, connector: { kind: "rest", options } }, deps);
 */
import type { CoreBankingConnector } from "../contract.js";
import type { BankConfig, ConnectorDeps } from "../registry.js";
import { parseRestOptions } from "./config.js";
import { RestConnector } from "./connector.js";

export { parseRestOptions, RestConfigError, type RestConfig } from "./config.js";
export { RestCoreError, type RestFailure } from "./errors.js";
export { RestConnector } from "./connector.js";

export async function createRestConnector(bank: BankConfig, _deps: ConnectorDeps): Promise<CoreBankingConnector> {
  return new RestConnector(parseRestOptions(bank.id, bank.connector.options));
}
