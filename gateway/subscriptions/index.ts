/**
 * @module GraphQL subscriptions over graphql-ws on the gateway's own port, at /graphql. The connection
 * authenticates once with the same token (and Consent-ID) as HTTP, in the `connection_init` payload;
 * each subscription is then served from the event fan-out: subgraph fields by their owning subgraph
 * and the gateway (federated-subscription.ts), `events` by the gateway (events-field.ts).
 */
import type { ApolloServer } from "@apollo/server";
import { GraphQLError, print, type ExecutionArgs, type ExecutionResult, type GraphQLSchema } from "graphql";
import type { ServerOptions } from "graphql-ws";
import { useServer, type Extra as SocketExtra } from "graphql-ws/use/ws";
import type { IncomingMessage, Server } from "node:http";
import type { Duplex } from "node:stream";
import type { Logger } from "pino";
import { WebSocketServer } from "ws";
import type { Caller } from "../../subgraphs/shared/context.js";
import type { GatewayContext } from "../local-data-source.js";
import { SubscriptionEnded } from "./end-reasons.js";
import { EventDelivery } from "./event-delivery.js";
import type { EventFanout } from "./event-fanout.js";
import { withEventsField } from "./events-field.js";
import { subscribeFederated } from "./federated-subscription.js";
import type { SubscriptionOwner } from "./subscription-owner.js";
import { SharedResults } from "./shared-results.js";
import { rootField, subscriptionOperation } from "./subscription-plan.js";

export { SubscriptionEnded } from "./end-reasons.js";
export { EventFanout } from "./event-fanout.js";
export { localOwner, type SubscriptionOwner } from "./subscription-owner.js";

export interface SubscriptionServerOptions {
  server: Server;
  apollo: ApolloServer<GatewayContext>;
  fanout: EventFanout;
  /** The caller of a connection, from its connection_init payload (throws HubError when refused). */
  authenticate(params: Record<string, unknown>): Promise<Caller>;
  ownerOf(field: string): SubscriptionOwner | undefined;
  logger: Logger;
}

export interface SubscriptionServer {
  /** Called with the gateway's API schema whenever it loads. */
  useApiSchema(apiSchema: GraphQLSchema): void;
  readonly connections: number;
  close(): Promise<void>;
}

interface Extra extends SocketExtra {
  caller?: Caller;
}

/** graphql-ws sends an error thrown by the iterator as the operation's `error` message, extensions included. */
function failing(errors: readonly unknown[]): AsyncIterableIterator<ExecutionResult> {
  const iterator: AsyncIterableIterator<ExecutionResult> = {
    next: () => Promise.reject(errors[0] instanceof GraphQLError ? errors[0] : new GraphQLError(String((errors[0] as Error)?.message ?? errors[0]))),
    return: () => Promise.resolve({ value: undefined, done: true }),
    [Symbol.asyncIterator]: () => iterator,
  };
  return iterator;
}

/** A connection lives no longer than the token it was opened with: a query with that token would be refused too. */
function closeAtExpiry(socket: { close(code: number, reason: string): void; once(event: "close", listener: () => void): unknown }, params: Record<string, unknown>): void {
  const token = String(params.authorization ?? params.Authorization ?? "").replace(/^Bearer\s+/i, "");
  let exp: unknown;
  try {
    exp = JSON.parse(Buffer.from(token.split(".")[1] ?? "", "base64url").toString("utf8")).exp;
  } catch {
    return;
  }
  if (typeof exp !== "number") return;
  const timer = setTimeout(() => socket.close(4401, "TOKEN_EXPIRED: the access token expired; reconnect with a new one and `after`."), Math.min(2 ** 31 - 1, Math.max(0, exp * 1000 - Date.now())));
  timer.unref();
  socket.once("close", () => clearTimeout(timer));
}

export function serveSubscriptions(options: SubscriptionServerOptions): SubscriptionServer {
  const { apollo, fanout, logger } = options;
  const delivery = new EventDelivery(apollo);
  const shared = new SharedResults();
  let apiSchema: GraphQLSchema | undefined;
  let schema: GraphQLSchema | undefined;
  const wss = new WebSocketServer({ noServer: true, maxPayload: 100_000 });
  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    if (new URL(req.url ?? "/", "http://hub").pathname !== "/graphql") return;
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit("connection", ws, req));
  };
  options.server.on("upgrade", onUpgrade);

  const serverOptions: ServerOptions<Record<string, unknown> | undefined, Extra> = {
    schema: () => {
      if (!schema) throw new GraphQLError("The supergraph is not loaded yet.", { extensions: { code: "SUBSCRIPTIONS_UNAVAILABLE" } });
      return schema;
    },
    onConnect: async (ctx) => {
      try {
        const caller = await options.authenticate(ctx.connectionParams ?? {});
        if (caller.kind === "anonymous") throw new SubscriptionEnded("UNAUTHENTICATED", "Subscriptions need an access token: send { authorization: 'Bearer <token>' } in connection_init.");
        ctx.extra.caller = caller;
        closeAtExpiry(ctx.extra.socket, ctx.connectionParams ?? {});
        return true;
      } catch (error) {
        const code = (error as { code?: string; extensions?: { code?: string } }).extensions?.code ?? (error as { code?: string }).code ?? "UNAUTHENTICATED";
        // graphql-ws closes with 4403 on false; a close of our own carries the reason instead.
        ctx.extra.socket.close(4403, `${code}: ${(error as Error).message}`.slice(0, 120));
        return false;
      }
    },
    context: (ctx) => ({ caller: ctx.extra.caller! }),
    subscribe: async (args: ExecutionArgs) => {
      try {
        const operation = subscriptionOperation(args.document, args.operationName);
        const caller = (args.contextValue as { caller: Caller }).caller;
        if (!operation) throw new GraphQLError("Expected a subscription operation.");
        if (rootField(operation).name.value === "events") {
          const result = await shared.subscribe(args);
          return Symbol.asyncIterator in result ? result : failing(result.errors ?? []);
        }
        const result = await subscribeFederated(
          { apiSchema: apiSchema!, fanout, delivery, ownerOf: options.ownerOf },
          { document: args.document, operation, variables: (args.variableValues ?? {}) as Record<string, unknown>, caller },
        );
        return Symbol.asyncIterator in result ? result : failing(result.errors ?? []);
      } catch (error) {
        return failing([error instanceof GraphQLError ? error : new GraphQLError((error as Error).message, { originalError: error as Error })]);
      }
    },
    execute: async (args: ExecutionArgs) => {
      const caller = (args.contextValue as { caller: Caller }).caller;
      const response = await apollo.executeOperation(
        { query: print(args.document), variables: (args.variableValues ?? undefined) as Record<string, unknown> | undefined, operationName: args.operationName ?? undefined },
        { contextValue: { caller } },
      );
      return (response.body.kind === "single" ? response.body.singleResult : { errors: [new GraphQLError("Incremental delivery is not served over graphql-ws.")] }) as ExecutionResult;
    },
    onError: (_ctx, _id, _payload, errors) => {
      for (const error of errors) if (!(error.originalError instanceof SubscriptionEnded) && !error.extensions?.code) logger.warn({ err: error }, "subscription error");
    },
  };
  const disposable = useServer(serverOptions, wss);

  return {
    useApiSchema(next) {
      apiSchema = next;
      schema = withEventsField(next, fanout, delivery);
    },
    get connections() {
      return wss.clients.size;
    },
    async close() {
      options.server.off("upgrade", onUpgrade);
      await disposable.dispose();
    },
  };
}
