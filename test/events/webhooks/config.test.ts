import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../../gateway/config.js";
import { webhookConfigFromEnv } from "../../../events/webhooks/config.js";

describe("webhook settings", () => {
  it("allow plain http to loopback outside production only, by default", () => {
    expect(webhookConfigFromEnv({}, false).allowHttpLoopback).toBe(true);
    expect(webhookConfigFromEnv({}, true).allowHttpLoopback).toBe(false);
    expect(webhookConfigFromEnv({ WEBHOOK_ALLOW_HTTP_LOOPBACK: "false" }, false).allowHttpLoopback).toBe(false);
  });

  it("read the retry schedule and deadline from the environment", () => {
    expect(webhookConfigFromEnv({ WEBHOOK_MAX_ATTEMPTS: "3", WEBHOOK_INITIAL_DELAY_MS: "250", WEBHOOK_TIMEOUT_MS: "2000" }, false)).toMatchObject({
      maxAttempts: 3,
      initialDelayMs: 250,
      timeoutMs: 2_000,
    });
  });

  it("stop the hub with a message naming the variable for a bad value", () => {
    expect(() => loadConfig({ WEBHOOK_MAX_ATTEMPTS: "0" }, [])).toThrow(ConfigError);
    expect(() => loadConfig({ WEBHOOK_MAX_ATTEMPTS: "many" }, [])).toThrow(/WEBHOOK_MAX_ATTEMPTS must be a whole number from 1 to 50/);
    expect(() => loadConfig({ NODE_ENV: "production", WEBHOOK_ALLOW_HTTP_LOOPBACK: "true", OPERATOR_CLIENT_SECRET: "x".repeat(32) }, [])).toThrow(
      /WEBHOOK_ALLOW_HTTP_LOOPBACK cannot be true in production/,
    );
    expect(() => loadConfig({ WEBHOOK_INITIAL_DELAY_MS: "10000", WEBHOOK_MAX_DELAY_MS: "5000" }, [])).toThrow(/WEBHOOK_MAX_DELAY_MS/);
  });
});
