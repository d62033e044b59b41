/**
 * @module Delivers hub events to TPP webhook endpoints. A durable bus consumer queues one delivery
 * per matching endpoint (only events that name the endpoint's TPP); a worker sends due deliveries,
 * signed, records every attempt, retries with backoff and dead-letters after the last try. The
 * queue lives in the database, so retries survive restarts and several hubs share the work.
 */
import type { Logger } from "pino";
import type { BusSubscription, EventBus } from "../bus.js";
import type { HubEvent } from "../event.js";
import type { WebhookAudience } from "./audience.js";
import { retryDelay } from "./backoff.js";
import type { WebhookConfig } from "./config.js";
import type { DeliveryStore, DueDelivery, NextStep } from "./delivery-store.js";
import { sendWebhook, type SendResult } from "./sender.js";
import type { WebhookSigner } from "./signer.js";

export const WEBHOOK_CONSUMER = "webhooks";
const USER_AGENT = "open-banking-hub-webhooks/1";
const PRUNE_EVERY_MS = 3_600_000;

/** The JSON body a TPP receives: the event as the outbox recorded it. */
export function webhookBody(event: HubEvent): string {
  const { id, type, subject, occurredAt, bankId, tppId, psuId, payload } = event;
  return JSON.stringify({ id, type, subject, occurredAt, bankId, tppId, psuId, data: payload });
}

export interface DispatcherDeps {
  store: DeliveryStore;
  signer: WebhookSigner;
  config: WebhookConfig;
  /** The TPPs an event that names none concerns (the ledger's events); absent: such events are not sent. */
  audience?: WebhookAudience;
  logger?: Logger;
}

export class WebhookDispatcher {
  private subscription?: BusSubscription;
  private running = false;
  private loop?: Promise<void>;
  private wakeUp?: () => void;
  /** Set when work arrived while the worker was busy, so it does not go to sleep on it. */
  private woken = false;
  private prunedAt = 0;

  constructor(private readonly deps: DispatcherDeps) {}

  /** Consumes the bus and starts the delivery worker. */
  async start(bus: EventBus): Promise<void> {
    this.running = true;
    this.loop = this.work();
    this.subscription = await bus.subscribe({ durable: WEBHOOK_CONSUMER }, (event) => this.accept(event));
  }

  async stop(): Promise<void> {
    await this.subscription?.stop();
    this.running = false;
    this.wake();
    await this.loop;
  }

  /**
   * Queues an event for its TPP's endpoints, or, for an event that names no TPP, for those of each TPP
   * its audience names; a failure rejects, so the bus delivers it again.
   */
  async accept(event: HubEvent): Promise<void> {
    const tppIds = event.tppId ? [event.tppId] : await this.audienceOf(event);
    let queued = 0;
    for (const tppId of tppIds) queued += await this.deps.store.enqueue(event, webhookBody(event), tppId);
    if (queued > 0) this.wake();
  }

  /** Asks the audience only when some TPP has an endpoint for the type, and keeps only those TPPs. */
  private async audienceOf(event: HubEvent): Promise<string[]> {
    const { audience, store } = this.deps;
    if (!audience) return [];
    const subscribers = new Set(await store.subscribers(event.type));
    if (subscribers.size === 0) return [];
    return (await audience(event)).filter((tppId) => subscribers.has(tppId));
  }

  private async work(): Promise<void> {
    const { config, store, logger } = this.deps;
    const leaseMs = config.timeoutMs + 30_000;
    while (this.running) {
      this.woken = false;
      await this.pruneNowAndThen();
      let due: DueDelivery[] = [];
      try {
        due = await store.claimDue(config.concurrency, leaseMs);
      } catch (error) {
        if (this.running) logger?.error({ err: error }, "webhook worker could not read due deliveries");
      }
      if (due.length > 0) {
        await Promise.all(due.map((delivery) => this.deliver(delivery)));
        continue;
      }
      if (this.woken || !this.running) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, config.pollIntervalMs);
        this.wakeUp = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  }

  /** Looks for due deliveries now instead of at the next poll. */
  wake(): void {
    this.woken = true;
    this.wakeUp?.();
  }

  /** Keeps the delivery log to its retention; several hubs pruning at once is harmless. */
  private async pruneNowAndThen(): Promise<void> {
    if (Date.now() - this.prunedAt < PRUNE_EVERY_MS) return;
    this.prunedAt = Date.now();
    await this.deps.store.prune(this.deps.config.logRetentionMs).catch((error: unknown) => {
      this.deps.logger?.warn({ err: error }, "webhook delivery log could not be pruned");
    });
  }

  private async deliver(delivery: DueDelivery): Promise<void> {
    const { config, signer, store, logger } = this.deps;
    try {
      const timestamp = Math.floor(Date.now() / 1000);
      const signature = await signer.sign({ id: delivery.id, timestamp, url: delivery.url, body: delivery.body });
      const headers = {
        "content-type": "application/json",
        "user-agent": USER_AGENT,
        "webhook-id": delivery.id,
        "webhook-timestamp": String(timestamp),
        "webhook-signature": signature,
        "webhook-event-type": delivery.eventType,
      };
      const result = await sendWebhook(delivery.url, headers, delivery.body, { policy: config, timeoutMs: config.timeoutMs });
      await store.recordAttempt(delivery, { ...result, error: result.error?.slice(0, 500) ?? null }, this.nextStep(delivery, result));
    } catch (error) {
      // The lease runs out and another pass tries again.
      logger?.error({ err: error, deliveryId: delivery.id }, "webhook delivery could not be sent or recorded");
    }
  }

  private nextStep(delivery: DueDelivery, result: SendResult): NextStep {
    if (result.succeeded) return { status: "succeeded" };
    const delayMs = retryDelay(delivery.roundAttempts + 1, this.deps.config);
    return delayMs === undefined ? { status: "dead" } : { status: "pending", delayMs };
  }
}
