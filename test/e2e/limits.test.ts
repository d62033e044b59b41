import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gql, startTestHub, type TestHub } from "../helpers/hub.js";

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub({ maxQueryDepth: 8, maxQueryCost: 2_000, maxBodyBytes: 5_000 });
});
afterAll(() => hub?.stop());

describe("abusive operations are refused before any subgraph runs", () => {
  it("rejects a query deeper than the limit with QUERY_TOO_DEEP", async () => {
    const before = hub.runtime!.connectors.totalCalls();
    const res = await gql(
      hub.url,
      `query Deep { psu(id: "max.musterman") { accounts { transactions { edges { node { account { transactions { edges { node { id } } } } } } } } } }`,
    );
    expect(res.status).toBe(400);
    expect(res.errors?.[0]?.extensions?.code).toBe("QUERY_TOO_DEEP");
    expect(res.errors?.[0]?.message).toMatch(/Deep is 10 levels deep; the limit is 8/);
    expect(hub.runtime!.connectors.totalCalls()).toBe(before);
  });

  it("rejects a query whose page sizes multiply past the cost limit with QUERY_TOO_COSTLY", async () => {
    const res = await gql(hub.url, `{ accounts(first: 100) { edges { node { iban transactions(first: 100) { edges { node { id } } } } } } }`);
    expect(res.errors?.[0]?.extensions?.code).toBe("QUERY_TOO_COSTLY");
  });

  it("counts variables as the largest page", async () => {
    const query = `query Q($n: Int) { accounts(first: $n) { edges { node { transactions(first: $n) { edges { node { id } } } } } } }`;
    expect((await gql(hub.url, query, { n: 1 })).errors?.[0]?.extensions?.code).toBe("QUERY_TOO_COSTLY");
  });

  it("still serves introspection, however deep", async () => {
    const res = await gql(hub.url, `{ __schema { types { name fields { name type { name ofType { name ofType { name ofType { name } } } } } } } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data.__schema.types.length).toBeGreaterThan(20);
  });

  it("answers an oversized body with 413 and a GraphQL error, not HTML", async () => {
    const res = await gql(hub.url, `{ banks { id } }`, { padding: "x".repeat(6_000) });
    expect(res.status).toBe(413);
    expect(res.errors?.[0]?.extensions?.code).toBe("PAYLOAD_TOO_LARGE");
  });

  it("answers malformed JSON with 400 and a GraphQL error", async () => {
    const response = await fetch(`${hub.url}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body: "{ nope" });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors[0]!.extensions.code).toBe("BAD_REQUEST");
  });
});

describe("operations endpoints", () => {
  it("/healthz says the process is up", async () => {
    const response = await fetch(`${hub.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok" });
  });

  it("/readyz checks the database and every bank's connector", async () => {
    const response = await fetch(`${hub.url}/readyz`);
    const body = (await response.json()) as { status: string; checks: Record<string, { ok: boolean }> };
    expect(response.status).toBe(200);
    expect(body.checks.database?.ok).toBe(true);
    expect(Object.keys(body.checks)).toEqual(expect.arrayContaining(["bank:musterbank", "bank:beispielbank"]));
  });
});
