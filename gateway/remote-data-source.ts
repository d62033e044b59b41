/**
 * @module Reaches a subgraph over HTTP (distributed mode). Same contract and error shapes as Apollo's
 * RemoteGraphQLDataSource, with less work per fetch (measured with bench/, see bench/README.md):
 * - one bounded keep-alive connection pool (node:http Agent) shared by every subgraph;
 * - the caller identity signed once per caller and minute, not once per request;
 * - the planner's few operation strings hashed once and sent as automatic persisted queries: the full
 *   text (with its hash) the first time, the hash alone afterwards, the text again when a subgraph
 *   replica answers PersistedQueryNotFound (or never again, if it does not support them);
 * - no fetch-API Request/Headers objects, one JSON.parse per response.
 */
import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from "@apollo/gateway";
import type { GatewayGraphQLResponse } from "@apollo/server-gateway-interface";
import { GraphQLError } from "graphql";
import { createHash } from "node:crypto";
import { Agent, request as httpRequest, STATUS_CODES } from "node:http";
import { CALLER_HEADER, signCaller } from "../subgraphs/shared/caller-token.js";
import type { Caller } from "../subgraphs/shared/context.js";
import type { GatewayContext } from "./local-data-source.js";

/** At most 64 sockets per subgraph origin, reused most-recent first so that idle ones can time out. */
const agent = new Agent({ keepAlive: true, maxSockets: 64, maxFreeSockets: 64, scheduling: "lifo", timeout: 60_000 });

/** Caller tokens live 2 minutes (caller-token.ts); one is reused for at most a minute. */
const TOKEN_REUSE_MS = 60_000;
const MAX_CACHED = 10_000;
const tokens = new Map<string, { token: Promise<string>; until: number }>();
/** Every fetch of one gateway request shares its caller object: look that up before serialising it. */
const byCallerObject = new WeakMap<Caller, { secret: string; token: Promise<string>; until: number }>();

function callerToken(caller: Caller, secret: string): Promise<string> {
  const now = Date.now();
  const same = byCallerObject.get(caller);
  if (same && same.secret === secret && same.until > now) return same.token;
  const key = `${secret}\n${JSON.stringify(caller)}`;
  let cached = tokens.get(key);
  if (!cached || cached.until <= now) {
    if (tokens.size >= MAX_CACHED) tokens.clear();
    const token = signCaller(caller, secret);
    cached = { token, until: now + TOKEN_REUSE_MS };
    tokens.set(key, cached);
    token.catch(() => tokens.delete(key));
  }
  byCallerObject.set(caller, { secret, token: cached.token, until: cached.until });
  return cached.token;
}

/** An operation the planner emits, prepared once: its name and APQ extension, JSON-encoded. */
interface PreparedOperation {
  operationNameJson: string;
  extensionsJson: string;
  /** Whether this subgraph has been sent the full text (and so knows the hash). */
  registered: boolean;
}

interface Answer {
  status: number;
  contentType: string | undefined;
  cacheControl: string | undefined;
  text: string;
}

/** Where one subgraph is reached, decided once: node:http options without a URL to convert per request. */
interface Target {
  host: string;
  port: number;
  path: string;
  /** The Host header, as node:http derives it from the URL. */
  hostHeader: string;
}

function targetOf(url: URL): Target {
  const port = url.port ? Number(url.port) : 80;
  const host = url.hostname.startsWith("[") ? url.hostname.slice(1, -1) : url.hostname;
  return { host, port, path: `${url.pathname}${url.search}`, hostHeader: url.port ? `${url.hostname}:${url.port}` : url.hostname };
}

