/**
 * @module The consent clock: `consent.expiring` a configurable time before a consent's validUntil
 * passes, and the move to expired once it has (ConsentService.expireConsents). Each happens once per
 * consent even with several hub instances: rows are taken with SKIP LOCKED, and the notice is marked
 * on the consent (expiring_noticed_at) in the transaction that records the event; a row another
 * instance has just marked no longer matches when its lock is granted.
 */
import type { EntityManager } from "@mikro-orm/core";
import type { Logger } from "pino";
import { systemCaller } from "../shared/context.js";
import { sql } from "../shared/orm.js";
import { recordEvent } from "../shared/outbox.js";
import type { RunningSubgraph } from "../shared/subgraph.js";
import { dayOf } from "./consent-validation.js";
import type { ConsentsContext } from "./context.js";

export const CONSENT_EXPIRING = "consent.expiring";

const NOTICE_BATCH = 200;

export interface ConsentExpiryOptions {
  /** How long before validUntil passes `consent.expiring` is emitted. */
  noticeMs: number;
  /** How often the clock looks. */
  intervalMs: number;
  logger: Logger;
  clock?: () => Date;
}

interface DueConsent {
  id: string;
  tpp_id: string;
  psu_id: string | null;
  type: string;
  valid_until: string | Date;
}

/**
 * A consent is valid through its validUntil day (UTC), so it expires at the start of the next day;
 * it is "expiring" once that instant is less than `noticeMs` away.
 */
export async function noticeExpiringConsents(em: EntityManager, now: Date, noticeMs: number): Promise<string[]> {
  const cutoff = dayOf(new Date(now.getTime() + noticeMs));
  const noticed: string[] = [];
  for (;;) {
    const batch = await em.fork().transactional(async (tx) => {
      const due = await sql<DueConsent>(
        tx,
        `select c.id, c.tpp_id, c.psu_id, c.type, c.valid_until from consents.consent c
          where c.status = 'valid' and c.valid_until < ? and c.expiring_noticed_at is null
          order by c.valid_until, c.id limit ${NOTICE_BATCH} for update of c skip locked`,
        [cutoff],
      );
      const done: string[] = [];
      for (const consent of due) {
        await sql(tx, `update consents.consent set expiring_noticed_at = ? where id = ?`, [now, consent.id]);
        const validUntil = typeof consent.valid_until === "string" ? consent.valid_until.slice(0, 10) : dayOf(consent.valid_until);
        await recordEvent(tx, "consents", {
          type: CONSENT_EXPIRING,
          subject: `Consent:${consent.id}`,
          tppId: consent.tpp_id,
          psuId: consent.psu_id,
          payload: { consentId: consent.id, type: consent.type, validUntil, expiresAt: `${dayOf(new Date(Date.parse(`${validUntil}T00:00:00Z`) + 86_400_000))}T00:00:00Z` },
        });
        done.push(consent.id);
      }
      return { done, full: due.length === NOTICE_BATCH };
    });
    noticed.push(...batch.done);
    if (!batch.full) return noticed;
  }
}

export interface ConsentClock {
  /** One pass: notices, then expiries. */
  tick(): Promise<{ noticed: string[]; expired: string[] }>;
  stop(): Promise<void>;
}

/** Runs the consent clock on the consents subgraph's database until stopped. */
export function startConsentClock(consents: RunningSubgraph, options: ConsentExpiryOptions): ConsentClock {
  const clock = options.clock ?? (() => new Date());
  let running: Promise<unknown> | undefined;
  const tick = async () => {
    const context = consents.createContext(systemCaller) as ConsentsContext;
    const now = clock();
    const noticed = await noticeExpiringConsents(context.em, now, options.noticeMs);
    const expired = await context.consents.expireConsents(now);
    return { noticed, expired };
  };
  const guarded = () => {
    running ??= tick()
      .catch((error: unknown) => options.logger.error({ err: error }, "consent clock failed; retrying at the next interval"))
      .finally(() => (running = undefined));
    return running;
  };
  const timer = setInterval(guarded, options.intervalMs);
  timer.unref();
  void guarded();
  return {
    tick,
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
