/** Building and collecting bus events in tests. */
import { newId } from "../../subgraphs/shared/ids.js";
import type { HubEvent } from "../../events/index.js";

export function testEvent(type: string, subject: string, payload: Record<string, unknown> = {}): HubEvent {
  return { id: newId(), type, subject, bankId: null, tppId: null, psuId: null, payload, occurredAt: new Date().toISOString() };
}

/** Resolves when `predicate` holds, polling the collected state; rejects after `ms` with what was seen. */
export async function eventually<T>(read: () => T, predicate: (value: T) => boolean, ms = 15_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = read();
    if (predicate(value)) return value;
    if (Date.now() > until) throw new Error(`Condition not met in ${ms} ms; last value: ${JSON.stringify(value).slice(0, 2000)}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
