/** Berlin Group flows the tests share: an AIS consent authorised the embedded way, with the sandbox personas. */
import { expect } from "vitest";
import type { BerlinGroupClient } from "./client.js";

export const PSU_IP = { "psu-ip-address": "192.0.2.10" };
export const PASSWORD = "12345";
export const TAN = "123456";

export interface ConsentAccess {
  accounts?: { iban: string; currency?: string }[];
  balances?: { iban: string; currency?: string }[];
  transactions?: { iban: string; currency?: string }[];
  availableAccounts?: string;
  allPsd2?: string;
}

export function consentBody(access: ConsentAccess, overrides: Record<string, unknown> = {}) {
  return { access, recurringIndicator: true, validUntil: "9999-12-31", frequencyPerDay: 4, combinedServiceIndicator: false, ...overrides };
}

/** POST /v1/consents the embedded way, then password, method choice (when asked) and TAN: a valid consent. */
export async function validConsent(tpp: BerlinGroupClient, psuId: string, access: ConsentAccess, overrides: Record<string, unknown> = {}): Promise<string> {
  const created = await tpp.post("/v1/consents", consentBody(access, overrides), { headers: { ...PSU_IP, "psu-id": psuId, "tpp-redirect-preferred": "false" } });
  expect(created.status, created.text).toBe(201);
  const consentId = created.body.consentId as string;
  const started = await tpp.post(created.body._links.startAuthorisationWithPsuAuthentication.href, { psuData: { password: PASSWORD } }, { headers: { "psu-id": psuId } });
  expect(started.status, started.text).toBe(201);
  let step = started.body;
  const path = `/v1/consents/${consentId}/authorisations/${started.body.authorisationId}`;
  if (step._links?.selectAuthenticationMethod) {
    step = (await tpp.put(path, { authenticationMethodId: step.scaMethods[0].authenticationMethodId }, { headers: { "psu-id": psuId } })).body;
  }
  if (step.scaStatus !== "exempted") {
    expect(step._links.authoriseTransaction).toBeDefined();
    step = (await tpp.put(path, { scaAuthenticationData: TAN }, { headers: { "psu-id": psuId } })).body;
  }
  expect(["finalised", "exempted"]).toContain(step.scaStatus);
  return consentId;
}
