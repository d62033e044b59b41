/** @module Deterministic sandbox consents (ids from sandboxId; dates relative to the seeding day), written once. */
import type { EntityManager } from "@mikro-orm/core";
import { SANDBOX_PERSONAS } from "../../connectors/sandbox/personas.js";
import { sandboxId } from "../shared/ids.js";
import { sandboxTppId } from "../shared/sandbox.js";
import { addDays, dayOf } from "./consent-validation.js";
import {
  AllAccountsScope,
  Consent,
  type ConsentAccess,
  type ConsentAccountReference,
  ConsentAuthorisation,
  ConsentStatus as S,
  ConsentStatusChange,
  ConsentType,
  ScaStatus,
} from "./entities/index.js";

const DAY = 86_400_000;

interface SeedConsent {
  key: string;
  login: string;
  tpp: string;
  type?: ConsentType;
  access: Partial<ConsentAccess>;
  recurring: boolean;
  frequencyPerDay: number;
  /** Days after the seeding day (negative: in the past). */
  validUntil: number;
  createdDaysAgo: number;
  /** Statuses after RECEIVED, with how many days after creation each was reached. */
  path: [S, number][];
}

/** Account references of a persona, as `accounts` lists name them. */
function refs(login: string, filter: (a: { bankId: string; currency: string; cashAccountType: string }) => boolean): ConsentAccountReference[] {
  const persona = SANDBOX_PERSONAS.find((p) => p.login === login);
  if (!persona) throw new Error(`No sandbox persona "${login}".`);
  return persona.accounts.filter(filter).map((a) => ({ iban: a.iban, currency: a.currency }));
}

function cast(): SeedConsent[] {
  // His EUR current accounts at musterbank and beispielbank.
  const wanted = ["DE80760700240271232400", "DE15500105172295759744"];
  const maxBoth = refs("max.musterman", (a) => a.currency === "EUR" && a.cashAccountType === "CACC");
  const maxGiro = maxBoth.filter((r) => r.iban === wanted[0]);
  if (maxBoth.map((r) => r.iban).join() !== wanted.join()) throw new Error(`Sandbox personas lack one of max.musterman's accounts ${wanted.join(", ")}.`);
  const marion = refs("marion.mueller", () => true);
  const anton = refs("anton.brueckner", () => true);
  return [
    { key: "finanzblick:max.musterman", login: "max.musterman", tpp: "finanzblick", access: { accounts: maxBoth, balances: maxBoth, transactions: maxBoth },
      recurring: true, frequencyPerDay: 4, validUntil: 90, createdDaysAgo: 10, path: [[S.VALID, 0]] },
    { key: "taxmate:anton.brueckner", login: "anton.brueckner", tpp: "taxmate", access: { allPsd2: AllAccountsScope.ALL_ACCOUNTS },
      recurring: true, frequencyPerDay: 4, validUntil: 120, createdDaysAgo: 5, path: [[S.VALID, 0]] },
    { key: "paystream:marion.mueller", login: "marion.mueller", tpp: "paystream", access: { accounts: marion, balances: marion },
      recurring: true, frequencyPerDay: 2, validUntil: 60, createdDaysAgo: 0, path: [] },
    { key: "checkfunds:max.musterman", login: "max.musterman", tpp: "checkfunds", type: ConsentType.PIIS,
      access: { fundsConfirmation: { account: maxGiro[0]!, cardNumber: "4111111111111111", cardExpiryDate: "12/29" } },
      recurring: true, frequencyPerDay: 1, validUntil: 180, createdDaysAgo: 3, path: [[S.VALID, 0]] },
    { key: "paystream:max.musterman:revoked", login: "max.musterman", tpp: "paystream", access: { accounts: maxGiro, transactions: maxGiro },
      recurring: true, frequencyPerDay: 4, validUntil: 30, createdDaysAgo: 40, path: [[S.VALID, 0], [S.REVOKED_BY_PSU, 20]] },
    { key: "finanzblick:anton.brueckner:expired", login: "anton.brueckner", tpp: "finanzblick", access: { accounts: anton, balances: anton },
      recurring: true, frequencyPerDay: 4, validUntil: -15, createdDaysAgo: 60, path: [[S.VALID, 0], [S.EXPIRED, 46]] },
  ];
}

/** The bank of the persona's first account: where the PSU authenticates. */
const personaBank = (login: string) => SANDBOX_PERSONAS.find((p) => p.login === login)!.accounts[0]!.bankId;

export async function seedConsents(em: EntityManager, now: Date = new Date()): Promise<void> {
  if ((await em.count(Consent, {})) > 0) return;
  const today = dayOf(now);
  const morning = Date.parse(`${today}T08:00:00Z`);
  await em.transactional(async (tx) => {
    for (const c of cast()) {
      const id = sandboxId("consent", c.key);
      const createdAt = new Date(morning - c.createdDaysAgo * DAY);
      const steps: [S | null, S, Date, string][] = [[null, S.RECEIVED, createdAt, "requested by TPP"]];
      let status = S.RECEIVED;
      for (const [to, after] of c.path) {
        const at = new Date(createdAt.getTime() + after * DAY + 5 * 60_000);
        steps.push([status, to, at, REASONS[to] ?? "sandbox"]);
        status = to;
      }
      const lastAt = steps.at(-1)![2];
      tx.persist(
        Object.assign(new Consent(), {
          id,
          type: c.type ?? ConsentType.AIS,
          psuId: c.login,
          tppId: sandboxTppId(c.tpp),
          bankId: personaBank(c.login),
          tppRedirectUri: null,
          tppNokRedirectUri: null,
          status,
          access: { accounts: [], balances: [], transactions: [], availableAccounts: null, availableAccountsWithBalance: null, allPsd2: null, fundsConfirmation: null, ...c.access },
          recurringIndicator: c.recurring,
          validUntil: addDays(today, c.validUntil),
          frequencyPerDay: c.frequencyPerDay,
          combinedServiceIndicator: false,
          requiredAuthorisations: 1,
          lastActionDate: dayOf(lastAt),
          createdAt,
          updatedAt: lastAt,
        }),
      );
      steps.forEach(([from, to, at, reason], step) =>
        tx.persist(
          Object.assign(new ConsentStatusChange(), {
            id: sandboxId("consent-status", `${c.key}:${step}`),
            consentId: id,
            fromStatus: from,
            toStatus: to,
            reason,
            changedBy: to === S.EXPIRED ? "system" : from === null ? `tpp:${sandboxTppId(c.tpp)}` : `psu:${c.login}`,
            changedAt: at,
          }),
        ),
      );
      if (c.path.length === 0) continue;
      const finishedAt = steps[1]![2];
      tx.persist(
        Object.assign(new ConsentAuthorisation(), {
          id: sandboxId("consent-authorisation", c.key),
          consentId: id,
          psuId: c.login,
          scaStatus: ScaStatus.FINALISED,
          scaMethods: null,
          chosenScaMethod: { authenticationType: "SMS_OTP", authenticationMethodId: "sms-otp", name: "SMS to +49 *** 1234" },
          createdAt: new Date(createdAt.getTime() + 60_000),
          updatedAt: finishedAt,
          finishedAt,
        }),
      );
    }
  });
}

const REASONS: Partial<Record<S, string>> = {
  [S.VALID]: "authorisation finalised (1 of 1)",
  [S.REVOKED_BY_PSU]: "revoked by PSU",
  [S.EXPIRED]: "validUntil has passed",
};
