/**
 * @module The core's HTTP API, one method per endpoint (see README.md): JSON where ISO 20022 has no
 * message (account listings, health), camt.052 / camt.053 / camt.054 for reports, statements and entries,
 * pain.001 → pain.002 for payments. Answers that are not what the endpoint promises become a thrown
 * CoreTransportError ("malformed"); a 404 that the core explains with an error code is a plain "not found".
 */
import type { ConnectorContext, CoreAccount } from "../contract.js";
import { parseCamt, type CamtAccount, type CamtKind } from "./camt.js";
import type { Iso20022Options } from "./config.js";
import { XmlRejectedError } from "./errors.js";
import { batches, CoreHttpClient, mapBounded, type CoreRequest, type CoreResponse } from "./http-client.js";
import { toAccount } from "./mapper.js";
import { parsePain002, type PaymentStatusReport } from "./pain002.js";

export type EntryFilter = "pending" | "all";

export class CoreApi {
  readonly http: CoreHttpClient;

  constructor(
    bankId: string,
    private readonly options: Iso20022Options,
  ) {
    this.http = new CoreHttpClient(bankId, options);
  }

  async health(): Promise<void> {
    const body = await this.json({}, { method: "GET", path: "health", operation: "health" });
    if (body.status !== "up") throw this.malformed("health", `the core reports status ${JSON.stringify(body.status)}`);
  }

  /** One page of accounts; `next` is the core's opaque position for the following page. */
  async accounts(
    ctx: ConnectorContext,
    query: { psu?: string; iban?: string[]; limit?: number; after?: string },
    operation: string,
  ): Promise<{ accounts: CoreAccount[]; next?: string }> {
    const page = async (iban?: string[]) => {
      const q = { psu: query.psu, iban, limit: query.limit?.toString(), after: query.after };
      const body = await this.json(ctx, { method: "GET", path: "accounts", query: q, operation });
      if (!Array.isArray(body.accounts) || (body.next !== undefined && typeof body.next !== "string")) {
        throw this.malformed(operation, "the account listing is not {accounts: [...], next?: string}");
      }
      return { accounts: body.accounts.map(toAccount), next: body.next as string | undefined };
    };
    if (!query.iban) return page();
    const pages = await mapBounded(batches(query.iban, this.options.batchSize), this.options.maxConcurrency, page);
    return { accounts: pages.flatMap((p) => p.accounts) };
  }

  /** camt.052 per account (balances; entries when asked), or camt.053 (booked entries only); unknown accounts left out. */
  async reports(ctx: ConnectorContext, kind: "camt.052" | "camt.053", ibans: readonly string[], filter: { entries?: EntryFilter; from?: string; to?: string }, operation: string) {
    const path = kind === "camt.052" ? "reports" : "statements";
    // One request per batch of accounts, a few batches at a time: bounded so one large hub query cannot flood the core.
    const pages = await mapBounded(batches(ibans, this.options.batchSize), this.options.maxConcurrency, (acct) =>
      this.camt(ctx, kind, { method: "GET", path, query: { acct, entries: filter.entries, from: filter.from, to: filter.to }, operation }),
    );
    return pages.flat();
  }

  /** camt.054 holding the entries with these refs. */
  async entries(ctx: ConnectorContext, refs: readonly string[], operation: string): Promise<CamtAccount[]> {
    const pages = await mapBounded(batches(refs, this.options.batchSize), this.options.maxConcurrency, (ref) =>
      this.camt(ctx, "camt.054", { method: "GET", path: "entries", query: { ref }, operation }),
    );
    return pages.flat();
  }

  /** camt.054 notifications of entries booked after sequence number `after` (none → empty). */
  async notifications(ctx: ConnectorContext, after: string, limit: number): Promise<CamtAccount[]> {
    return this.camt(ctx, "camt.054", { method: "GET", path: "notifications", query: { after, limit: String(limit) }, operation: "notifications" });
  }

  async initiate(ctx: ConnectorContext, pain001: string): Promise<PaymentStatusReport> {
    const report = await this.pain002(ctx, { method: "POST", path: "payments", body: pain001, operation: "executePayment" });
    if (!report) throw this.malformed("executePayment", "the core answered a payment initiation with 404");
    return report;
  }

  status(ctx: ConnectorContext, messageId: string, operation = "paymentStatus"): Promise<PaymentStatusReport | undefined> {
    return this.pain002(ctx, { method: "GET", path: `payments/${encodeURIComponent(messageId)}/status`, operation });
  }

  cancel(ctx: ConnectorContext, messageId: string): Promise<PaymentStatusReport | undefined> {
    return this.pain002(ctx, { method: "POST", path: `payments/${encodeURIComponent(messageId)}/cancellation`, operation: "cancelPayment" });
  }

  close(): void {
    this.http.close();
  }

  private malformed(operation: string, detail: string, cause?: unknown) {
    return this.http.fail(operation, "malformed", detail, cause);
  }

  /** The response, or undefined for a 404 the core explains; anything else but `expected` content throws. */
  private async send(ctx: ConnectorContext, request: CoreRequest, expected: "xml" | "json"): Promise<CoreResponse | undefined> {
    const response = await this.http.request({ ...request, headers: { "x-request-id": ctx.requestId, "psu-id": ctx.psuId } });
    if (response.status === 404 && response.contentType.includes("json") && /"error"\s*:\s*"[A-Z_]+_NOT_FOUND"/.test(response.body)) return undefined;
    if (response.status === 204) return { ...response, body: "" };
    if (response.status !== 200) {
      const failure = response.status >= 500 ? "server-error" : "http-status";
      throw this.http.fail(request.operation, failure, `the core answered HTTP ${response.status} to ${request.method} ${request.path}`);
    }
    if (!response.contentType.includes(expected)) throw this.malformed(request.operation, `expected ${expected}, got content type "${response.contentType}"`);
    return response;
  }

  private async json(ctx: ConnectorContext, request: CoreRequest): Promise<Record<string, unknown>> {
    const response = await this.send(ctx, request, "json");
    try {
      const body: unknown = JSON.parse(response?.body ?? "{}");
      if (typeof body === "object" && body !== null && !Array.isArray(body)) return body as Record<string, unknown>;
    } catch (error) {
      throw this.malformed(request.operation, "the answer is not valid JSON", error);
    }
    throw this.malformed(request.operation, "the answer is not a JSON object");
  }

  private async camt(ctx: ConnectorContext, kind: CamtKind, request: CoreRequest): Promise<CamtAccount[]> {
    const response = await this.send(ctx, request, "xml");
    if (!response || response.body === "") return [];
    return this.read(request.operation, () => parseCamt(response.body, kind));
  }

  private async pain002(ctx: ConnectorContext, request: CoreRequest): Promise<PaymentStatusReport | undefined> {
    const response = await this.send(ctx, request, "xml");
    if (!response) return undefined;
    return this.read(request.operation, () => parsePain002(response.body));
  }

  private read<T>(operation: string, parse: () => T): T {
    try {
      return parse();
    } catch (error) {
      if (error instanceof XmlRejectedError) throw this.malformed(operation, error.message, error);
      throw error;
    }
  }
}
