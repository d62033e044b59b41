/**
 * @module POST /graphql with a JSON body, straight from node:http to Apollo Server: the same steps as
 * `express.json()` + `expressMiddleware` (body limit → 413, malformed JSON → 400, both as GraphQL
 * errors; Apollo's own status, headers and body), without express's router, body-parser's content
 * negotiation and `res.send`'s ETag hashing of every answer (a POST answer is never revalidated).
 * Everything else (GET, other media types, compressed bodies, other paths) stays with express.
 */
import { HeaderMap, type ApolloServer } from "@apollo/server";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { GatewayContext } from "./local-data-source.js";

export interface GraphQLEndpointOptions {
  maxBodyBytes: number;
  context(req: IncomingMessage): Promise<GatewayContext>;
}

function sendError(res: ServerResponse, status: number, code: string, message: string) {
  const body = JSON.stringify({ errors: [{ message, extensions: { code } }] });
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(body) });
  res.end(body);
}

const tooLarge = (res: ServerResponse) => sendError(res, 413, "PAYLOAD_TOO_LARGE", "The request body is larger than this hub accepts.");

/** Whether express.json() would parse this request's body itself (plain, UTF-8 JSON). */
function takes(req: IncomingMessage): boolean {
  if (req.method !== "POST") return false;
  const url = req.url ?? "";
  if (url !== "/graphql" && !url.startsWith("/graphql?")) return false;
  const type = req.headers["content-type"];
  if (!type) return false;
  const [mediaType, ...params] = type.toLowerCase().split(";");
  if (mediaType!.trim() !== "application/json") return false;
  for (const param of params) {
    const [name, value] = param.trim().split("=");
    if (name === "charset" && value?.replace(/"/g, "") !== "utf-8") return false;
  }
  const encoding = req.headers["content-encoding"];
  return !encoding || encoding.toLowerCase() === "identity";
}

/** Returns a handler that answers the requests it takes and returns false for the others. */
export function graphqlEndpoint(apollo: ApolloServer<GatewayContext>, options: GraphQLEndpointOptions) {
  const { maxBodyBytes } = options;

  async function answer(req: IncomingMessage, res: ServerResponse, text: string) {
    let body: unknown = {};
    const first = /\S/.exec(text)?.[0];
    if (first !== undefined) {
      if (first !== "{" && first !== "[") return sendError(res, 400, "BAD_REQUEST", `Malformed request: Unexpected token '${first}', is not valid JSON`);
      try {
        body = JSON.parse(text);
      } catch (error) {
        return sendError(res, 400, "BAD_REQUEST", `Malformed request: ${(error as Error).message}`);
      }
    }
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(", ") : value);
    }
    const url = req.url!;
    const query = url.indexOf("?");
    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: "POST", headers, search: query < 0 ? "" : url.slice(query), body },
      context: () => options.context(req),
    });
    // As one flat list: node:http writes it as given instead of keeping each header in its own record first.
    const head: string[] = [];
    for (const [key, value] of response.headers) head.push(key, value);
    if (response.body.kind === "complete") {
      head.push("content-length", String(Buffer.byteLength(response.body.string)));
      res.writeHead(response.status || 200, head);
      res.end(response.body.string);
      return;
    }
    res.writeHead(response.status || 200, head);
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  }

  return (req: IncomingMessage, res: ServerResponse): boolean => {
    if (!takes(req)) return false;
    const declared = req.headers["content-length"];
    if (declared !== undefined && Number(declared) > maxBodyBytes) {
      tooLarge(res);
      req.resume();
      return true;
    }
    const chunks: Buffer[] = [];
    let length = 0;
    let refused = false;
    req.on("data", (chunk: Buffer) => {
      if (refused) return;
      length += chunk.length;
      if (length > maxBodyBytes) {
        refused = true;
        tooLarge(res);
        return;
      }
      chunks.push(chunk);
    });
    req.on("error", () => {
      refused = true;
      if (!res.headersSent) sendError(res, 400, "BAD_REQUEST", "Malformed request: the request body was not received whole.");
    });
    req.on("end", () => {
      if (refused) return;
      const text = chunks.length === 1 ? chunks[0]!.toString("utf8") : Buffer.concat(chunks).toString("utf8");
      answer(req, res, text).catch(() => {
        if (!res.headersSent) sendError(res, 500, "INTERNAL_SERVER_ERROR", "Internal error.");
        else res.destroy();
      });
    });
    return true;
  };
}
