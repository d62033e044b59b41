/** NATS JetStream for tests: NATS_URL, required under CI=true (a missing server fails, never skips). */
import { randomBytes } from "node:crypto";

export function natsUrl(): string | undefined {
  const url = process.env.NATS_URL;
  if (!url && process.env.CI === "true") throw new Error("CI=true but NATS_URL is not set: event tests must run against NATS JetStream in CI (.ci/run sets it).");
  return url;
}

/** A stream name of its own per test, so files run in parallel on one server. */
export function scratchStream(): string {
  return `TEST_${process.pid}_${randomBytes(3).toString("hex").toUpperCase()}`;
}
