/**
 * @module Test helper: a tiny core on a real loopback HTTP server whose behaviour a test switches
 * (ok, failing, slow, garbage, down), and a minimal connector that speaks to it. No mocks: the
 * policies see real sockets, real timeouts and real refused connections.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { HubError } from "../subgraphs/shared/errors.js";
import type { ConnectorHealth, CoreAccount, CoreBankingConnector, PaymentExecution } from "./contract.js";
import { notSupportedRead, ok, reject, type Result } from "./result.js";
import { psuAuthenticationNotSupported } from "./psu-authentication.js";

export type CoreMode = "ok" | "fail" | "slow" | "garbage" | "input-error" | "reject";

export class TinyCore {
  mode: CoreMode = "ok";
  /** Fail this many requests (HTTP 500) before behaving as `mode` again. */
  failNext = 0;
  slowMs = 1_000;
  healthStatus: ConnectorHealth["status"] = "up";
  readonly hits = new Map<string, number>();
  private server?: Server;
  private port = 0;

  hitsOf(path: string): number {
    return this.hits.get(path) ?? 0;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Listens (again, on the same port after `stop`); a no-op while running. */
  async start(): Promise<this> {
    if (this.server) return this;
    const server = createServer((req, res) => {
      const path = new URL(req.url!, "http://core").pathname;
      this.hits.set(path, this.hitsOf(path) + 1);
      const send = (status: number, body: unknown) => {
        res.writeHead(status, { "content-type": "application/json" });
        res.end(typeof body === "string" ? body : JSON.stringify(body));
      };
      if (path === "/health") return send(200, { status: this.healthStatus, detail: this.healthStatus === "down" ? "ledger offline" : undefined });
      if (this.failNext > 0) {
        this.failNext--;
        return send(500, { error: "boom" });
      }
      if (this.mode === "fail") return send(500, { error: "boom" });
      if (this.mode === "garbage") return send(200, "\u0000<<not json");
      if (this.mode === "input-error") return send(400, { code: "INVALID_CURSOR" });
      const answer = () =>
        path === "/payments" ? send(200, this.mode === "reject" ? { reject: "INSUFFICIENT_FUNDS" } : { status: "ACSC", coreRef: "core-1" }) : send(200, [ACCOUNT]);
      if (this.mode === "slow") setTimeout(answer, this.slowMs).unref();
      else answer();
    });
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(this.port, "127.0.0.1", resolve);
    });
    this.port = (server.address() as AddressInfo).port;
    this.server = server;
    return this;
  }

  /** Closes the listener and every open connection: the next call is refused. */
  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

export const ACCOUNT: CoreAccount = {
  ref: "acc-1",
  iban: "DE02100100109307118603",
  currency: "EUR",
  name: "Giro",
  product: "Girokonto",
  cashAccountType: "CACC",
  status: "enabled",
  ownerName: "Max Musterman",
  psuIds: ["max.musterman"],
};

/** Speaks to a TinyCore: accounts, payments and health; everything else is not supported. */
export class TinyConnector implements CoreBankingConnector {
  readonly kind = "tiny";
  constructor(private readonly core: TinyCore) {}

  private async call(path: string, init?: RequestInit): Promise<unknown> {
    const res = await fetch(`${this.core.url}${path}`, init);
    const text = await res.text();
    if (res.status === 400) throw new HubError("INVALID_CURSOR", "The core did not accept the cursor.");
    if (!res.ok) throw new Error(`core answered HTTP ${res.status}`);
    return JSON.parse(text);
  }

  async accountsOfPsu(): Promise<CoreAccount[]> {
    return (await this.call("/accounts")) as CoreAccount[];
  }
  async accountsByRefs(): Promise<Map<string, CoreAccount>> {
    const accounts = (await this.call("/accounts")) as CoreAccount[];
    return new Map(accounts.map((a) => [a.ref, a]));
  }
  async accountsByIbans(): Promise<Map<string, CoreAccount>> {
    throw notSupportedRead("tiny", "accountsByIbans");
  }
  async listAccounts(): Promise<{ accounts: CoreAccount[] }> {
    throw notSupportedRead("tiny", "listAccounts");
  }
  async balances(): Promise<Map<string, never[]>> {
    throw notSupportedRead("tiny", "balances");
  }
  async transactions(): Promise<Map<string, never>> {
    throw notSupportedRead("tiny", "transactions");
  }
  async transactionsByRefs(): Promise<Map<string, never>> {
    throw notSupportedRead("tiny", "transactionsByRefs");
  }
  async executePayment(): Promise<Result<PaymentExecution>> {
    const answer = (await this.call("/payments", { method: "POST" })) as { reject?: "INSUFFICIENT_FUNDS"; status: "ACSC"; coreRef: string };
    return answer.reject ? reject(answer.reject, "Not enough money.") : ok({ status: answer.status, coreRef: answer.coreRef });
  }
  async paymentStatus(): Promise<Result<PaymentExecution>> {
    return ok((await this.call("/payment-status")) as PaymentExecution);
  }
  async cancelPayment(): Promise<Result<PaymentExecution>> {
    return reject("CANCELLATION_NOT_ALLOWED", "No.");
  }
  async confirmFunds(): Promise<Result<{ fundsAvailable: boolean }>> {
    return ok({ fundsAvailable: true });
  }
  readonly authenticatePsu = psuAuthenticationNotSupported.authenticatePsu;
  readonly verifyScaCode = psuAuthenticationNotSupported.verifyScaCode;

  async health(): Promise<ConnectorHealth> {
    const started = performance.now();
    const answer = (await this.call("/health")) as ConnectorHealth;
    return { ...answer, latencyMs: performance.now() - started };
  }
  async close(): Promise<void> {}
}
