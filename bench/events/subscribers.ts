/** @module The benchmark's WebSocket subscribers: real graphql-ws clients, each recording commit-to-delivery latency. */
import { createClient, type Client } from "graphql-ws";
import WebSocket from "ws";

export interface Subscribers {
  clients: Client[];
  /** Milliseconds from the event's commit (occurredAt) to its arrival, one per delivery. */
  latencies: number[];
  duplicates: number;
  ended: string[];
  close(): Promise<void>;
}

const QUERY = `subscription { events(types: ["consent.status_changed"]) { id occurredAt } }`;

export async function openSubscribers(hubUrl: string, tokens: string[], count: number, batch = 100): Promise<Subscribers> {
  const state: Subscribers = { clients: [], latencies: [], duplicates: 0, ended: [], close: async () => {} };
  const url = `${hubUrl.replace(/^http/, "ws")}/graphql`;
  for (let i = 0; i < count; i += batch) {
    await Promise.all(
      Array.from({ length: Math.min(batch, count - i) }, (_, j) => {
        const client = createClient({ url, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${tokens[(i + j) % tokens.length]}` }, lazy: false, retryAttempts: 0 });
        state.clients.push(client);
        const seen = new Set<string>();
        return new Promise<void>((resolve) => {
          const off = client.on("connected", () => (off(), resolve()));
          client.subscribe<{ events: { id: string; occurredAt: string } }>(
            { query: QUERY },
            {
              next: ({ data }) => {
                if (!data) return;
                if (seen.has(data.events.id)) state.duplicates++;
                seen.add(data.events.id);
                state.latencies.push(Date.now() - Date.parse(data.events.occurredAt));
              },
              error: (error) => void state.ended.push(JSON.stringify(error).slice(0, 200)),
              complete: () => {},
            },
          );
        });
      }),
    );
  }
  state.close = async () => {
    await Promise.all(state.clients.map((c) => c.dispose()));
  };
  return state;
}
