/**
 * @module Reaches a subgraph over HTTP (distributed mode) with a keep-alive connection pool and the
 * caller identity signed once per gateway request.
 */
import { RemoteGraphQLDataSource } from "@apollo/gateway";
import type { GraphQLDataSourceProcessOptions } from "@apollo/gateway";
import { Agent, request as httpRequest } from "node:http";
import { CALLER_HEADER, signCaller } from "../subgraphs/shared/caller-token.js";
import type { GatewayContext } from "./local-data-source.js";

const agent = new Agent({ keepAlive: true, maxSockets: 64 });

/** A minimal fetch over node:http with keep-alive: several times faster than the default fetcher here. */
async function keepAliveFetch(url: string, init: { method?: string; headers?: Record<string, string>; body?: string }) {
  return new Promise<{ status: number; headers: Headers; text(): Promise<string>; json(): Promise<unknown>; ok: boolean }>((resolve, reject) => {
    const req = httpRequest(url, { method: init.method ?? "POST", headers: init.headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("error", reject);
      res.on("end", () => {
        const body = Buffer.concat(chunks).toString("utf8");
        const headers = new Headers();
        for (const [name, value] of Object.entries(res.headers)) if (typeof value === "string") headers.set(name, value);
        const status = res.statusCode ?? 0;
        resolve({ status, ok: status >= 200 && status < 300, headers, text: async () => body, json: async () => JSON.parse(body) });
      });
    });
    req.on("error", reject);
    req.end(init.body);
  });
}

const signedCallers = new WeakMap<object, Promise<string>>();

export class SignedRemoteDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(url: string, private readonly secret: string) {
    super({ url, fetcher: keepAliveFetch as never });
  }

  override async willSendRequest(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<void> {
    const context = options.context as GatewayContext;
    let token = signedCallers.get(context);
    if (!token) {
      token = signCaller(context.caller, this.secret);
      signedCallers.set(context, token);
    }
    options.request.http!.headers.set(CALLER_HEADER, await token);
  }
}
