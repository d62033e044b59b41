/** @module When a failed delivery is tried again: exponential backoff with jitter, capped. */

export interface RetrySchedule {
  /** Tries per round (the first send included); after the last one the delivery is DEAD. */
  maxAttempts: number;
  /** Delay before the second try; each later delay doubles. */
  initialDelayMs: number;
  maxDelayMs: number;
}

/**
 * Milliseconds to wait after the `attempt`-th failed try (1-based), or undefined when that was the
 * last. "Equal jitter": half the exponential delay is fixed, half random, so retries of many
 * deliveries that failed together spread out yet never come sooner than half the schedule.
 */
export function retryDelay(attempt: number, schedule: RetrySchedule, random: () => number = Math.random): number | undefined {
  if (attempt >= schedule.maxAttempts) return undefined;
  const exponential = Math.min(schedule.maxDelayMs, schedule.initialDelayMs * 2 ** (attempt - 1));
  return Math.round(exponential / 2 + (random() * exponential) / 2);
}
