/**
 * One hub, five banks, five kinds of core: the embedded sandbox, ISO 20022 over HTTP, ISO 8583 over
 * TCP, a REST core and a SOAP service, each on its own simulator on loopback. One GraphQL query lists
 * a PSU's accounts and balances at all of them; the fintech cannot tell the cores apart.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SANDBOX_PERSONAS } from "../../connectors/sandbox/personas.js";
import { SEED_ACCOUNTS } from "../simulators/iso20022/index.js";
import { SIM_ACCOUNTS } from "../simulators/iso8583/index.js";
import { BANK_IDS, startCores, type Cores } from "../helpers/multi-core.js";
import { gql, startTestHub, type TestHub } from "../helpers/hub.js";

let cores: Cores;
let hub: TestHub;
beforeAll(async () => {
  cores = await startCores();
  hub = await startTestHub({ banks: cores.banks() });
});
afterAll(async () => {
  await hub?.stop();
  await cores?.close();
});

const PSU = "max.musterman";

const ACCOUNTS_ACROSS_BANKS = `query AccountsAcrossBanks($psu: ID!) {
  psu(id: $psu) {
    accounts {
      iban currency name
      bank { id connectorKind }
      balances { type amount { amount currency } }
    }
  }
}`;

/** Max's IBANs as each core holds them. */
function expectedIbans(): Record<string, string[]> {
  const rest = (ledger: Cores["rest"]["ledger"]) => ledger.accountsOf(PSU)!.filter((a) => a.status !== "deleted").map((a) => a.iban);
  return {
    [BANK_IDS.sandbox]: SANDBOX_PERSONAS.find((p) => p.login === PSU)!.accounts.filter((a) => a.bankId === "musterbank").map((a) => a.iban),
    [BANK_IDS.iso20022]: SEED_ACCOUNTS.filter((a) => a.psuIds.includes(PSU)).map((a) => a.iban),
    [BANK_IDS.iso8583]: SIM_ACCOUNTS.filter((a) => a.psuIds.includes(PSU)).map((a) => a.iban),
    [BANK_IDS.rest]: rest(cores.rest.ledger),
    [BANK_IDS.soap]: rest(cores.soap.ledger),
  };
}

describe("a PSU's accounts across five banks on five kinds of core", () => {
  it("lists every account with its balances in one query, one core call per bank and operation", async () => {
    const connectors = hub.runtime!.connectors;
    const before = new Map(connectors.calls);
    const res = await gql(hub.url, ACCOUNTS_ACROSS_BANKS, { psu: PSU });
    expect(res.errors).toBeUndefined();
    const accounts = res.data.psu.accounts as { iban: string; currency: string; bank: { id: string; connectorKind: string }; balances: { type: string; amount: { amount: string; currency: string } }[] }[];

    const byBank: Record<string, string[]> = {};
    for (const account of accounts) (byBank[account.bank.id] ??= []).push(account.iban);
    for (const ids of Object.values(byBank)) ids.sort();
    const expected = expectedIbans();
    for (const ids of Object.values(expected)) ids.sort();
    expect(byBank).toEqual(expected);
    expect(new Set(accounts.map((a) => a.bank.connectorKind))).toEqual(new Set(["sandbox", "iso20022", "iso8583", "rest", "soap"]));

    for (const account of accounts) {
      expect(account.balances.length, account.iban).toBeGreaterThan(0);
      for (const balance of account.balances) {
        expect(balance.amount.currency).toBe(account.currency);
        expect(balance.amount.amount).toMatch(/^-?\d+(\.\d+)?$/);
      }
    }

    const made = (operation: string) => Object.values(BANK_IDS).map((bank) => (connectors.calls.get(`${bank}.${operation}`) ?? 0) - (before.get(`${bank}.${operation}`) ?? 0));
    expect(made("accountsOfPsu")).toEqual([1, 1, 1, 1, 1]);
    expect(made("balances")).toEqual([1, 1, 1, 1, 1]);
  });

  it("reports every bank UP with a closed circuit, in GraphQL and at /readyz", async () => {
    const res = await gql(hub.url, `query BankHealth { banks { id connectorKind health { status circuit latencyMs detail } } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data.banks.map((b: any) => [b.id, b.connectorKind])).toEqual(Object.entries(BANK_IDS).map(([kind, id]) => [id, kind]));
    for (const bank of res.data.banks) {
      expect(bank.health, bank.id).toMatchObject({ status: "UP", circuit: "CLOSED", detail: null });
      expect(bank.health.latencyMs).toBeGreaterThanOrEqual(0);
    }
    const readyz = await fetch(`${hub.url}/readyz`);
    const body = (await readyz.json()) as { status: string; checks: Record<string, { ok: boolean }> };
    expect(readyz.status).toBe(200);
    for (const id of Object.values(BANK_IDS)) expect(body.checks[`bank:${id}`]).toEqual({ ok: true });
  });
});
