/** @module Configuration of events and subscriptions, from the environment, validated at start. */
import { ConfigError } from "../gateway/config.js";

export interface EventsConfig {
  /** nats://… selects NATS JetStream; absent selects the embedded bus. */
  natsUrl?: string;
  /** JetStream stream (and subject prefix) of this hub's events. */
  natsStream: string;
  /** How long published events stay replayable (`after`). */
  retentionMs: number;
  /** Events one subscriber may have waiting before it is ended as too slow. */
  subscriberBuffer: number;
  /** How long before a consent's validUntil passes `consent.expiring` is emitted. */
  consentExpiringNoticeMs: number;
  /** How often the consent clock runs. */
  consentClockIntervalMs: number;
  /** How often published outbox rows older than the retention window are deleted. */
  outboxPruneIntervalMs: number;
}

type Env = Record<string, string | undefined>;

function positive(env: Env, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new ConfigError(`${name} must be a positive number, got "${raw}".`);
  return value;
}

export function eventsConfigFromEnv(env: Env = process.env): EventsConfig {
  const natsUrl = env.NATS_URL || undefined;
  if (natsUrl && !/^(nats|tls):\/\/[^\s]+$/.test(natsUrl)) throw new ConfigError(`NATS_URL must be a nats:// or tls:// URL, got "${natsUrl}".`);
  const natsStream = env.NATS_STREAM || "HUB_EVENTS";
  if (!/^[A-Za-z0-9_-]+$/.test(natsStream)) throw new ConfigError(`NATS_STREAM may hold letters, digits, "_" and "-" only, got "${natsStream}".`);
  return {
    natsUrl,
    natsStream,
    retentionMs: positive(env, "EVENTS_RETENTION_HOURS", 24) * 3_600_000,
    subscriberBuffer: Math.floor(positive(env, "SUBSCRIPTION_BUFFER", 256)),
    consentExpiringNoticeMs: positive(env, "CONSENT_EXPIRING_NOTICE_HOURS", 72) * 3_600_000,
    consentClockIntervalMs: positive(env, "CONSENT_CLOCK_SECONDS", 60) * 1_000,
    outboxPruneIntervalMs: positive(env, "OUTBOX_PRUNE_MINUTES", 10) * 60_000,
  };
}
