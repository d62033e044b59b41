/**
 * @module A bank's `resilience` configuration: what may be set, the defaults, and validation with a
 * message that names the bank, the option and what it expects.
 */

/** What a bank's configuration may set (`BankConfig.resilience`); every option is optional. */
export interface ResilienceConfig {
  /** Deadline of one read attempt and of a health probe, in ms. */
  timeoutMs?: number;
  /** Deadline of a payment operation (execute, cancel), in ms; defaults to 10000. */
  paymentTimeoutMs?: number;
  /** Retries of idempotent reads only, with exponential backoff and decorrelated jitter. */
  retry?: { retries?: number; initialDelayMs?: number; maxDelayMs?: number };
  /**
   * Opens after `consecutiveFailures` failures in a row, or, with `sampling`, when more than
   * `threshold` (0–1) of the calls in the last `durationMs` failed (at `minimumRps` or more).
   * After `halfOpenAfterMs` one trial call (or health probe) may close it again.
   */
  breaker?: {
    consecutiveFailures?: number;
    sampling?: { threshold: number; durationMs: number; minimumRps?: number };
    halfOpenAfterMs?: number;
  };
  /** At most `maxInFlight` calls to the core at once, `maxQueued` waiting; beyond that, shed. */
  bulkhead?: { maxInFlight?: number; maxQueued?: number };
  /** How long a health report is reused before the core is probed again, in ms. */
  healthCacheMs?: number;
}

export interface ResilienceSettings {
  timeoutMs: number;
  paymentTimeoutMs: number;
  retry: { retries: number; initialDelayMs: number; maxDelayMs: number };
  breaker: {
    consecutiveFailures: number;
    sampling?: { threshold: number; durationMs: number; minimumRps?: number };
    halfOpenAfterMs: number;
  };
  bulkhead: { maxInFlight: number; maxQueued: number };
  healthCacheMs: number;
}

export const RESILIENCE_DEFAULTS: Readonly<ResilienceSettings> = Object.freeze({
  timeoutMs: 5_000,
  paymentTimeoutMs: 10_000,
  retry: { retries: 2, initialDelayMs: 100, maxDelayMs: 2_000 },
  breaker: { consecutiveFailures: 5, halfOpenAfterMs: 10_000 },
  bulkhead: { maxInFlight: 20, maxQueued: 100 },
  healthCacheMs: 1_000,
});

const HOUR = 3_600_000;

/** The settings for a bank: its `resilience` options over the defaults, validated. */
export function resilienceSettings(bankId: string, config: ResilienceConfig = {}): ResilienceSettings {
  const fail = (option: string, expected: string, got: unknown): never => {
    throw new Error(`Bank "${bankId}": resilience${option ? `.${option}` : ""} must be ${expected}; got ${JSON.stringify(got)}.`);
  };
  const object = (option: string, value: unknown) => {
    if (value !== undefined && (typeof value !== "object" || value === null || Array.isArray(value))) fail(option, "an object", value);
    return (value ?? {}) as Record<string, unknown>;
  };
  const whole = (option: string, value: unknown, fallback: number, min: number, max: number): number => {
    if (value === undefined) return fallback;
    if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) fail(option, `a whole number from ${min} to ${max}`, value);
    return value as number;
  };
  const known = (option: string, value: Record<string, unknown>, keys: string[]) => {
    const unknown = Object.keys(value).filter((k) => !keys.includes(k));
    if (unknown.length) fail(option, `an object with only ${keys.join(", ")}`, Object.keys(value));
  };

  const root = object("", config);
  known("", root, ["timeoutMs", "paymentTimeoutMs", "retry", "breaker", "bulkhead", "healthCacheMs"]);
  const retryOptions = object("retry", root.retry);
  known("retry", retryOptions, ["retries", "initialDelayMs", "maxDelayMs"]);
  const breakerOptions = object("breaker", root.breaker);
  known("breaker", breakerOptions, ["consecutiveFailures", "sampling", "halfOpenAfterMs"]);
  const bulkheadOptions = object("bulkhead", root.bulkhead);
  known("bulkhead", bulkheadOptions, ["maxInFlight", "maxQueued"]);
  const d = RESILIENCE_DEFAULTS;

  const settings: ResilienceSettings = {
    timeoutMs: whole("timeoutMs", root.timeoutMs, d.timeoutMs, 1, HOUR),
    paymentTimeoutMs: whole("paymentTimeoutMs", root.paymentTimeoutMs, d.paymentTimeoutMs, 1, HOUR),
    retry: {
      retries: whole("retry.retries", retryOptions.retries, d.retry.retries, 0, 10),
      initialDelayMs: whole("retry.initialDelayMs", retryOptions.initialDelayMs, d.retry.initialDelayMs, 1, HOUR),
      maxDelayMs: whole("retry.maxDelayMs", retryOptions.maxDelayMs, d.retry.maxDelayMs, 1, HOUR),
    },
    breaker: {
      consecutiveFailures: whole("breaker.consecutiveFailures", breakerOptions.consecutiveFailures, d.breaker.consecutiveFailures, 1, 1_000),
      halfOpenAfterMs: whole("breaker.halfOpenAfterMs", breakerOptions.halfOpenAfterMs, d.breaker.halfOpenAfterMs, 1, HOUR),
    },
    bulkhead: {
      maxInFlight: whole("bulkhead.maxInFlight", bulkheadOptions.maxInFlight, d.bulkhead.maxInFlight, 1, 10_000),
      maxQueued: whole("bulkhead.maxQueued", bulkheadOptions.maxQueued, d.bulkhead.maxQueued, 0, 100_000),
    },
    healthCacheMs: whole("healthCacheMs", root.healthCacheMs, d.healthCacheMs, 0, HOUR),
  };
  if (settings.retry.maxDelayMs < settings.retry.initialDelayMs) fail("retry.maxDelayMs", `at least retry.initialDelayMs (${settings.retry.initialDelayMs})`, settings.retry.maxDelayMs);
  if (breakerOptions.sampling !== undefined) {
    if (breakerOptions.consecutiveFailures !== undefined) fail("breaker", "either consecutiveFailures or sampling, not both", Object.keys(breakerOptions));
    const sampling = object("breaker.sampling", breakerOptions.sampling);
    known("breaker.sampling", sampling, ["threshold", "durationMs", "minimumRps"]);
    const threshold = sampling.threshold;
    if (typeof threshold !== "number" || !(threshold > 0 && threshold < 1)) fail("breaker.sampling.threshold", "a fraction between 0 and 1 (exclusive)", threshold);
    const minimumRps = sampling.minimumRps;
    if (minimumRps !== undefined && (typeof minimumRps !== "number" || !(minimumRps > 0))) fail("breaker.sampling.minimumRps", "a positive number", minimumRps);
    settings.breaker.sampling = {
      threshold: threshold as number,
      durationMs: whole("breaker.sampling.durationMs", sampling.durationMs ?? fail("breaker.sampling.durationMs", "given with sampling", undefined), 0, 100, HOUR),
      ...(minimumRps !== undefined ? { minimumRps: minimumRps as number } : {}),
    };
  }
  return settings;
}
