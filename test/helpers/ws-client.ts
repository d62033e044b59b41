/** A real graphql-ws client (graphql-ws createClient over `ws`) that records what a subscription receives. */
import { createClient, type Client } from "graphql-ws";
import WebSocket from "ws";

export interface Received {
  data: any;
  eventId?: string;
  errors?: readonly { message: string; extensions?: Record<string, unknown> }[];
}

export interface RecordedSubscription {
  results: Received[];
  /** Errors of the `error` message that ended the subscription (with extensions.code), if any. */
  endedWith?: { message: string; extensions?: Record<string, unknown> }[];
  completed: boolean;
  unsubscribe(): void;
}

export interface WsSession {
  client: Client;
  /** Close code and reason when the server refused or closed the connection. */
  closed: Promise<{ code: number; reason: string }>;
  subscribe(query: string, variables?: Record<string, unknown>): RecordedSubscription;
  dispose(): Promise<void>;
}

export function connectWs(hubUrl: string, connectionParams: Record<string, string> = {}): WsSession {
  let onClosed!: (value: { code: number; reason: string }) => void;
  const closed = new Promise<{ code: number; reason: string }>((resolve) => (onClosed = resolve));
  const client = createClient({
    url: `${hubUrl.replace(/^http/, "ws")}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams,
    retryAttempts: 0,
    lazy: false,
    on: { closed: (event) => onClosed({ code: (event as { code: number }).code, reason: String((event as { reason: unknown }).reason) }) },
    onNonLazyError: () => {},
  });
  return {
    client,
    closed,
    subscribe(query, variables) {
      const recorded: RecordedSubscription = { results: [], completed: false, unsubscribe: () => {} };
      recorded.unsubscribe = client.subscribe(
        { query, variables },
        {
          next: (result) => void recorded.results.push({ data: result.data, eventId: (result.extensions as any)?.event?.id ?? (result.data as any)?.events?.id, errors: result.errors as never }),
          error: (error) => {
            recorded.endedWith = Array.isArray(error) ? error : [{ message: String((error as Error)?.message ?? error) }];
          },
          complete: () => void (recorded.completed = true),
        },
      );
      return recorded;
    },
    dispose: () => client.dispose() as Promise<void>,
  };
}
