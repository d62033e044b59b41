/**
 * @module Serves a subgraph schema over HTTP as lean as Node allows: node:http, each distinct
 * operation parsed and validated once, graphql-js execute, JSON.stringify. The fan-out subgraphs stand
 * in for the Rust subgraphs of the public benchmark, so they should cost as little as possible.
 */
import { execute, parse, validate, type DocumentNode, type GraphQLError, type GraphQLSchema } from "graphql";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { ReplayCache } from "../lib/replay.js";

export interface LeanServer {
  url: string;
  server: Server;
  /** GraphQL requests answered so far. */
  requests(): number;
  close(): Promise<void>;
}

const MAX_DOCUMENTS = 1_000;

export async function serveLean(schema: GraphQLSchema, replay?: ReplayCache, host = "127.0.0.1"): Promise<LeanServer> {
  const documents = new Map<string, DocumentNode | readonly GraphQLError[]>();
  const persisted = new Map<string, string>();
  let requests = 0;

  const documentFor = (query: string) => {
    let entry = documents.get(query);
    if (!entry) {
      try {
        const document = parse(query);
        const errors = validate(schema, document);
        entry = errors.length ? errors : document;
      } catch (error) {
        entry = [error as GraphQLError];
      }
      if (documents.size >= MAX_DOCUMENTS) documents.delete(documents.keys().next().value!);
      documents.set(query, entry);
    }
    return entry;
  };

  const send = (res: ServerResponse, status: number, body: unknown) => {
    const json = JSON.stringify(body);
    res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(json) });
    res.end(json);
  };

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    if (req.method === "GET") return send(res, req.url === "/readyz" || req.url === "/healthz" ? 200 : 404, { status: "ok" });
    if (req.method !== "POST") return send(res, 405, { errors: [{ message: "POST only" }] });
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", async () => {
      requests++;
      const raw = Buffer.concat(chunks).toString("utf8");
      const key = replay?.keyOf(raw);
      if (replay?.tryReplay(key, res)) return;
      let body: { query?: string; variables?: Record<string, unknown>; operationName?: string };
      try {
        body = JSON.parse(raw);
      } catch {
        return send(res, 400, { errors: [{ message: "malformed JSON" }] });
      }
      // Automatic persisted queries, as Apollo Server answers them.
      const hash = (body as { extensions?: any }).extensions?.persistedQuery?.sha256Hash;
      if (typeof hash === "string") {
        if (typeof body.query === "string") persisted.set(hash, body.query);
        else if (persisted.has(hash)) body.query = persisted.get(hash);
        else return send(res, 200, { errors: [{ message: "PersistedQueryNotFound", extensions: { code: "PERSISTED_QUERY_NOT_FOUND" } }] });
      }
      const document = documentFor(body.query ?? "");
      if (Array.isArray(document)) return send(res, 400, { errors: document.map((e) => ({ message: e.message })) });
      const result = await execute({ schema, document: document as DocumentNode, variableValues: body.variables, operationName: body.operationName });
      const json = JSON.stringify(result);
      replay?.record(key, 200, Buffer.from(json));
      res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(json) });
      res.end(json);
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, host, resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${port}/graphql`,
    server,
    requests: () => requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
