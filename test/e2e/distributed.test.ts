/**
 * Distributed mode: every subgraph behind its own HTTP server, the gateway reaching them with
 * RemoteGraphQLDataSource and a signed caller identity.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SANDBOX_BANKS } from "../../connectors/sandbox/banks.js";
import { startHub, type Hub } from "../../gateway/hub.js";
import { createLogger } from "../../gateway/logger.js";
import { subgraphs } from "../../subgraphs/index.js";
import { openRuntime, type Runtime } from "../../subgraphs/runtime.js";
import { serveSubgraph, type SubgraphServer } from "../../subgraphs/server.js";
import { consentAudience, localConsentsQuery, remoteConsentsQuery } from "../../events/webhooks/audience.js";
import { consents } from "../../subgraphs/consents/index.js";
import { CALLER_HEADER, signCaller } from "../../subgraphs/shared/caller-token.js";
import { sandboxTppId } from "../../subgraphs/shared/sandbox.js";
import { testEvent } from "../helpers/events.js";
import { openTestDatabase, type TestDatabase } from "../helpers/database.js";
import { gql, testConfig } from "../helpers/hub.js";

const SECRET = "test-secret-that-is-long-enough-for-hs256";
let database: TestDatabase;
let runtime: Runtime;
let servers: SubgraphServer[];
let gateway: Hub;

beforeAll(async () => {
  database = await openTestDatabase();
  runtime = await openRuntime({ databaseUrl: database.url, dataDir: "memory://", seed: true, banks: SANDBOX_BANKS, subgraphs });
  servers = await Promise.all(
    subgraphs.map((s) => serveSubgraph(s, runtime, { port: 0, host: "127.0.0.1", secret: SECRET, maxBodyBytes: 100_000 })),
  );
  const subgraphUrls = Object.fromEntries(subgraphs.map((s, i) => [s.name, servers[i]!.url]));
  gateway = await startHub(testConfig({ subgraphUrls, internalSecret: SECRET }), createLogger("silent"));
});

afterAll(async () => {
  await gateway?.close();
  for (const server of servers ?? []) await server.close();
  await runtime?.close();
  await database?.drop();
});

describe("distributed mode", () => {
  it("answers a cross-subgraph query through subgraphs over HTTP", async () => {
    const res = await gql(
      gateway.url,
      `{ psu(id: "max.musterman") { accounts { iban bank { name } balances { type amount { amount currency } } } }
         tpps(first: 3) { edges { node { legalName status } } } }`,
    );
    expect(res.errors).toBeUndefined();
    const ibans = res.data.psu.accounts.map((a: { iban: string }) => a.iban);
    expect(ibans).toEqual(expect.arrayContaining(["DE80760700240271232400", "DE15500105172295759744"]));
    expect(new Set(res.data.psu.accounts.map((a: any) => a.bank.name)).size).toBe(2);
    expect(res.data.tpps.edges).toHaveLength(3);
  });

  it("keeps a subgraph's error code across the network", async () => {
    const res = await gql(gateway.url, `{ accountByIban(iban: "DE00 1234") { id } }`);
    expect(res.errors?.[0]?.extensions?.code).toBe("INVALID_IBAN");
  });

  it("has subgraphs refuse requests that do not come from the gateway", async () => {
    const url = servers[0]!.url;
    const post = (headers: Record<string, string>) =>
      fetch(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify({ query: "{ banks { id } }" }) });
    const unsigned = await post({});
    expect(unsigned.status).toBe(401);
    const forged = await post({ [CALLER_HEADER]: await signCaller({ kind: "operator", scopes: ["operator"] }, "another-secret-of-sufficient-length!!") });
    expect(forged.status).toBe(401);
    const signed = await post({ [CALLER_HEADER]: await signCaller({ kind: "anonymous", scopes: [] }, SECRET) });
    expect(signed.status).toBe(200);
  });

  it("finds who receives a ledger event's webhook from the consents server as in process: valid AIS consents covering that data", async () => {
    const consentsUrl = servers[subgraphs.findIndex((s) => s.name === "consents")]!.url;
    const remote = consentAudience(remoteConsentsQuery(consentsUrl, SECRET));
    const local = consentAudience(localConsentsQuery(consents, runtime.running.get("consents")!));
    const booked = testEvent("transaction.booked", "Transaction:x", { iban: "DE80760700240271232400", psuIds: ["max.musterman"] });
    const antonBalance = testEvent("balance.changed", "Account:y", { iban: "DE69760700240340283600", psuIds: ["anton.brueckner"] });
    // Max's giro: Finanzblick's valid consent covers its transactions; PayStream's was revoked, CheckFunds' is PIIS.
    expect(await remote(booked)).toEqual([sandboxTppId("finanzblick")]);
    // Anton's account: TaxMate's allPsd2 consent covers it; Finanzblick's expired.
    expect(await remote(antonBalance)).toEqual([sandboxTppId("taxmate")]);
    expect(await local(booked)).toEqual(await remote(booked));
    expect(await remote(testEvent("payment.status_changed", "Payment:z", { iban: "DE80760700240271232400", psuIds: ["max.musterman"] }))).toEqual([]);
    await expect(consentAudience(remoteConsentsQuery(consentsUrl, "another-secret-that-is-long-enough-x"))(booked)).rejects.toThrow(/consents subgraph/);
  });
});
