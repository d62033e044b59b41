/** @module Test helper: the REST core simulator with a connector mapped onto it by the shipped fixture. */
import { readFileSync } from "node:fs";
import { REST_SIMULATOR_API_KEY, startRestSimulator, type RestSimulator } from "../../test/simulators/rest/index.js";
import { parseRestOptions } from "./config.js";
import { RestConnector } from "./connector.js";

export const COREBANK_V2 = JSON.parse(readFileSync(new URL("./fixtures/corebank-v2.json", import.meta.url), "utf8")) as Record<string, unknown>;
export const TEST_ENV = { COREBANK_API_KEY: REST_SIMULATOR_API_KEY };

export const MAX_GIRO = "0271232400";
export const MAX_USD = "0271232401";
export const ANTON_GIRO = "0340283600";
export const BLOCKED = "0999000001";
export const OUTSIDE_IBAN = "DE89370400440532013000";

/** The fixture's options pointed at `sim`, with `changes` laid over the top level. */
export function optionsFor(sim: RestSimulator, changes: Record<string, unknown> = {}): Record<string, unknown> {
  return { ...structuredClone(COREBANK_V2), baseUrl: sim.url, ...changes };
}

export function connectorFor(sim: RestSimulator, changes: Record<string, unknown> = {}, bankId = "corebank"): RestConnector {
  return new RestConnector(parseRestOptions(bankId, optionsFor(sim, changes), TEST_ENV));
}

export async function startCore(changes: Record<string, unknown> = {}): Promise<{ sim: RestSimulator; connector: RestConnector }> {
  const sim = await startRestSimulator();
  return { sim, connector: connectorFor(sim, changes) };
}
