/** The hub's own authorization server issues tokens; the gateway turns them into the caller. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sandboxId } from "../../subgraphs/shared/ids.js";
import { sandboxTppId } from "../../subgraphs/shared/sandbox.js";
import { operatorCaller } from "../../subgraphs/shared/context.js";
import { TppStatus } from "../../subgraphs/tpps/entities/tpp.entity.js";
import { gql, startTestHub, type TestHub } from "../helpers/hub.js";
import { bearer, clientCredentialsToken } from "../helpers/tokens.js";

let hub: TestHub;
/** TPP statuses are cached far longer than any test waits: a refusal can only come from the mutation's answer or the event. */
const TPP_STATUS_CACHE_SECONDS = 600;
beforeAll(async () => {
  hub = await startTestHub({ tppStatusCacheSeconds: TPP_STATUS_CACHE_SECONDS });
});
afterAll(() => hub?.stop());

const CONSENTS = `{ consents(first: 50) { edges { node { id tpp { id } } } } }`;

describe("tokens from the hub's authorization server", () => {
  it("serves OpenID discovery for the hub's issuer", async () => {
    const discovery = (await (await fetch(`${hub.url}/.well-known/openid-configuration`)).json()) as Record<string, string>;
    expect(discovery.issuer).toBe(hub.issuer);
    expect(discovery.token_endpoint).toBe(`${hub.issuer}/oauth/token`);
  });

  it("lets a sandbox TPP see only its own consents", async () => {
    const token = await clientCredentialsToken(hub.issuer, "finanzblick-sandbox", "finanzblick-sandbox-secret", "accounts");
    const res = await gql(hub.url, CONSENTS, undefined, bearer(token));
    expect(res.errors).toBeUndefined();
    const tpps = new Set(res.data.consents.edges.map((e: any) => e.node.tpp.id));
    expect([...tpps]).toEqual([sandboxTppId("finanzblick")]);
    const all = await gql(hub.url, CONSENTS, undefined, bearer(await clientCredentialsToken(hub.issuer, "hub-operator", "hub-operator-sandbox-secret", "operator")));
    expect(new Set(all.data.consents.edges.map((e: any) => e.node.tpp.id)).size).toBeGreaterThan(1);
  });

  it("refuses a malformed or forged bearer token with 401", async () => {
    for (const header of ["Bearer nope", `Bearer ${Buffer.from("{}").toString("base64url")}.e30.`, "Basic abc"]) {
      const res = await gql(hub.url, CONSENTS, undefined, { authorization: header });
      expect(res.status, header).toBe(401);
      expect(res.errors?.[0]?.extensions?.code, header).toBe("UNAUTHENTICATED");
    }
  });

  it("gives no token to a suspended TPP, and stops a suspended TPP's live token at once", async () => {
    await expect(clientCredentialsToken(hub.issuer, "quickloan-sandbox", "quickloan-sandbox-secret", "accounts")).rejects.toThrow(/invalid_client/);
    const token = await clientCredentialsToken(hub.issuer, "taxmate-sandbox", "taxmate-sandbox-secret", "accounts");
    expect((await gql(hub.url, CONSENTS, undefined, bearer(token))).status).toBe(200);
    const operator = bearer(await clientCredentialsToken(hub.issuer, "hub-operator", "hub-operator-sandbox-secret", "operator"));
    const suspend = await gql(
      hub.url,
      `mutation S($id: ID!) { decideTpp(input: { tppId: $id, status: SUSPENDED, reason: "e2e: suspicious volume" }) { status } }`,
      { id: sandboxTppId("taxmate") },
      operator,
    );
    expect(suspend.data?.decideTpp.status).toBe("SUSPENDED");
    const after = await gql(hub.url, CONSENTS, undefined, bearer(token));
    expect(after.status).toBe(401);
    expect(after.errors?.[0]?.extensions?.code).toBe("TPP_NOT_ACTIVE");
  });

  it("is closed by default: without a token only introspection and the public catalogue answer", async () => {
    const catalogue = await gql(hub.url, `{ banks { id } solutions(first: 3) { edges { node { name vendor { legalName } } } } }`, undefined, "anonymous");
    expect(catalogue.errors).toBeUndefined();
    expect(catalogue.data.solutions.edges.length).toBe(3);
    expect((await gql(hub.url, `{ __schema { queryType { name } } }`, undefined, "anonymous")).errors).toBeUndefined();
    for (const query of [`{ psu(id: "max.musterman") { id } }`, CONSENTS, `mutation { revokeConsent(input: { consentId: "x" }) { consent { id } } }`]) {
      const res = await gql(hub.url, query, undefined, "anonymous");
      expect(res.status, query).toBe(401);
      expect(res.errors?.[0]?.extensions?.code, query).toBe("UNAUTHENTICATED");
    }
  });

  it("does not leak private data through a public root field", async () => {
    const res = await gql(hub.url, `{ solutions(first: 3) { edges { node { vendor { consents { id } applications { clientId } } } } } }`, undefined, "anonymous");
    expect(res.errors?.map((e) => e.extensions?.code)).toContain("UNAUTHENTICATED");
    expect(JSON.stringify(res.data ?? {})).not.toMatch(/clientId|"consents":\[\{/);
  });

  it("holds a TPP to the scopes of its token: no account data or AIS consent without accounts, no payment without payments", async () => {
    const paymentsOnly = await clientCredentialsToken(hub.issuer, "paystream-sandbox", "paystream-sandbox-secret", "payments");
    const consent = await gql(
      hub.url,
      `mutation { createConsent(input: { psuId: "max.musterman", recurringIndicator: false, validUntil: "9999-12-31", frequencyPerDay: 1,
        access: { accounts: [{ iban: "DE80760700240271232400" }] } }) { consent { id } } }`,
      undefined,
      bearer(paymentsOnly),
    );
    expect(consent.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const seeded = sandboxId("consent", "paystream:max.musterman:revoked");
    const read = await gql(hub.url, `{ accountByIban(iban: "DE80760700240271232400") { iban } }`, undefined, { ...bearer(paymentsOnly), "consent-id": seeded });
    expect(read.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const accountsOnly = await clientCredentialsToken(hub.issuer, "paystream-sandbox", "paystream-sandbox-secret", "accounts");
    const pay = await gql(
      hub.url,
      `mutation { initiatePayment(input: { bankId: "musterbank", debtorIban: "DE80760700240271232400", creditorIban: "DE69760700240340283600",
        creditorName: "Anton", instructedAmount: { amount: "1.00", currency: "EUR" } }) { payment { id } } }`,
      undefined,
      bearer(accountsOnly),
    );
    expect(pay.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect((await gql(hub.url, `{ __typename }`, undefined, bearer(await clientCredentialsToken(hub.issuer, "paystream-sandbox", "paystream-sandbox-secret", "accounts payments")))).errors).toBeUndefined();
  });

  it("stops a live token when the TPP's suspension arrives as an event (not through this gateway), long before the cached status expires", async () => {
    const token = await clientCredentialsToken(hub.issuer, "paystream-sandbox", "paystream-sandbox-secret", "accounts");
    expect((await gql(hub.url, CONSENTS, undefined, bearer(token))).status).toBe(200);
    expect((await gql(hub.url, CONSENTS, undefined, bearer(token))).status).toBe(200);
    // Suspended in the registry itself, as another gateway or an operator tool would: the change reaches this gateway as tpp.status_changed.
    const tpps = hub.runtime!.running.get("tpps")!.createContext(operatorCaller) as { tpps: { decide(id: string, status: TppStatus, reason: string, caller: unknown): Promise<unknown> } };
    const started = Date.now();
    await tpps.tpps.decide(sandboxTppId("paystream"), TppStatus.SUSPENDED, "e2e: suspended outside the gateway", operatorCaller);
    let after = await gql(hub.url, CONSENTS, undefined, bearer(token));
    while (after.status === 200 && Date.now() - started < 15_000) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      after = await gql(hub.url, CONSENTS, undefined, bearer(token));
    }
    expect(after.status).toBe(401);
    expect(after.errors?.[0]?.extensions?.code).toBe("TPP_NOT_ACTIVE");
    expect(Date.now() - started).toBeLessThan(TPP_STATUS_CACHE_SECONDS * 1000);
  });

  it("leaves vetting to operators", async () => {
    const token = await clientCredentialsToken(hub.issuer, "finanzblick-sandbox", "finanzblick-sandbox-secret", "accounts");
    const res = await gql(hub.url, `mutation { decideTpp(input: { tppId: "${sandboxTppId("greenledger")}", status: ACTIVE, reason: "self-approval" }) { status } }`, undefined, bearer(token));
    expect(res.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });
});
