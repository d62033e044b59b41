import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config.js";

const names = ["accounts", "tpps"];

describe("configuration", () => {
  it("defaults to the embedded hub on port 4000 with PGlite under .data", () => {
    const config = loadConfig({}, names);
    expect(config.port).toBe(4000);
    expect(config.databaseUrl).toBeUndefined();
    expect(config.dataDir).toMatch(/\.data$/);
    expect(config.subgraphUrls).toEqual({});
    expect(config.banks.map((b) => b.id)).toEqual(["musterbank", "beispielbank"]);
  });

  it.each([
    [{ PORT: "http" }, /PORT must be a whole number from 0 to 65535, got "http"/],
    [{ DATABASE_URL: "mysql://x" }, /DATABASE_URL must be a postgres:\/\/ URL/],
    [{ SEED: "maybe" }, /SEED must be true or false/],
    [{ ACCOUNTS_SUBGRAPH_URL: "http://a:4001/graphql", HUB_INTERNAL_SECRET: "s".repeat(32) }, /missing TPPS_SUBGRAPH_URL/],
    [{ ACCOUNTS_SUBGRAPH_URL: "http://a/graphql", TPPS_SUBGRAPH_URL: "http://t/graphql" }, /needs HUB_INTERNAL_SECRET/],
    [{ HUB_INTERNAL_SECRET: "short" }, /at least 32 characters/],
    [{ BANKS_FILE: "/nonexistent/banks.json" }, /BANKS_FILE "\/nonexistent\/banks.json" is not a readable JSON file/],
    [{ TPPS_SUBGRAPH_URL: "not a url" }, /TPPS_SUBGRAPH_URL must be a URL/],
  ])("rejects %o with a message naming the variable", (env, message) => {
    expect(() => loadConfig(env, names)).toThrow(ConfigError);
    expect(() => loadConfig(env, names)).toThrow(message);
  });

  it("keeps memory:// as is for a throw-away database", () => {
    expect(loadConfig({ DATA_DIR: "memory://" }, names).dataDir).toBe("memory://");
  });
});
