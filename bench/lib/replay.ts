/**
 * @module Replayed subgraphs. A real subgraph of the hub costs several milliseconds of CPU per call
 * (MikroORM, connectors, token checks), so with two cores any gateway measured against live subgraphs
 * only measures the subgraphs. In replay mode a subgraph server answers a query it has already
 * answered from memory, byte for byte, without running it; the gateway then becomes the bottleneck,
 * as in the public gateway benchmarks (whose subgraphs cost next to nothing).
 *
 * The key is the request body with the operation's name removed (planners name subgraph operations
 * after the client's, and the cold-plan scenario gives every request its own name). Mutations are never
 * replayed, and nothing is replayed until a live answer was recorded. Gateways send compact JSON; a
 * body in another spelling is only a different key (recorded once more), never a wrong answer.
 */
import type { IncomingMessage, ServerResponse } from "node:http";

const MAX_ENTRIES = 5_000;
const NAMED_OPERATION = /\b(query|subscription) [_A-Za-z][_0-9A-Za-z]*/;
const OPERATION_NAME_FIELD = /"operationName":\s*"[^"]*"/;
const MUTATION = /"query":\s*"\s*mutation\b/;
const QUERY = /"query":/;
const HASH = /"sha256Hash":\s*"([0-9a-f]{64})"/;

export class ReplayCache {
  enabled = false;
  hits = 0;
  private readonly answers = new Map<string, Buffer>();

  private readonly mutationHashes = new Set<string>();

  /**
   * The key of a raw request body, or undefined when it must run live (a mutation, by text or by the
   * persisted-query hash it was registered under). Works on the text: parsing and re-serialising the
   * large representation lists of entity fetches would cost more than the replay saves.
   */
  keyOf(raw: string): string | undefined {
    const hash = HASH.exec(raw)?.[1];
    if (MUTATION.test(raw)) {
      if (hash) this.mutationHashes.add(hash);
      return undefined;
    }
    const hasText = QUERY.test(raw);
    if (hash && !hasText && this.mutationHashes.has(hash)) return undefined;
    // With the text present, a persisted-query hash only repeats it (and differs with the name).
    const key = raw.replace(OPERATION_NAME_FIELD, "").replace(NAMED_OPERATION, "$1");
    return hasText && hash ? key.replace(HASH, "") : key;
  }

  /** Answers from memory when replay is on and this query was answered before. */
  tryReplay(key: string | undefined, res: ServerResponse): boolean {
    if (!this.enabled || key === undefined) return false;
    const answer = this.answers.get(key);
    if (!answer) return false;
    this.hits++;
    res.writeHead(200, { "content-type": "application/json; charset=utf-8", "content-length": answer.length });
    res.end(answer);
    return true;
  }

  record(key: string | undefined, status: number, answer: Buffer): void {
    if (key === undefined || status !== 200 || answer.includes('"errors"')) return;
    if (this.answers.size >= MAX_ENTRIES) this.answers.delete(this.answers.keys().next().value!);
    this.answers.set(key, answer);
  }

  /** Wraps a response so that what the live server sends is recorded under `key`. */
  capture(key: string | undefined, res: ServerResponse): void {
    if (key === undefined) return;
    const chunks: Buffer[] = [];
    const write = res.write.bind(res) as (...args: any[]) => boolean;
    const end = res.end.bind(res) as (...args: any[]) => ServerResponse;
    const keep = (chunk: unknown, encoding?: unknown) => {
      if (chunk === undefined || chunk === null || typeof chunk === "function") return;
      chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8"));
    };
    res.write = ((chunk: unknown, ...rest: unknown[]) => {
      keep(chunk, rest[0]);
      return write(chunk, ...rest);
    }) as typeof res.write;
    res.end = ((chunk?: unknown, ...rest: unknown[]) => {
      keep(chunk, rest[0]);
      this.record(key, res.statusCode, Buffer.concat(chunks));
      return end(chunk, ...rest);
    }) as typeof res.end;
  }
}

/** Reads a request body completely (after which body parsers see it as already consumed). */
export function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}
