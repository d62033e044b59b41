/** @module A TPP's webhook endpoints and delivery log: registration rules, ownership, redelivery. */
import type { EntityManager } from "@mikro-orm/core";
import { refusedUrl, type TargetPolicy } from "../../../events/webhooks/target-policy.js";
import { isOperator, requireAuthenticated } from "../../shared/authz.js";
import { decodeCursor, pageOf, pageSize } from "../../shared/connection.js";
import type { Caller } from "../../shared/context.js";
import { commonErrors } from "../../shared/errors.js";
import { assertUuid, newId } from "../../shared/ids.js";
import { sql } from "../../shared/orm.js";
import { Tpp } from "../entities/index.js";
import { tppErrors } from "../errors.js";
import { webhookErrors } from "./errors.js";
import { createWebhookLoaders, type WebhookLoaders } from "./loaders.js";
import { WebhookDelivery, WebhookDeliveryStatus } from "./webhook-delivery.entity.js";
import { WebhookEndpoint } from "./webhook-endpoint.entity.js";
import type { WebhookEventType } from "./webhook-event-type.js";
import type { CreateWebhookEndpointInput, UpdateWebhookEndpointInput, WebhookDeliveriesArgs, WebhookEndpointsArgs } from "./webhook.inputs.js";

export const MAX_ENDPOINTS_PER_TPP = 10;
const MAX_DESCRIPTION = 200;

export class WebhookService {
  readonly loaders: WebhookLoaders;

  constructor(
    private readonly em: EntityManager,
    private readonly policy: TargetPolicy,
  ) {
    this.loaders = createWebhookLoaders(em);
  }

  /** Operators see every endpoint; a TPP only its own. Others' endpoints are "not found", never "forbidden". */
  canSee(caller: Caller, tppId: string): boolean {
    return isOperator(caller) || (caller.kind === "tpp" && caller.tppId === tppId);
  }

  async create(input: CreateWebhookEndpointInput, caller: Caller): Promise<WebhookEndpoint> {
    requireAuthenticated(caller);
    const owner = input.tppId ?? caller.tppId;
    if (!owner) throw commonErrors.badInput("Name the TPP (tppId) whose webhook endpoint this is.");
    const tppId = assertUuid(owner, "tppId");
    if (!this.canSee(caller, tppId)) throw commonErrors.forbidden("Only the TPP itself or an operator can register its webhook endpoints.");
    if (!(await this.em.findOne(Tpp, { id: tppId }))) throw tppErrors.notFound(tppId);
    if ((await this.em.count(WebhookEndpoint, { tppId })) >= MAX_ENDPOINTS_PER_TPP) throw webhookErrors.tooManyEndpoints(MAX_ENDPOINTS_PER_TPP);
    const now = new Date();
    const endpoint = Object.assign(new WebhookEndpoint(), {
      id: newId(),
      tppId,
      url: this.checkedUrl(input.url),
      eventTypes: checkedEventTypes(input.eventTypes),
      enabled: input.enabled,
      description: checkedDescription(input.description),
      createdAt: now,
      updatedAt: now,
    });
    await this.em.persist(endpoint).flush();
    return endpoint;
  }

  async update(input: UpdateWebhookEndpointInput, caller: Caller): Promise<WebhookEndpoint> {
    const endpoint = await this.ownEndpoint(input.id, caller);
    if (input.url != null) endpoint.url = this.checkedUrl(input.url);
    if (input.eventTypes != null) endpoint.eventTypes = checkedEventTypes(input.eventTypes);
    if (input.enabled != null) endpoint.enabled = input.enabled;
    if (input.description !== undefined) endpoint.description = checkedDescription(input.description);
    endpoint.updatedAt = new Date();
    await this.em.flush();
    return endpoint;
  }

  /** Deletes the endpoint with its delivery log. */
  async delete(id: string, caller: Caller): Promise<string> {
    const endpoint = await this.ownEndpoint(id, caller);
    await this.em.remove(endpoint).flush();
    return endpoint.id;
  }

