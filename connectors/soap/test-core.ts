/** @module Test helper: the SOAP core simulator with a connector on its endpoint. */
import { startSoapSimulator, type SoapSimulator } from "../../test/simulators/soap/index.js";
import { parseSoapOptions } from "./config.js";
import { SoapConnector } from "./connector.js";

export const MAX_GIRO = "0271232400";
export const OUTSIDE_IBAN = "DE89370400440532013000";

export function connectorFor(sim: SoapSimulator, options: Record<string, unknown> = {}, bankId = "ibcore"): SoapConnector {
  return new SoapConnector(parseSoapOptions(bankId, { endpoint: sim.url, ...options }));
}

export async function startCore(options: Record<string, unknown> = {}): Promise<{ sim: SoapSimulator; connector: SoapConnector }> {
  const sim = await startSoapSimulator();
  return { sim, connector: connectorFor(sim, options) };
}
