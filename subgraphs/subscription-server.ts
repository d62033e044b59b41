/**
 * @module Distributed mode: a subgraph server answers its own subscription fields over graphql-ws at
 * its /graphql, for the gateway only: the connection_init proves the gateway, and each subscribe
 * message carries its caller signed in `extensions` (the gateway shares one connection among all its
 * subscribers). Each result carries the event it came from in `extensions.event`; the gateway
 * resolves the rest.
 */
import { GraphQLError, subscribe, type ExecutionArgs, type ExecutionResult } from "graphql";
import type { ServerOptions } from "graphql-ws";
import { useServer, type Extra } from "graphql-ws/use/ws";
import type { Server } from "node:http";
import type { Duplex } from "node:stream";
import type { IncomingMessage } from "node:http";
import { WebSocketServer } from "ws";
import type { EventFanout } from "../gateway/subscriptions/event-fanout.js";
import { stamped } from "../gateway/subscriptions/subscription-owner.js";
import { CALLER_HEADER, verifyCaller } from "./shared/caller-token.js";
import type { Caller } from "./shared/context.js";
import type { RunningSubgraph, Subgraph } from "./shared/subgraph.js";

interface SubgraphExtra extends Extra {
  /** The caller of each subscription on this connection, by operation id. */
  callers?: Map<string, Caller>;
}

export function serveSubgraphSubscriptions(options: { server: Server; subgraph: Subgraph; running: RunningSubgraph; fanout: EventFanout; secret: string }): { close(): Promise<void> } {
  const { subgraph, running, fanout, secret } = options;
  const wss = new WebSocketServer({ noServer: true, maxPayload: 100_000 });
  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    if (new URL(req.url ?? "/", "http://subgraph").pathname !== "/graphql") return;
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit("connection", ws, req));
  };
  options.server.on("upgrade", onUpgrade);
  const serverOptions: ServerOptions<Record<string, unknown> | undefined, SubgraphExtra> = {
    schema: subgraph.schema,
    onConnect: async (ctx) => {
      try {
        await verifyCaller(ctx.connectionParams?.[CALLER_HEADER] as string | undefined, secret);
        ctx.extra.callers = new Map();
        return true;
      } catch (error) {
        ctx.extra.socket.close(4403, `UNAUTHENTICATED: ${(error as Error).message}`.slice(0, 120));
        return false;
      }
    },
    onSubscribe: async (ctx, id, payload) => {
      try {
        ctx.extra.callers!.set(id, await verifyCaller(payload.extensions?.[CALLER_HEADER] as string | undefined, secret));
      } catch (error) {
        return [new GraphQLError((error as Error).message, { extensions: { code: "UNAUTHENTICATED" } })];
      }
    },
    onComplete: (ctx, id) => {
      ctx.extra.callers!.delete(id);
    },
    context: (ctx, id) => ({ ...running.createContext(ctx.extra.callers!.get(id)!), events: fanout.source() }),
    subscribe: async (args: ExecutionArgs) => {
      const source = (args.contextValue as { events: ReturnType<EventFanout["source"]> }).events;
      const results = await subscribe(args);
      if (!(Symbol.asyncIterator in results)) return results;
      const keyed = stamped(results, () => source.streams[0]?.current, async () => {
        for (const stream of source.streams) await stream.return();
      });
      const iterator: AsyncIterableIterator<ExecutionResult> = {
        async next() {
          const step = await keyed.next();
          return step.done ? { value: undefined, done: true } : { value: { ...step.value.result, extensions: { event: step.value.event } }, done: false };
        },
        return: async () => {
          await keyed.return?.();
          return { value: undefined, done: true };
        },
        [Symbol.asyncIterator]: () => iterator,
      };
      return iterator;
    },
    execute: () => ({ errors: [new GraphQLError("Queries reach a subgraph over HTTP; its WebSocket serves subscriptions only.")] }),
  };
  const disposable = useServer(serverOptions, wss);
  return {
    async close() {
      options.server.off("upgrade", onUpgrade);
      await disposable.dispose();
    },
  };
}