  async endpoint(id: string, caller: Caller): Promise<WebhookEndpoint | null> {
    requireAuthenticated(caller);
    const endpoint = await this.em.findOne(WebhookEndpoint, { id: assertUuid(id, "id") });
    return endpoint && this.canSee(caller, endpoint.tppId) ? endpoint : null;
  }

  async endpoints(args: WebhookEndpointsArgs, caller: Caller) {
    requireAuthenticated(caller);
    const tppId = isOperator(caller) ? (args.tppId ? assertUuid(args.tppId, "tppId") : undefined) : caller.tppId;
    if (!isOperator(caller) && (!tppId || (args.tppId && args.tppId !== tppId))) return pageOf([], 1, () => []);
    const size = pageSize(args.first);
    const after = decodeCursor(args.after, 1) as [string] | undefined;
    const rows = await this.em.find(
      WebhookEndpoint,
      { ...(tppId ? { tppId } : {}), ...(after ? { id: { $gt: after[0] } } : {}) },
      { orderBy: { id: "asc" }, limit: size + 1 },
    );
    return pageOf(rows, size, (row) => [row.id], Boolean(after));
  }

  /** Newest first. */
  async deliveries(endpoint: WebhookEndpoint, args: WebhookDeliveriesArgs) {
    const size = pageSize(args.first);
    const after = decodeCursor(args.after, 1) as [string] | undefined;
    const rows = await this.em.find(
      WebhookDelivery,
      { endpointId: endpoint.id, ...(args.status ? { status: args.status } : {}), ...(after ? { id: { $lt: after[0] } } : {}) },
      { orderBy: { id: "desc" }, limit: size + 1 },
    );
    return pageOf(rows, size, (row) => [row.id], Boolean(after));
  }

  async delivery(id: string, caller: Caller): Promise<WebhookDelivery | null> {
    requireAuthenticated(caller);
    const delivery = await this.em.findOne(WebhookDelivery, { id: assertUuid(id, "id") });
    return delivery && this.canSee(caller, delivery.tppId) ? delivery : null;
  }

  /** Sends a finished delivery again, with a fresh retry schedule; the same Webhook-Id and body. */
  async redeliver(id: string, caller: Caller): Promise<WebhookDelivery> {
    const delivery = await this.delivery(id, caller);
    if (!delivery) throw webhookErrors.deliveryNotFound(id);
    const reopened = await sql(
      this.em,
      `update tpps.webhook_delivery set status = 'pending', round_attempts = 0, next_attempt_at = now(), lease_until = null
        where id = ? and status in ('succeeded', 'dead') returning id`,
      [delivery.id],
    );
    if (reopened.length === 0) throw webhookErrors.notRedeliverable(delivery.id, delivery.status.toUpperCase());
    await this.em.refresh(delivery);
    return delivery;
  }

  private async ownEndpoint(id: string, caller: Caller): Promise<WebhookEndpoint> {
    const endpoint = await this.endpoint(id, caller);
    if (!endpoint) throw webhookErrors.endpointNotFound(id);
    return endpoint;
  }

  private checkedUrl(url: string): string {
    const trimmed = url.trim();
    const reason = refusedUrl(trimmed, this.policy);
    if (reason) throw webhookErrors.invalidUrl(trimmed, reason);
    return new URL(trimmed).toString();
  }
}

function checkedEventTypes(types: WebhookEventType[]): WebhookEventType[] {
  if (types.length === 0) throw commonErrors.badInput("A webhook endpoint needs at least one event type.");
  return [...new Set(types)];
}

function checkedDescription(description: string | null | undefined): string | null {
  const trimmed = description?.trim() || null;
  if (trimmed && trimmed.length > MAX_DESCRIPTION) throw commonErrors.badInput(`description must be at most ${MAX_DESCRIPTION} characters.`);
  return trimmed;
}
