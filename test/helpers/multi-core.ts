/**
 * Test helper: one bank per connector kind, each on its own simulated core on loopback — the
 * embedded sandbox, ISO 20022 over HTTP, ISO 8583 over TCP, a REST core and a SOAP service — and the
 * BankConfig list that puts them behind one hub. Simulators are reached only through their exported
 * start functions; their fault switches stay in the tests' hands.
 *
 * @example
 *   const cores = await startCores();
 *   const hub = await startTestHub({ banks: cores.banks({ timeoutMs: 500 }) });
 *   cores.iso20022.faults.slowMs = 2_000;
 */
import { readFileSync } from "node:fs";
import type { BankConfig } from "../../connectors/registry.js";
import type { ResilienceConfig } from "../../connectors/resilience.js";
import { SANDBOX_BANKS } from "../../connectors/sandbox/banks.js";
import { startIso20022Simulator, type Iso20022Simulator } from "../simulators/iso20022/index.js";
import { simulatedBank, startIso8583Simulator, type Iso8583Simulator } from "../simulators/iso8583/index.js";
import { REST_SIMULATOR_API_KEY, startRestSimulator, type RestSimulator } from "../simulators/rest/index.js";
import { startSoapSimulator, type SoapSimulator } from "../simulators/soap/index.js";

/** The mapping of the REST connector onto the simulator's "CoreBank API v2", as shipped with the connector. */
const COREBANK_V2 = JSON.parse(readFileSync(new URL("../../connectors/rest/fixtures/corebank-v2.json", import.meta.url), "utf8")) as Record<string, unknown>;

export const BANK_IDS = { sandbox: "musterbank", iso20022: "isarbank", iso8583: "isobank", rest: "nordbank", soap: "ostbank" } as const;
export type CoreKind = keyof typeof BANK_IDS;

export interface Cores {
  iso20022: Iso20022Simulator;
  iso8583: Iso8583Simulator;
  rest: RestSimulator;
  soap: SoapSimulator;
  /** One bank per kind, in BANK_IDS order, each with `resilience` and its connector's own `timeoutMs` from `connectorTimeouts`. */
  banks(resilience?: ResilienceConfig, connectorTimeouts?: Partial<Record<CoreKind, number>>): BankConfig[];
  /** Every fault switched off and every simulator listening again. */
  heal(): Promise<void>;
  close(): Promise<void>;
}

export async function startCores(): Promise<Cores> {
  process.env.COREBANK_API_KEY ??= REST_SIMULATOR_API_KEY; // the REST mapping reads its key from this variable
  const [iso20022, iso8583, rest, soap] = await Promise.all([startIso20022Simulator(), startIso8583Simulator(), startRestSimulator(), startSoapSimulator()]);
  return {
    iso20022,
    iso8583,
    rest,
    soap,
    banks: (resilience, connectorTimeouts = {}) => {
      const timeouts = (kind: CoreKind) => (connectorTimeouts[kind] === undefined ? {} : { timeoutMs: connectorTimeouts[kind] });
      // The simulated cores keep no customer credentials: their PSUs (the personas) sign in at the sandbox bank.
      const psuAuthentication = { bankId: BANK_IDS.sandbox };
      return [
        { ...SANDBOX_BANKS[0]!, id: BANK_IDS.sandbox, resilience },
        { ...iso20022.bank(timeouts("iso20022")), id: BANK_IDS.iso20022, resilience, psuAuthentication },
        { ...simulatedBank(iso8583, "ascii", timeouts("iso8583")), id: BANK_IDS.iso8583, resilience, psuAuthentication },
        {
          id: BANK_IDS.rest,
          name: "Nordbank AG",
          bic: "NORDDEH1XXX",
          country: "DE",
          status: "live",
          connector: { kind: "rest", options: { ...structuredClone(COREBANK_V2), baseUrl: rest.url, ...timeouts("rest") } },
          resilience,
          psuAuthentication,
        },
        {
          id: BANK_IDS.soap,
          name: "Ostbank eG",
          bic: "OSTBDEB1XXX",
          country: "DE",
          status: "live",
          connector: { kind: "soap", options: { endpoint: soap.url, ...timeouts("soap") } },
          resilience,
          psuAuthentication,
        },
      ];
    },
    async heal() {
      iso20022.faults.reset();
      Object.assign(iso8583.faults, { slowMs: 0, garbage: false, drop: false, code: undefined, when: undefined });
      Object.assign(rest.faults, { down: false, slowMs: 0, garbage: false, loseResponse: false, wrongTypes: false });
      Object.assign(soap.faults, { down: false, slowMs: 0, garbage: false, loseResponse: false, soapFault: false });
      await Promise.all([iso20022.up(), iso8583.setDown(false), rest.server.listening ? undefined : rest.restart(), soap.server.listening ? undefined : soap.restart()]);
    },
    async close() {
      await Promise.all([iso20022.close(), iso8583.close(), rest.close(), soap.close()]);
    },
  };
}
