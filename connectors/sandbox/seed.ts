/**
 * @module Deterministic sandbox data for one bank: the same customers, IBANs and ids on every
 * machine, with ninety days of history ending on the seed day. Written once, in one transaction.
 */
import type { EntityManager } from "@mikro-orm/core";
import { CURRENCY_EXPONENTS } from "../../subgraphs/shared/money.js";
import { sql } from "../../subgraphs/shared/orm.js";
import { hashPassword } from "./password.js";
import { SANDBOX_PASSWORD, SANDBOX_SCA_CODE, SANDBOX_SCA_METHODS } from "./personas.js";
import { Random } from "./seed/random.js";
import { Activity } from "./seed/activity.js";
import { planCustomers, type SeedAccount, type SeedCustomer } from "./seed/customers.js";
import { amountBetween, clearingAccountId, SeedLedger, type EntryRow, type PostingRow } from "./seed/ledger.js";

export interface SeedBank {
  id: string;
  name: string;
  bankCode: string;
}

export interface SeedPlan {
  customers: SeedCustomer[];
  accounts: SeedAccount[];
  entries: EntryRow[];
  postings: PostingRow[];
}

/** The whole seed of a bank as rows, without touching the database. */
export function planSeed(bank: SeedBank, today: string): SeedPlan {
  const rnd = new Random(`sandbox-seed:${bank.id}`);
  const { customers, accounts } = planCustomers(bank, rnd);
  const ledger = new SeedLedger(bank.id, today);
  const activity = new Activity(rnd, ledger, bank.name);
  const holds = (a: SeedAccount, c: SeedCustomer) => a.holders.some((h) => h.id === c.id);
  for (const account of accounts) {
    const holder = account.holders[0]!;
    if (account.role === "current") {
      activity.current(account, {
        savings: accounts.find((a) => a.role === "savings" && holds(a, holder)),
        joint: accounts.find((a) => a.role === "joint" && holds(a, holder)),
      });
    } else if (account.role === "joint") activity.joint(account);
    else if (account.role === "savings") activity.savings(account);
    else if (account.role === "fx") activity.foreignCurrency(account);
    else activity.dormant(account);
  }
  const cushions = { current: [300, 4000], joint: [200, 1500], savings: [2000, 25000], fx: [200, 3000], dormant: [20, 900] } as const;
  for (const account of accounts) {
    const [min, max] = cushions[account.role];
    ledger.open(account, bank.name, amountBetween(rnd, min, max));
  }
  return { customers, accounts, entries: ledger.entries, postings: ledger.postings };
}

let passwordHash: Promise<string> | undefined;

/** Every sandbox customer has the published password, so one hash (computed once per process) serves them all. */
function sandboxPasswordHash(): Promise<string> {
  passwordHash ??= hashPassword(SANDBOX_PASSWORD);
  return passwordHash;
}

/**
 * Many rows in one statement: the rows travel as one dollar-quoted JSON literal. Inlined by hand
 * because MikroORM's escaper walks a megabyte of JSON a character at a time.
 */
async function insertRows(tx: EntityManager, table: string, rows: readonly object[], chunk = 2500): Promise<void> {
  const columns = Object.keys(rows[0] ?? {}).join(", ");
  for (let i = 0; i < rows.length; i += chunk) {
    const json = JSON.stringify(rows.slice(i, i + chunk));
    if (json.includes("$rows$")) throw new Error(`Seed rows for ${table} contain "$rows$", which would end the SQL literal.`);
    await sql(tx, `insert into sandbox.${table} (${columns}) select ${columns} from json_populate_recordset(null::sandbox.${table}, $rows$${json}$rows$) on conflict do nothing`);
  }
}

/** The bank's internal clearing account per currency: every payment to the outside world is balanced against it. */
export async function ensureClearingAccounts(em: EntityManager, bank: { id: string; name: string }): Promise<void> {
  const rows = Object.keys(CURRENCY_EXPONENTS).map((currency) => ({
    id: clearingAccountId(bank.id, currency),
    bank_id: bank.id,
    iban: null,
    currency,
    name: `Clearing ${currency}`,
    product: "Verrechnungskonto",
    cash_account_type: "TRAS",
    status: "enabled",
    owner_name: bank.name,
    kind: "internal",
    credit_limit_minor: 0,
  }));
  await insertRows(em, "account", rows);
}

/** Seeds `bank` unless it already has customers; answers what it wrote (null when it wrote nothing). */
export async function seedBank(em: EntityManager, bank: SeedBank, today: string): Promise<SeedPlan | null> {
  return em.transactional(async (tx) => {
    const [existing] = await sql<{ n: number }>(tx, `select count(*)::int as n from sandbox.customer where bank_id = ?`, [bank.id]);
    if (existing && existing.n > 0) return null;
    const passwordHash = await sandboxPasswordHash();
    const plan = planSeed(bank, today);
    await insertRows(tx, "customer", plan.customers.map((c) => ({ id: c.id, bank_id: bank.id, login: c.login, name: c.name, password_hash: passwordHash, sca_code: SANDBOX_SCA_CODE })));
    for (const [login, methods] of Object.entries(SANDBOX_SCA_METHODS.byLogin)) {
      await sql(tx, `update sandbox.customer set sca_methods = ?::jsonb where bank_id = ? and login = ?`, [JSON.stringify(methods), bank.id, login]);
    }
    await insertRows(tx, "account", plan.accounts.map((a) => ({
      id: a.id, bank_id: bank.id, iban: a.iban, currency: a.currency, name: a.name, product: a.product, cash_account_type: a.cashAccountType,
      status: a.status, owner_name: a.ownerName, kind: "customer", credit_limit_minor: a.creditLimitMinor.toString(),
    })));
    await insertRows(tx, "account_holder", plan.accounts.flatMap((a) => a.holders.map((h) => ({ account_id: a.id, customer_id: h.id }))));
    await insertRows(tx, "entry", plan.entries);
    await insertRows(tx, "posting", plan.postings);
    return plan;
  });
}
