/**
 * @module A simulated core with an internet-banking web service: a `soap.listen` server on node:http
 * at 127.0.0.1, described by connectors/soap/fixtures/core-banking.wsdl (published at `?wsdl`, with its
 * XSD at /core-banking.xsd, where the WSDL's relative import finds it), with its own ledger and fault switches.
 *
 * @example
 *   const sim = await startSoapSimulator();
 *   sim.faults.soapFault = true;   // every call answers a SOAP Fault from the server
 */
import { readFileSync } from "node:fs";
import type { IncomingMessage, RequestListener, ServerResponse } from "node:http";
import { fileURLToPath } from "node:url";
import soap from "soap";
import { listenWithFaults, type FaultyServer } from "../rest/http-faults.js";
import { isoToday, Ledger } from "../rest/ledger.js";
import { seedLedger } from "../rest/ledger-seed.js";
import { coreBankingService } from "./service.js";

export const SOAP_SIMULATOR_BANK_CODE = "77710000";
export const WSDL_FILE = fileURLToPath(new URL("../../../connectors/soap/fixtures/core-banking.wsdl", import.meta.url));
const XSD_FILE = WSDL_FILE.replace(/\.wsdl$/, ".xsd");
const SERVICE_PATH = "/CoreBankingService";
const ENVELOPE = "http://schemas.xmlsoap.org/soap/envelope/";

export interface SoapSimulatorOptions {
  bankCode?: string;
  today?: () => string;
}

export interface SoapSimulator extends Omit<FaultyServer, "faults"> {
  /** The service endpoint, e.g. http://127.0.0.1:40123/CoreBankingService */
  url: string;
  /** Where the service publishes its WSDL (`<url>?wsdl`). */
  wsdlUrl: string;
  ledger: Ledger;
  faults: FaultyServer["faults"] & { soapFault: boolean };
}

const isWrite = (req: IncomingMessage) => /(TransferFunds|CancelTransfer)"?$/.test(String(req.headers.soapaction ?? ""));

function serverFault(res: ServerResponse): void {
  res.writeHead(500, { "Content-Type": "text/xml; charset=utf-8" });
  res.end(
    `<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="${ENVELOPE}"><soap:Body><soap:Fault>` +
      `<faultcode>soap:Server</faultcode><faultstring>Core ledger temporarily unavailable</faultstring></soap:Fault></soap:Body></soap:Envelope>`,
  );
}

export async function startSoapSimulator(options: SoapSimulatorOptions = {}): Promise<SoapSimulator> {
  const ledger = seedLedger(new Ledger(options.today ?? isoToday), options.bankCode ?? SOAP_SIMULATOR_BANK_CODE);
  let soapFault = false;
  let soapListener: RequestListener = () => undefined;
  const server = await listenWithFaults({
    attach: async (http, gate) => {
      await new Promise<void>((resolve, reject) =>
        soap.listen(http, {
          path: SERVICE_PATH,
          services: { CoreBankingService: { CoreBankingPort: coreBankingService(ledger) } },
          xml: readFileSync(WSDL_FILE, "utf8"),
          uri: WSDL_FILE,
          callback: (error: unknown) => (error ? reject(error as Error) : resolve()),
        }),
      );
      // soap.listen installs its own request listener once the WSDL is read; the fault gate goes in front of it.
      const listeners = http.listeners("request") as RequestListener[];
      http.removeAllListeners("request");
      soapListener = (req, res) => listeners.forEach((listener) => listener.call(http, req, res));
      http.on("request", gate);
    },
    handler: (req, res) => {
      const published = req.method === "GET" && { "/core-banking.xsd": XSD_FILE, [`${SERVICE_PATH}?wsdl`]: WSDL_FILE }[req.url ?? ""];
      if (published) {
        res.writeHead(200, { "Content-Type": "text/xml; charset=utf-8" });
        return void res.end(readFileSync(published));
      }
      if (soapFault && req.method === "POST") return serverFault(res);
      soapListener(req, res);
    },
    isWrite,
    garbage: (_req, res) => {
      res.writeHead(200, { "Content-Type": "text/xml; charset=utf-8" });
      res.end(`<?xml version="1.0"?><soap:Envelope xmlns:soap="${ENVELOPE}"><soap:Body><cb:GetCustomerAccountsResponse xmlns:cb="http://ib.corebank.example/v1"><cb:Account><cb:AccountId>02`);
    },
  });
  const faults = Object.defineProperty(server.faults, "soapFault", {
    get: () => soapFault,
    set: (value: boolean) => void (soapFault = value),
    enumerable: true,
  }) as SoapSimulator["faults"];
  const url = `http://127.0.0.1:${server.port}${SERVICE_PATH}`;
  return Object.assign(server, { faults, ledger, url, wsdlUrl: `${url}?wsdl` });
}
