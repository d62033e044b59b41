/**
 * A TPP reads account data only under a valid consent of its own that covers that account and that
 * kind of data, within frequencyPerDay; a PSU reads only their own accounts. Each refusal has its code.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SANDBOX_PASSWORD, SANDBOX_SCA_CODE } from "../../connectors/sandbox/personas.js";
import { sandboxId } from "../../subgraphs/shared/ids.js";
import { gql, startTestHub, type TestHub } from "../helpers/hub.js";
import { bearer, clientCredentialsToken } from "../helpers/tokens.js";

let hub: TestHub;
let finanzblick: string;
let taxmate: string;
beforeAll(async () => {
  hub = await startTestHub();
  finanzblick = await clientCredentialsToken(hub.issuer, "finanzblick-sandbox", "finanzblick-sandbox-secret", "accounts");
  taxmate = await clientCredentialsToken(hub.issuer, "taxmate-sandbox", "taxmate-sandbox-secret", "accounts");
});
afterAll(() => hub?.stop());

const MAX_CONSENT = sandboxId("consent", "finanzblick:max.musterman");
const GIRO = "DE80760700240271232400";
const SAVINGS = "DE38760700240320465700";
const as = (token: string, consentId?: string, extra: Record<string, string> = {}) => ({ ...bearer(token), ...(consentId ? { "consent-id": consentId } : {}), ...extra });
const code = (res: { errors?: { extensions?: Record<string, unknown> }[] }) => res.errors?.[0]?.extensions?.code;
const READ = (iban: string) => `{ accountByIban(iban: "${iban}") { iban balances { type } transactions(first: 2) { edges { node { id } } } } }`;

describe("consent-enforced account access", () => {
  it("lets a TPP read what its valid consent covers, and lists only the covered accounts", async () => {
    const res = await gql(hub.url, `{ psu(id: "max.musterman") { accounts { iban balances { type } } } }`, undefined, as(finanzblick, MAX_CONSENT, { "psu-ip-address": "192.0.2.1" }));
    expect(res.errors).toBeUndefined();
    expect(res.data.psu.accounts.map((a: { iban: string }) => a.iban).sort()).toEqual(["DE15500105172295759744", GIRO]);
    const read = await gql(hub.url, READ(GIRO), undefined, as(finanzblick, MAX_CONSENT, { "psu-ip-address": "192.0.2.1" }));
    expect(read.errors).toBeUndefined();
    expect(read.data.accountByIban.transactions.edges).toHaveLength(2);
  });

  it("refuses without a consent, with another TPP's consent, and for an account the consent does not name", async () => {
    expect(code(await gql(hub.url, READ(GIRO), undefined, as(finanzblick)))).toBe("CONSENT_REQUIRED");
    expect(code(await gql(hub.url, READ(GIRO), undefined, as(taxmate, MAX_CONSENT)))).toBe("CONSENT_INVALID");
    expect(code(await gql(hub.url, READ(SAVINGS), undefined, as(finanzblick, MAX_CONSENT, { "psu-ip-address": "192.0.2.1" })))).toBe("CONSENT_INVALID");
    expect(code(await gql(hub.url, READ(GIRO), undefined, as(finanzblick, "00000000-0000-4000-8000-000000000000")))).toBe("CONSENT_UNKNOWN");
  });

  it("refuses a revoked and an expired consent", async () => {
    const paystream = await clientCredentialsToken(hub.issuer, "paystream-sandbox", "paystream-sandbox-secret", "accounts");
    expect(code(await gql(hub.url, READ(GIRO), undefined, as(paystream, sandboxId("consent", "paystream:max.musterman:revoked"))))).toBe("CONSENT_INVALID");
    const expired = sandboxId("consent", "finanzblick:anton.brueckner:expired");
    expect(code(await gql(hub.url, READ("DE69760700240340283600"), undefined, as(finanzblick, expired)))).toBe("CONSENT_EXPIRED");
  });

  it("does not leak account data through another federated path (Consent.accounts) under an unusable consent", async () => {
    const paystream = await clientCredentialsToken(hub.issuer, "paystream-sandbox", "paystream-sandbox-secret", "accounts");
    const revoked = sandboxId("consent", "paystream:max.musterman:revoked");
    const res = await gql(hub.url, `{ consent(id: "${revoked}") { id status accounts { iban balances { type } } } }`, undefined, as(paystream, revoked));
    expect(res.errors?.map((e) => e.extensions?.code)).toContain("CONSENT_INVALID");
    expect(JSON.stringify(res.data)).not.toContain(GIRO);
  });

  it("grants balances but not transactions when the consent says so", async () => {
    const created = await gql(
      hub.url,
      `mutation { createConsent(input: { psuId: "max.musterman", recurringIndicator: true, validUntil: "9999-12-31", frequencyPerDay: 2,
        access: { balances: [{ iban: "${GIRO}" }] } }) { consent { id } } }`,
      undefined,
      bearer(finanzblick),
    );
    const consentId = created.data.createConsent.consent.id as string;
    const started = await gql(hub.url, `mutation { startConsentAuthorisation(input: { consentId: "${consentId}", psuId: "max.musterman" }) { authorisation { id } } }`, undefined, bearer(finanzblick));
    const authorisationId = started.data.startConsentAuthorisation.authorisation.id as string;
    for (const step of [`password: "${SANDBOX_PASSWORD}"`, `authenticationMethodId: "sms"`, `scaAuthenticationData: "${SANDBOX_SCA_CODE}"`]) {
      const moved = await gql(hub.url, `mutation { updateConsentAuthorisation(input: { consentId: "${consentId}", authorisationId: "${authorisationId}", ${step} }) { consent { status } } }`, undefined, bearer(finanzblick));
      expect(moved.errors, step).toBeUndefined();
    }
    const balances = await gql(hub.url, `{ accountByIban(iban: "${GIRO}") { balances { type } } }`, undefined, as(finanzblick, consentId));
    expect(balances.errors).toBeUndefined();
    const transactions = await gql(hub.url, `{ accountByIban(iban: "${GIRO}") { transactions { edges { cursor } } } }`, undefined, as(finanzblick, consentId));
    expect(code(transactions)).toBe("CONSENT_INVALID");

    // frequencyPerDay 2 without the PSU present: two reads pass (the two above), the third is refused.
    expect(code(await gql(hub.url, `{ accountByIban(iban: "${GIRO}") { iban } }`, undefined, as(finanzblick, consentId)))).toBe("ACCESS_EXCEEDED");
    const withPsu = await gql(hub.url, `{ accountByIban(iban: "${GIRO}") { iban } }`, undefined, as(finanzblick, consentId, { "psu-ip-address": "192.0.2.1" }));
    expect(withPsu.errors).toBeUndefined();
  });
});