function post(target: Target, body: string, token: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: target.host,
        port: target.port,
        path: target.path,
        method: "POST",
        agent,
        // As an array, node:http writes the headers as given (validated) instead of setting them one by one.
        headers: ["host", target.hostHeader, "content-type", "application/json", "content-length", String(Buffer.byteLength(body)), CALLER_HEADER, token],
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("error", reject);
        res.on("end", () =>
          resolve({
            status: res.statusCode ?? 0,
            contentType: res.headers["content-type"],
            cacheControl: res.headers["cache-control"],
            text: chunks.length === 1 ? chunks[0]!.toString("utf8") : Buffer.concat(chunks).toString("utf8"),
          }),
        );
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

const isJson = (contentType: string | undefined) =>
  !!contentType && (contentType.startsWith("application/json") || contentType.startsWith("application/graphql-response+json"));

function parseBody(answer: Answer): unknown {
  return isJson(answer.contentType) ? JSON.parse(answer.text) : answer.text;
}

/** The error RemoteGraphQLDataSource raises for a non-2xx answer, with the same extensions. */
function errorFromAnswer(url: string, answer: Answer): GraphQLError {
  const statusText = STATUS_CODES[answer.status] ?? "";
  let body: unknown;
  try {
    body = parseBody(answer);
  } catch {
    body = answer.text;
  }
  const extensions: Record<string, unknown> = { response: { url, status: answer.status, statusText, body } };
  if (answer.status === 401) extensions.code = "UNAUTHENTICATED";
  else if (answer.status === 403) extensions.code = "FORBIDDEN";
  return new GraphQLError(`${answer.status}: ${statusText}`, { extensions });
}

const hasError = (body: any, message: string, code: string) =>
  Array.isArray(body?.errors) && body.errors.some((e: any) => e?.message === message || e?.extensions?.code === code);
const notFound = (body: unknown) => hasError(body, "PersistedQueryNotFound", "PERSISTED_QUERY_NOT_FOUND");
const notSupported = (body: unknown) => hasError(body, "PersistedQueryNotSupported", "PERSISTED_QUERY_NOT_SUPPORTED");

type CacheHint = { maxAge: number; scope?: "PUBLIC" | "PRIVATE" };
/** Subgraphs answer few distinct Cache-Control values: each is parsed once. */
const cacheHints = new Map<string, CacheHint>();

function cacheHintOf(cacheControl: string): CacheHint {
  let hint = cacheHints.get(cacheControl);
  if (hint) return hint;
  hint = { maxAge: 0 };
  for (const directive of cacheControl.split(",")) {
    const [name, value] = directive.trim().toLowerCase().split("=");
    if (name === "max-age" && value && /^[0-9]+$/.test(value)) hint.maxAge = Number(value);
    else if (name === "private") hint.scope = "PRIVATE";
    else if (name === "public") hint.scope = "PUBLIC";
  }
  Object.freeze(hint);
  if (cacheHints.size >= 100) cacheHints.clear();
  cacheHints.set(cacheControl, hint);
  return hint;
}

/** Restricts the gateway response's cache policy by the subgraph's Cache-Control, as Apollo's source does. */
function restrictCachePolicy(options: GraphQLDataSourceProcessOptions<GatewayContext>, cacheControl: string | undefined) {
  if (!("incomingRequestContext" in options)) return;
  const policy = options.incomingRequestContext.overallCachePolicy as { restrict?(hint: CacheHint): void } | undefined;
  if (!policy?.restrict) return;
  policy.restrict(cacheHintOf(cacheControl ?? ""));
}

const MAX_OPERATIONS = 1_000;

export class SignedRemoteDataSource implements GraphQLDataSource<GatewayContext> {
  private readonly target: Target;
  private readonly operations = new Map<string, PreparedOperation>();
  /** Off for good once the subgraph says it does not support persisted queries. */
  private apq = true;

  constructor(
    readonly url: string,
    private readonly secret: string,
  ) {
    this.target = targetOf(new URL(url));
  }

  async process(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<GatewayGraphQLResponse> {
    const { request } = options;
    if (!request.query) throw new Error("Missing query");
    const { query } = request;
    const operation = this.prepare(query, request.operationName);
    const variablesJson = request.variables ? JSON.stringify(request.variables) : "null";
    const token = await callerToken((options.context as GatewayContext).caller, this.secret);

    const head = `{"variables":${variablesJson},"operationName":${operation.operationNameJson}`;
    let body: any;
    let answer: Answer | undefined;
    if (this.apq && operation.registered) {
      answer = await this.send(`${head},"extensions":${operation.extensionsJson}}`, token);
      body = parseBody(answer);
      if (notFound(body)) answer = undefined;
    }
    if (!answer && this.apq) {
      answer = await this.send(`${head},"query":${JSON.stringify(query)},"extensions":${operation.extensionsJson}}`, token);
      body = parseBody(answer);
      if (notSupported(body)) {
        this.apq = false;
        answer = undefined;
      } else operation.registered = true;
    }
    if (!answer) {
      answer = await this.send(`${head},"query":${JSON.stringify(query)}}`, token);
      body = parseBody(answer);
    }
    if (!body || typeof body !== "object") throw new Error(`Expected JSON response body, but received: ${body}`);
    restrictCachePolicy(options, answer.cacheControl);
    return body as GatewayGraphQLResponse;
  }

  private async send(body: string, token: string): Promise<Answer> {
    const answer = await post(this.target, body, token);
    if (answer.status < 200 || answer.status > 299) throw errorFromAnswer(this.url, answer);
    return answer;
  }

  /** Keyed by the text alone: the planner's operation strings carry their own names. */
  private prepare(query: string, operationName: string | undefined): PreparedOperation {
    let operation = this.operations.get(query);
    if (!operation) {
      const sha256Hash = createHash("sha256").update(query).digest("hex");
      operation = {
        operationNameJson: JSON.stringify(operationName ?? null),
        extensionsJson: JSON.stringify({ persistedQuery: { version: 1, sha256Hash } }),
        registered: false,
      };
      if (this.operations.size >= MAX_OPERATIONS) this.operations.delete(this.operations.keys().next().value!);
      this.operations.set(query, operation);
    }
    return operation;
  }
}
