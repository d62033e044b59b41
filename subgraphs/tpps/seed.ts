/** @module Deterministic sandbox TPPs, their vetting history and apps; written once, on first start. */
import type { EntityManager } from "@mikro-orm/core";
import { sandboxId } from "../shared/ids.js";
import { SANDBOX_TPPS, sandboxTppId } from "../shared/sandbox.js";
import { Tpp, TppApplication, TppRole, TppStatus, VettingDecision } from "./entities/index.js";
import { ApplicationStatus, ClientAuthMethod } from "./entities/tpp-application.entity.js";

/** Sandbox apps authenticate with a published secret (client_secret_basic), so a TPP can try the hub at once. */
export const sandboxClientSecret = (key: string) => `${key}-sandbox-secret`;

const SEEDED_AT = new Date("2026-01-15T09:00:00Z");

export async function seedTpps(em: EntityManager): Promise<void> {
  if ((await em.count(Tpp, {})) > 0) return;
  await em.transactional(async (tx) => {
    for (const cast of SANDBOX_TPPS) {
      const id = sandboxTppId(cast.key);
      tx.persist(
        Object.assign(new Tpp(), {
          id,
          legalName: cast.legalName,
          authorisationNumber: cast.authorisationNumber,
          nationalCompetentAuthority: cast.nationalCompetentAuthority,
          country: cast.country,
          roles: cast.roles as TppRole[],
          status: cast.status as TppStatus,
          contacts: [{ name: "Developer Relations", email: `developers@${cast.key}.example`, role: "technical" }],
          createdAt: SEEDED_AT,
        }),
      );
      const history: [TppStatus | null, TppStatus, string][] = [[null, TppStatus.PENDING, "registered"]];
      if (cast.status !== "pending") history.push([TppStatus.PENDING, TppStatus.ACTIVE, "NCA register checked, eIDAS certificate valid"]);
      if (cast.status === "suspended") history.push([TppStatus.ACTIVE, TppStatus.SUSPENDED, "unusual request volume under review"]);
      history.forEach(([from, to, reason], step) =>
        tx.persist(
          Object.assign(new VettingDecision(), {
            id: sandboxId("vetting", `${cast.key}:${step}`),
            tppId: id,
            fromStatus: from,
            toStatus: to,
            decidedBy: step === 0 ? "system" : "operator:sandbox",
            reason,
            decidedAt: new Date(SEEDED_AT.getTime() + step * 86_400_000),
          }),
        ),
      );
      tx.persist(
        Object.assign(new TppApplication(), {
          id: sandboxId("application", cast.key),
          tppId: id,
          name: `${cast.legalName} app`,
          clientId: `${cast.key}-sandbox`,
          redirectUris: [`https://${cast.key}.example/callback`, "http://localhost:8080/callback"],
          tokenEndpointAuthMethod: ClientAuthMethod.CLIENT_SECRET_BASIC,
          jwks: null,
          clientSecret: sandboxClientSecret(cast.key),
          status: ApplicationStatus.ACTIVE,
          softwareId: null,
          decisionReason: null,
          createdAt: SEEDED_AT,
        }),
      );
    }
  });
}
