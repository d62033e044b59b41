/** @module Webhook delivery settings, from environment variables, validated at start. */
import type { RetrySchedule } from "./backoff.js";
import type { TargetPolicy } from "./target-policy.js";

export interface WebhookConfig extends RetrySchedule, TargetPolicy {
  /** Deadline of one POST, connection to last byte. */
  timeoutMs: number;
  /** How often the delivery worker looks for due retries (it is also woken by new events). */
  pollIntervalMs: number;
  /** Deliveries sent at once. */
  concurrency: number;
  /** How long finished deliveries stay in the log (and can be redelivered). */
  logRetentionMs: number;
}

export const WEBHOOK_CONFIG_VARIABLES: Record<string, string> = {
  WEBHOOK_MAX_ATTEMPTS: "Tries per webhook delivery before it is dead-lettered (default 8).",
  WEBHOOK_INITIAL_DELAY_MS: "Delay before the second try; doubles after each failure, with jitter (default 5000).",
  WEBHOOK_MAX_DELAY_MS: "Longest delay between two tries (default 3600000).",
  WEBHOOK_TIMEOUT_MS: "Deadline of one webhook POST (default 10000).",
  WEBHOOK_LOG_RETENTION_DAYS: "How long succeeded and dead deliveries stay in the delivery log, redeliverable (default 30).",
  WEBHOOK_ALLOW_HTTP_LOOPBACK: "Allow plain-http webhook URLs to loopback (default true outside production, false in it).",
};

type Env = Record<string, string | undefined>;

export function defaultWebhookConfig(production: boolean): WebhookConfig {
  return {
    maxAttempts: 8,
    initialDelayMs: 5_000,
    maxDelayMs: 3_600_000,
    timeoutMs: 10_000,
    pollIntervalMs: 1_000,
    concurrency: 8,
    logRetentionMs: 30 * 86_400_000,
    allowHttpLoopback: !production,
  };
}

/** Throws an Error naming the variable for a bad value. */
export function webhookConfigFromEnv(env: Env, production: boolean): WebhookConfig {
  const defaults = defaultWebhookConfig(production);
  const integer = (name: string, fallback: number, min: number, max: number) => {
    const raw = env[name];
    if (raw === undefined || raw === "") return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) throw new Error(`${name} must be a whole number from ${min} to ${max}, got "${raw}".`);
    return value;
  };
  const loopback = env.WEBHOOK_ALLOW_HTTP_LOOPBACK?.toLowerCase();
  if (loopback && !["true", "false"].includes(loopback)) throw new Error(`WEBHOOK_ALLOW_HTTP_LOOPBACK must be true or false, got "${env.WEBHOOK_ALLOW_HTTP_LOOPBACK}".`);
  if (loopback === "true" && production) throw new Error("WEBHOOK_ALLOW_HTTP_LOOPBACK cannot be true in production.");
  const initialDelayMs = integer("WEBHOOK_INITIAL_DELAY_MS", defaults.initialDelayMs, 1, 86_400_000);
  return {
    ...defaults,
    maxAttempts: integer("WEBHOOK_MAX_ATTEMPTS", defaults.maxAttempts, 1, 50),
    initialDelayMs,
    maxDelayMs: integer("WEBHOOK_MAX_DELAY_MS", Math.max(defaults.maxDelayMs, initialDelayMs), initialDelayMs, 7 * 86_400_000),
    timeoutMs: integer("WEBHOOK_TIMEOUT_MS", defaults.timeoutMs, 100, 120_000),
    logRetentionMs: integer("WEBHOOK_LOG_RETENTION_DAYS", 30, 1, 3_650) * 86_400_000,
    allowHttpLoopback: loopback ? loopback === "true" : defaults.allowHttpLoopback,
  };
}
