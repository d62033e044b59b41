import { HeaderMap, type ApolloServer } from "@apollo/server";
import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { graphqlEndpoint } from "./graphql-endpoint.js";
import type { GatewayContext } from "./local-data-source.js";

const seen: { body: unknown; search: string; auth?: string; caller?: unknown }[] = [];
const apollo = {
  async executeHTTPGraphQLRequest({ httpGraphQLRequest, context }: { httpGraphQLRequest: { body: unknown; search: string; headers: HeaderMap }; context: () => Promise<unknown> }) {
    seen.push({ body: httpGraphQLRequest.body, search: httpGraphQLRequest.search, auth: httpGraphQLRequest.headers.get("authorization"), caller: await context() });
    return { status: 200, headers: new HeaderMap([["content-type", "application/graphql-response+json; charset=utf-8"]]), body: { kind: "complete", string: '{"data":{"ok":true}}' } };
  },
} as unknown as ApolloServer<GatewayContext>;

let server: Server;
let port: number;
beforeAll(async () => {
  const endpoint = graphqlEndpoint(apollo, { maxBodyBytes: 100, context: async () => ({ caller: { kind: "anonymous", scopes: [] } as never }) });
  server = createServer((req, res) => {
    if (!endpoint(req, res)) res.writeHead(299).end("fallback");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function send(options: { method?: string; path?: string; headers?: Record<string, string>; chunks?: string[] }) {
  return new Promise<{ status: number; type?: string; body: string }>((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, method: options.method ?? "POST", path: options.path ?? "/graphql", headers: options.headers }, (res) => {
      let body = "";
      res.on("data", (c) => (body += c));
      res.on("end", () => resolve({ status: res.statusCode!, type: res.headers["content-type"], body }));
    });
    req.on("error", reject);
    for (const chunk of options.chunks ?? []) req.write(chunk);
    req.end();
  });
}

const json = { "content-type": "application/json" };

describe("POST /graphql without express", () => {
  it("hands the parsed body, query string and headers to Apollo Server and sends its answer", async () => {
    const res = await send({ path: "/graphql?x=1", headers: { ...json, authorization: "Bearer a.b.c" }, chunks: ['{"query":', '"{ ok }"}'] });
    expect(res).toEqual({ status: 200, type: "application/graphql-response+json; charset=utf-8", body: '{"data":{"ok":true}}' });
    expect(seen.at(-1)).toMatchObject({ body: { query: "{ ok }" }, search: "?x=1", auth: "Bearer a.b.c", caller: { caller: { kind: "anonymous" } } });
  });

  it("gives an empty body as {} (as express.json does)", async () => {
    await send({ headers: { ...json, "content-length": "0" } });
    expect(seen.at(-1)!.body).toEqual({});
  });

  it("answers a body over the limit with 413 PAYLOAD_TOO_LARGE, declared or streamed", async () => {
    for (const chunks of [[`{"query":"${"x".repeat(200)}"}`], ["{", "x".repeat(60), "x".repeat(60)]]) {
      const headers = chunks.length === 1 ? json : { ...json, "transfer-encoding": "chunked" };
      const res = await send({ headers, chunks });
      expect(res.status).toBe(413);
      expect(JSON.parse(res.body).errors[0].extensions.code).toBe("PAYLOAD_TOO_LARGE");
    }
  });

  it("answers malformed JSON with 400 BAD_REQUEST", async () => {
    for (const body of ["{ nope", '"a string"', "42"]) {
      const res = await send({ headers: json, chunks: [body] });
      expect(res.status).toBe(400);
      expect(JSON.parse(res.body).errors[0]).toMatchObject({ extensions: { code: "BAD_REQUEST" } });
    }
  });

  it("leaves other methods, paths, media types, charsets and encodings to express", async () => {
    const cases: { method?: string; path?: string; headers?: Record<string, string> }[] = [
      { method: "GET", path: "/graphql?query=%7Bok%7D" },
      { path: "/graphqlx", headers: json },
      { path: "/v1/accounts", headers: json },
      { headers: { "content-type": "text/plain" } },
      { headers: { "content-type": "application/json; charset=latin1" } },
      { headers: { ...json, "content-encoding": "gzip" } },
      { headers: {} },
    ];
    for (const c of cases) expect((await send({ ...c, chunks: c.method === "GET" ? [] : ["{}"] })).status).toBe(299);
    expect((await send({ headers: { "content-type": "Application/JSON; charset=UTF-8" }, chunks: ["{}"] })).status).toBe(200);
  });
});
