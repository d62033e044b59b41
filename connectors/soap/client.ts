/**
 * @module The soap client of one bank's core: built from a local WSDL (or one fetched from the core's
 * own origin), always calling the configured endpoint, with a deadline and a bounded answer on every
 * call. XSD imports resolve only to files beside a local WSDL or to the core's origin; anything
 * else (e.g. a schema on the internet) is refused, so loading the WSDL never reaches the network.
 */
import http from "node:http";
import https from "node:https";
import { dirname, relative, isAbsolute } from "node:path";
import soap, { type Client } from "soap";
import type { SoapConfig } from "./config.js";
import { classify, SoapCoreError, type BusinessFault } from "./errors.js";

export type SoapAnswer<T> = { ok: true; value: T } | { ok: false; fault: BusinessFault };

/** Keep the lexical form of dates and numbers: the mapper checks and converts them. */
const AS_TEXT = (text: string) => text;
/** The operations this connector calls; a WSDL that lacks one describes another service. */
export const OPERATIONS = [
  "GetCustomerAccounts", "GetAccounts", "ListAccounts", "GetAccountBalances", "GetAccountTransactions", "GetTransactionDetails",
  "TransferFunds", "GetTransferStatus", "CancelTransfer", "CheckFunds", "Ping",
] as const;

const CUSTOM_DESERIALIZER = { date: AS_TEXT, dateTime: AS_TEXT, decimal: AS_TEXT, double: AS_TEXT, float: AS_TEXT, long: AS_TEXT, int: AS_TEXT, integer: AS_TEXT, short: AS_TEXT };

export class SoapCoreClient {
  private client?: Promise<Client>;
  private readonly agent: http.Agent;

  constructor(readonly config: SoapConfig) {
    const transport = config.endpoint.protocol === "https:" ? https : http;
    this.agent = new transport.Agent({ keepAlive: true, maxSockets: 16 });
  }

  /** Only the WSDL's own folder (local WSDL) or the core's origin (WSDL from the core) may be imported. */
  private guardImport = (resolved: string, _base: string, location: string): string => {
    const { wsdl, endpoint } = this.config;
    if (/^https?:/i.test(resolved)) {
      if ("url" in wsdl && new URL(resolved).origin === endpoint.origin) return resolved;
    } else if ("file" in wsdl) {
      const inside = relative(dirname(wsdl.file), resolved);
      if (inside && !inside.startsWith("..") && !isAbsolute(inside)) return resolved;
    }
    throw new Error(`the WSDL imports "${location}" (${resolved}), which is neither beside the WSDL nor on the core's origin; refused`);
  };

  private load(): Promise<Client> {
    const { wsdl, endpoint, wsdlTimeoutMs, maxResponseBytes } = this.config;
    const source = "file" in wsdl ? wsdl.file : wsdl.url.href;
    return soap
      .createClientAsync(source, {
        endpoint: endpoint.href,
        disableCache: true,
        customDeserializer: CUSTOM_DESERIALIZER,
        wsdl_options: { timeout: wsdlTimeoutMs, maxContentLength: maxResponseBytes, maxRedirects: 0, overrideImportLocation: this.guardImport },
      })
      .then((client) => {
        const missing = OPERATIONS.filter((op) => typeof (client as unknown as Record<string, unknown>)[`${op}Async`] !== "function");
        if (missing.length > 0) throw new Error(`the WSDL does not describe the operations ${missing.join(", ")}`);
        return client;
      })
      .catch((error: unknown) => {
        const where = { bankId: this.config.bankId, operation: "loading the WSDL" };
        const classified = classify(error, where, { timeoutMs: wsdlTimeoutMs, maxResponseBytes });
        const failure = classified instanceof SoapCoreError && classified.failure !== "malformed" ? classified.failure : "wsdl";
        throw new SoapCoreError(failure, `${source}: ${(error as Error).message ?? String(error)}`, where, error);
      });
  }

  /** The client, built on first use; a failed build (core down while fetching the WSDL) is tried again next time. */
  ready(): Promise<Client> {
    this.client ??= this.load().catch((error: unknown) => {
      this.client = undefined;
      throw error;
    });
    return this.client;
  }

  /**
   * Calls one operation. Every operation of this service is safe to repeat (reads, and transfers by
   * their RequestId), so a connection reset before an answer is tried once more on a fresh connection.
   */
  async call<T>(operation: string, args: Record<string, unknown>, retry = true): Promise<SoapAnswer<T>> {
    const client = await this.ready();
    const { timeoutMs, maxResponseBytes, bankId } = this.config;
    const method = (client as unknown as Record<string, (args: unknown, options: unknown) => Promise<[T]>>)[`${operation}Async`];
    if (!method) throw new SoapCoreError("wsdl", `the WSDL has no operation ${operation}`, { bankId, operation });
    try {
      const [result] = await method.call(client, args, {
        timeout: timeoutMs,
        signal: AbortSignal.timeout(timeoutMs),
        maxContentLength: maxResponseBytes,
        maxBodyLength: maxResponseBytes,
        maxRedirects: 0,
        httpAgent: this.agent,
        httpsAgent: this.agent,
      });
      return { ok: true, value: result };
    } catch (error) {
      const outcome = classify(error, { bankId, operation }, { timeoutMs, maxResponseBytes });
      if (!(outcome instanceof SoapCoreError)) return { ok: false, fault: outcome };
      if (retry && outcome.failure === "reset") return this.call(operation, args, false);
      throw outcome;
    }
  }

  close(): void {
    this.agent.destroy();
  }
}
