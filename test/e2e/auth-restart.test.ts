/**
 * Grants survive a restart: a PSU's refresh token still works against the restarted hub (same data
 * directory and keys), bound to the same consent, and a revocation made before the restart holds.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { decodeJwt } from "jose";
import { afterAll, describe, expect, it } from "vitest";
import { gql, startTestHub, type TestHub } from "../helpers/hub.js";
import { basic, CLIENT, psuFlows } from "../helpers/psu-flows.js";
import { bearer, clientCredentialsToken } from "../helpers/tokens.js";

const dataDir = mkdtempSync(path.join(tmpdir(), "hub-auth-restart-"));
const config = { dataDir, authIssuer: "https://hub.restart.test" };
let hub: TestHub | undefined;

afterAll(async () => {
  await hub?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe("the authorization server across a restart", () => {
  it("keeps grants, refresh tokens, consent bindings and revocations", async () => {
    hub = await startTestHub(config, { embedded: true });
    const flows = psuFlows(hub);
    const tppToken = await clientCredentialsToken(hub.url, CLIENT.id, CLIENT.secret, "accounts");
    const kept = await flows.consentTokens(tppToken);
    const revoked = await flows.consentTokens(tppToken);
    const revocation = await flows.form("/oauth/revoke", { token: revoked.refresh_token, token_type_hint: "refresh_token" }, basic(CLIENT.id, CLIENT.secret));
    expect(revocation.status).toBe(200);
    await hub.stop();

    hub = await startTestHub(config, { embedded: true });
    const restarted = psuFlows(hub);
    const refreshed = await restarted.form("/oauth/token", { grant_type: "refresh_token", refresh_token: kept.refresh_token });
    expect(refreshed.status, JSON.stringify(refreshed.body)).toBe(200);
    expect(decodeJwt(refreshed.body.access_token!)).toMatchObject({ consent_id: kept.consentId, psu_id: "max.musterman" });
    const read = await gql(hub.url, `{ accountByIban(iban: "DE80760700240271232400") { iban } }`, undefined, { ...bearer(refreshed.body.access_token!), "psu-ip-address": "192.0.2.7" });
    expect(read.errors).toBeUndefined();
    const stale = await gql(hub.url, `{ accountByIban(iban: "DE80760700240271232400") { iban } }`, undefined, bearer(revoked.access_token));
    expect(stale.errors?.[0]?.extensions).toMatchObject({ code: "UNAUTHENTICATED", reason: "its grant was revoked" });
  });
});
