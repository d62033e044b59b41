/**
 * @module The TPP status behind every TPP token check, kept per tppId instead of asked of the registry
 * on every request. An entry is dropped
 * - when the bus brings `tpp.status_changed` for that TPP (every gateway process sees it);
 * - when a mutation of the TPP registry (decideTpp, …) answers through this gateway, before its answer
 *   leaves: the caller's next request is checked against the new status at once;
 * - after a short TTL, should an event be lost.
 * Without events (distributed mode without NATS_URL, or once the bus is lost) every request asks, as before.
 */
import type { ApolloServerPlugin } from "@apollo/server";
import { subjectKey, type HubEvent } from "../../events/event.js";
import type { EventObserver } from "../subscriptions/event-fanout.js";
import type { GatewayContext } from "../local-data-source.js";
import { rootFields } from "./public-operations.js";

export type TppStatusLookup = (tppId: string) => Promise<string | null>;

export interface TppStatusEvents {
  observe(observer: EventObserver): () => void;
}

export const DEFAULT_TPP_STATUS_TTL_SECONDS = 30;
const MAX_ENTRIES = 10_000;

export class TppStatusCache {
  private readonly entries = new Map<string, { status: Promise<string | null>; until: number }>();
  private live: boolean;
  private readonly unobserve?: () => void;

  constructor(
    private readonly lookup: TppStatusLookup,
    private readonly ttlMs: number,
    events: TppStatusEvents | undefined,
  ) {
    this.live = !!events && ttlMs > 0;
    if (this.live) {
      this.unobserve = events!.observe({
        event: (event) => this.onEvent(event),
        lost: () => {
          this.live = false;
          this.entries.clear();
        },
      });
    }
  }

  /** The TPP's status; concurrent requests of one TPP share one lookup. */
  status(tppId: string): Promise<string | null> {
    if (!this.live) return this.lookup(tppId);
    const now = Date.now();
    const known = this.entries.get(tppId);
    if (known && known.until > now) return known.status;
    const entry = { status: this.lookup(tppId), until: now + this.ttlMs };
    if (!known && this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(tppId, entry);
    // A failed lookup is not remembered. An entry dropped while its lookup ran stays dropped (see invalidate).
    entry.status.catch(() => {
      if (this.entries.get(tppId) === entry) this.entries.delete(tppId);
    });
    return entry.status;
  }

  /** Forgets one TPP's status, or every one; a lookup in flight is forgotten too, so the next request asks again. */
  invalidate(tppId?: string): void {
    if (tppId === undefined) this.entries.clear();
    else this.entries.delete(tppId);
  }

  close(): void {
    this.unobserve?.();
  }

  private onEvent(event: HubEvent): void {
    if (event.type !== "tpp.status_changed") return;
    const tppId = event.tppId ?? (event.subject.startsWith("Tpp:") ? subjectKey(event.subject).id : undefined);
    this.invalidate(tppId);
  }
}

/**
 * Drops every cached TPP status when a mutation with a root field of the TPP registry (`fields`)
 * answers through this gateway (`invalidate` is read late: the cache is made after Apollo Server starts).
 */
export function invalidateOnRegistryMutations(fields: ReadonlySet<string>, invalidate: () => void): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      let touchesRegistry = false;
      return {
        async didResolveOperation({ operation, document }) {
          touchesRegistry = operation?.operation === "mutation" && rootFields(operation.selectionSet, document).some((field) => fields.has(field));
        },
        async willSendResponse() {
          if (touchesRegistry) invalidate();
        },
      };
    },
  };
}
