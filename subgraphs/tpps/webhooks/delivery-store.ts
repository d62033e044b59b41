/** @module The webhook delivery queue in the tpps schema, as the dispatcher uses it (SKIP LOCKED claims, leases). */
import type { EntityManager } from "@mikro-orm/core";
import type { HubEvent } from "../../../events/event.js";
import type { AttemptRecord, DeliveryStore, DueDelivery, NextStep } from "../../../events/webhooks/delivery-store.js";
import { newId } from "../../shared/ids.js";
import { sql } from "../../shared/orm.js";

interface DueRow {
  id: string;
  endpoint_id: string;
  tpp_id: string;
  url: string;
  event_id: string;
  event_type: string;
  body: string;
  attempt_count: number;
  round_attempts: number;
  lease: string;
}

export class TppWebhookDeliveryStore implements DeliveryStore {
  /** `em` is the tpps ORM's root EntityManager; every call works on its own fork. */
  constructor(private readonly em: EntityManager) {}

  async enqueue(event: HubEvent, body: string, tppId = event.tppId ?? undefined): Promise<number> {
    if (!tppId) return 0;
    return this.em.fork().transactional(async (tx) => {
      const endpoints = await sql<{ id: string }>(
        tx,
        `select id from tpps.webhook_endpoint where tpp_id = ? and enabled and event_types @> ?::jsonb`,
        [tppId, JSON.stringify([event.type])],
      );
      let queued = 0;
      for (const endpoint of endpoints) {
        const rows = await sql(
          tx,
          `insert into tpps.webhook_delivery (id, endpoint_id, tpp_id, event_id, event_type, body, status, next_attempt_at)
            values (?, ?, ?, ?, ?, ?, 'pending', now()) on conflict (endpoint_id, event_id) do nothing returning id`,
          [newId(), endpoint.id, tppId, event.id, event.type, body],
        );
        queued += rows.length;
      }
      return queued;
    });
  }

  async subscribers(eventType: string): Promise<string[]> {
    const rows = await sql<{ tpp_id: string }>(
      this.em.fork(),
      `select distinct tpp_id from tpps.webhook_endpoint where enabled and event_types @> ?::jsonb`,
      [JSON.stringify([eventType])],
    );
    return rows.map((r) => r.tpp_id);
  }

  /**
   * Deliveries of a TPP that is not active are not sent: a suspended (or not yet active) TPP's wait,
   * with the reason, and go out once it is active again; a revoked TPP's are given up (DEAD, with the reason).
   */
  async holdInactive(): Promise<number> {
    const rows = await sql(
      this.em.fork(),
      `with held as (
         select d.id, t.status as tpp_status from tpps.webhook_delivery d join tpps.tpp t on t.id = d.tpp_id
         where d.status = 'pending' and t.status <> 'active'
       )
       update tpps.webhook_delivery d set
         status = case when held.tpp_status = 'revoked' then 'dead' else 'pending' end,
         next_attempt_at = case when held.tpp_status = 'revoked' then null else d.next_attempt_at end,
         status_reason = case when held.tpp_status = 'revoked' then 'Not sent: the TPP was revoked.'
           else 'Waiting: the TPP is ' || held.tpp_status || '; sent once it is active again.' end
       from held where d.id = held.id and d.status = 'pending'
         and (held.tpp_status = 'revoked' or d.status_reason is distinct from 'Waiting: the TPP is ' || held.tpp_status || '; sent once it is active again.')
       returning d.id`,
    );
    return rows.length;
  }

  async claimDue(limit: number, leaseMs: number): Promise<DueDelivery[]> {
    await this.holdInactive();
    const rows = await sql<DueRow>(
      this.em.fork(),
      `update tpps.webhook_delivery d set status = 'sending', lease_until = now() + ? * interval '1 millisecond', status_reason = null
        from tpps.webhook_endpoint e
        where e.id = d.endpoint_id and d.id in (
          select due.id from tpps.webhook_delivery due join tpps.webhook_endpoint ep on ep.id = due.endpoint_id
            join tpps.tpp t on t.id = due.tpp_id and t.status = 'active'
          where ep.enabled and ((due.status = 'pending' and due.next_attempt_at <= now()) or (due.status = 'sending' and due.lease_until < now()))
          order by due.next_attempt_at limit ? for update of due skip locked)
        returning d.id, d.endpoint_id, d.tpp_id, e.url, d.event_id, d.event_type, d.body, d.attempt_count, d.round_attempts, d.lease_until::text as lease`,
      [leaseMs, limit],
    );
    return rows.map((r) => ({
      id: r.id,
      endpointId: r.endpoint_id,
      tppId: r.tpp_id,
      url: r.url,
      eventId: r.event_id,
      eventType: r.event_type,
      body: r.body,
      attemptCount: Number(r.attempt_count),
      roundAttempts: Number(r.round_attempts),
      lease: r.lease,
    }));
  }

  async prune(olderThanMs: number): Promise<number> {
    const rows = await sql(
      this.em.fork(),
      `delete from tpps.webhook_delivery where status in ('succeeded', 'dead') and created_at < now() - ? * interval '1 millisecond' returning id`,
      [olderThanMs],
    );
    return rows.length;
  }

  async recordAttempt(delivery: DueDelivery, attempt: AttemptRecord, next: NextStep): Promise<void> {
    await this.em.fork().transactional(async (tx) => {
      const updated = await sql<{ attempt_count: number }>(
        tx,
        `update tpps.webhook_delivery set attempt_count = attempt_count + 1, round_attempts = round_attempts + 1, last_attempt_at = ?,
            status = ?, next_attempt_at = case when ? then now() + ? * interval '1 millisecond' end, lease_until = null
          where id = ? and status = 'sending' and lease_until = ?::timestamptz returning attempt_count`,
        [attempt.startedAt, next.status, next.status === "pending", next.status === "pending" ? next.delayMs : 0, delivery.id, delivery.lease],
      );
      // Gone (endpoint deleted), or claimed again after this lease ran out: that claim records its own attempt.
      if (updated.length === 0) return;
      await sql(
        tx,
        `insert into tpps.webhook_attempt (id, delivery_id, number, started_at, duration_ms, succeeded, response_status, error) values (?, ?, ?, ?, ?, ?, ?, ?)`,
        [newId(), delivery.id, Number(updated[0]!.attempt_count), attempt.startedAt, attempt.durationMs, attempt.succeeded, attempt.responseStatus, attempt.error],
      );
    });
  }
}
