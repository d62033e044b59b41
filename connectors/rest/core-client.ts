/**
 * @module One bank's REST core as the operations see it: renders a configured request, sends it,
 * and reads the answer through the mapping. Anything that does not fit becomes a RestCoreError
 * naming the operation and the field; business error codes become rejections.
 */
import type { ConnectorContext } from "../contract.js";
import type { CoreRejection } from "../result.js";
import { formatAmount } from "../../subgraphs/shared/money.js";
import type { RestConfig, RestOperationName } from "./config.js";
import type { ResolvedRequest } from "./config-mapping.js";
import { RestCoreError } from "./errors.js";
import { JsonHttpClient, type CoreAnswer } from "./http.js";
import { mapRecord, MappingError, type RecordName } from "./mapper.js";
import { describe, PathShapeError, readPath, renderBody, renderPath, renderQuery, type ParsedPath, type TemplateValues } from "./paths.js";

export const isOk = (answer: CoreAnswer) => answer.status >= 200 && answer.status < 300;

export class RestCore {
  readonly http: JsonHttpClient;

  constructor(readonly config: RestConfig) {
    const auth = config.auth;
    this.http = new JsonHttpClient({
      bankId: config.bankId,
      baseUrl: config.baseUrl,
      timeoutMs: config.timeoutMs,
      maxResponseBytes: config.maxResponseBytes,
      maxSockets: config.concurrency * 2,
      headers: () => (auth ? { [auth.header]: auth.value() } : {}),
    });
  }

  label(operation: string, spec: ResolvedRequest): string {
    return `${operation} (${spec.method} ${spec.path})`;
  }

  send(operation: RestOperationName, spec: ResolvedRequest, values: TemplateValues, ctx: ConnectorContext, headers: Record<string, string> = {}): Promise<CoreAnswer> {
    return this.http.request({
      operation: this.label(operation, spec),
      method: spec.method,
      target: renderPath(spec.path, values) + renderQuery(spec.query, values),
      body: spec.body === undefined ? undefined : renderBody(spec.body, values),
      headers: { ...(ctx.requestId ? { [this.config.requestIdHeader]: ctx.requestId } : {}), ...headers },
    });
  }

  /** An amount as the core's requests carry it: "12.30" or 1230. */
  amount(minor: bigint, currency: string): string | number {
    return this.config.amounts === "minor" ? Number(minor) : formatAmount(minor, currency);
  }

  /** Runs a read of the answer, turning shape and type problems into a RestCoreError. */
  reading<T>(operation: string, spec: ResolvedRequest, read: () => T): T {
    try {
      return read();
    } catch (error) {
      if (!(error instanceof MappingError || error instanceof PathShapeError)) throw error;
      throw new RestCoreError("bad-answer", `the answer does not fit the mapping: ${error.message}`, { bankId: this.config.bankId, operation: this.label(operation, spec) }, error);
    }
  }

  /** The elements at a list path ("data.accounts[]"); a missing list is a bad answer, not an empty one. */
  list(operation: string, spec: ResolvedRequest, body: unknown, path: ParsedPath): unknown[] {
    return this.reading(operation, spec, () => {
      const steps = path.steps.slice(0, -1);
      const last = path.steps.at(-1)!;
      if (!steps.some((s) => s.each)) {
        const container = readPath(body, { source: path.source, steps: [...steps, { key: last.key, each: false }], many: false });
        if (!Array.isArray(container)) throw new MappingError(`expected a list at "${path.source}", got ${describe(container)}`);
      }
      return readPath(body, path) as unknown[];
    });
  }

  /** One string or boolean of the answer (a page token, a group's key, a has-more flag). */
  scalar<K extends "string" | "boolean">(operation: string, spec: ResolvedRequest, body: unknown, path: ParsedPath, expected: K, optional = false) {
    type Value = K extends "string" ? string : boolean;
    return this.reading(operation, spec, (): Value | undefined => {
      const value = readPath(body, path);
      if (optional && (value === undefined || value === null)) return undefined;
      if (typeof value !== expected || value === "") throw new MappingError(`"${path.source}" is ${describe(value)}; expected a ${expected === "string" ? "non-empty string" : "boolean"}`);
      return value as Value;
    });
  }

  records<T>(operation: string, spec: ResolvedRequest, raws: unknown[], record: RecordName): T[] {
    const mapping = this.config.records[record]!;
    return raws.map((raw, index) =>
      this.reading(operation, spec, () => {
        try {
          return mapRecord(record, mapping, raw, this.config.amounts) as T;
        } catch (error) {
          if (error instanceof MappingError) throw new MappingError(`${record} ${index + 1}: ${error.message}`);
          throw error;
        }
      }),
    );
  }

  /** A business refusal the answer carries, when its error code is in the mapping. */
  rejection(answer: CoreAnswer): CoreRejection | undefined {
    const errors = this.config.errors;
    if (!errors || isOk(answer)) return undefined;
    const code = readSafely(answer.body, errors.code);
    if (typeof code !== "string" || !Object.hasOwn(errors.codes, code)) return undefined;
    const message = errors.message ? readSafely(answer.body, errors.message) : undefined;
    return { code: errors.codes[code]!, message: typeof message === "string" ? message : `The core refused with ${code}.` };
  }

  /** The core's own code for a refusal, if the answer names one. */
  coreCode(answer: CoreAnswer): string | undefined {
    const code = this.config.errors ? readSafely(answer.body, this.config.errors.code) : undefined;
    return typeof code === "string" ? code.slice(0, 60) : undefined;
  }

  unexpected(operation: string, spec: ResolvedRequest, answer: CoreAnswer): RestCoreError {
    const code = this.coreCode(answer);
    const auth = this.config.auth;
    const hint = answer.status === 401 || answer.status === 403 ? (auth ? `; check the credentials in ${auth.env}` : "; the core wants credentials, see the auth option") : "";
    return new RestCoreError("status", `the core answered HTTP ${answer.status}${code ? ` (${code})` : ""}${hint}`, {
      bankId: this.config.bankId,
      operation: this.label(operation, spec),
      status: answer.status,
    });
  }

  close(): void {
    this.http.close();
  }
}

function readSafely(body: unknown, path: ParsedPath): unknown {
  try {
    return readPath(body, path);
  } catch {
    return undefined;
  }
}

/** Runs `task` for each item, at most `limit` at a time, answering in item order. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

export const chunks = <T>(items: readonly T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));
