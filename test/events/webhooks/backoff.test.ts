import { describe, expect, it } from "vitest";
import { retryDelay } from "../../../events/webhooks/backoff.js";

const schedule = { maxAttempts: 5, initialDelayMs: 1_000, maxDelayMs: 5_000 };

describe("webhook retry schedule", () => {
  it("doubles the delay after each failed try, between half and all of it", () => {
    expect([1, 2, 3].map((n) => retryDelay(n, schedule, () => 0))).toEqual([500, 1_000, 2_000]);
    expect([1, 2, 3].map((n) => retryDelay(n, schedule, () => 1))).toEqual([1_000, 2_000, 4_000]);
  });

  it("caps the delay at maxDelayMs", () => {
    expect(retryDelay(4, schedule, () => 1)).toBe(5_000);
    expect(retryDelay(4, schedule, () => 0)).toBe(2_500);
  });

  it("gives up after maxAttempts tries", () => {
    expect(retryDelay(5, schedule)).toBeUndefined();
    expect(retryDelay(1, { ...schedule, maxAttempts: 1 })).toBeUndefined();
  });
});
