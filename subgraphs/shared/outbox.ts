/**
 * @module The transactional outbox: a domain event is written in the same transaction as the state
 * change it describes, in the owning subgraph's schema. A relay publishes committed rows later, so
 * nothing is published that did not commit and nothing committed is lost.
 */
import type { EntityManager } from "@mikro-orm/core";
import { newId } from "./ids.js";
import { sql } from "./orm.js";

export interface DomainEvent {
  type: string;
  /** The entity the event is about, as "Type:id". */
  subject: string;
  bankId?: string | null;
  tppId?: string | null;
  psuId?: string | null;
  payload: Record<string, unknown>;
}

/** The statement a subgraph's first migration runs to create its outbox. */
export function outboxTableSql(schema: string): string[] {
  return [
    `create table "${schema}".outbox (
      id uuid primary key,
      type text not null,
      subject text not null,
      bank_id text,
      tpp_id uuid,
      psu_id text,
      payload jsonb not null,
      created_at timestamptz not null default now(),
      published_at timestamptz
    )`,
    `create index outbox_unpublished on "${schema}".outbox (id) where published_at is null`,
  ];
}

/** Must be called with the EntityManager of the transaction that makes the state change. */
export async function recordEvent(em: EntityManager, schema: string, event: DomainEvent): Promise<string> {
  if (!em.isInTransaction()) throw new Error(`recordEvent(${event.type}) outside a transaction would break the outbox guarantee`);
  const id = newId();
  await sql(em, `insert into "${schema}".outbox (id, type, subject, bank_id, tpp_id, psu_id, payload) values (?, ?, ?, ?, ?, ?, ?)`, [
    id,
    event.type,
    event.subject,
    event.bankId ?? null,
    event.tppId ?? null,
    event.psuId ?? null,
    JSON.stringify(event.payload),
  ]);
  return id;
}
