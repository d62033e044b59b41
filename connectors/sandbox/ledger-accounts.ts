/** @module Account look-ups: each one SQL statement, whatever the number of accounts asked for. */
import type { EntityManager } from "@mikro-orm/core";
import type { AccountStatus, CoreAccount } from "../contract.js";
import { sql } from "../../subgraphs/shared/orm.js";
import { normalizeIban } from "./iban.js";
import { badCursor, uuidRefs } from "./ledger-sql.js";
import { validate } from "uuid";

interface AccountRow {
  id: string;
  iban: string;
  currency: string;
  name: string;
  product: string;
  cash_account_type: string;
  status: AccountStatus;
  owner_name: string;
  psu_ids: string;
}

const SELECT_ACCOUNT = `select a.id, a.iban, a.currency, a.name, a.product, a.cash_account_type, a.status, a.owner_name,
  (select coalesce(json_agg(c.login order by c.login), '[]')::text
     from sandbox.account_holder h join sandbox.customer c on c.id = h.customer_id where h.account_id = a.id) as psu_ids
  from sandbox.account a
  where a.bank_id = ? and a.kind = 'customer'`;

function toAccount(row: AccountRow): CoreAccount {
  return {
    ref: row.id,
    iban: row.iban,
    currency: row.currency,
    name: row.name,
    product: row.product,
    cashAccountType: row.cash_account_type,
    status: row.status,
    ownerName: row.owner_name,
    psuIds: JSON.parse(row.psu_ids) as string[],
  };
}

export async function accountsOfPsu(em: EntityManager, bankId: string, psuId: string): Promise<CoreAccount[]> {
  const rows = await sql<AccountRow>(
    em,
    `${SELECT_ACCOUNT} and exists (select 1 from sandbox.account_holder h join sandbox.customer c on c.id = h.customer_id
       where h.account_id = a.id and c.bank_id = ? and c.login = ?)
     order by a.cash_account_type, a.currency, a.iban`,
    [bankId, bankId, psuId],
  );
  return rows.map(toAccount);
}

export async function accountsByRefs(em: EntityManager, bankId: string, refs: readonly string[]): Promise<Map<string, CoreAccount>> {
  const ids = uuidRefs(refs);
  const found = new Map<string, CoreAccount>();
  if (ids.length === 0) return found;
  const rows = await sql<AccountRow>(em, `${SELECT_ACCOUNT} and a.id in (?)`, [bankId, ids]);
  const byId = new Map(rows.map((row) => [row.id, toAccount(row)]));
  for (const ref of refs) {
    const account = byId.get(ref.toLowerCase());
    if (account) found.set(ref, account);
  }
  return found;
}

export async function accountsByIbans(em: EntityManager, bankId: string, ibans: readonly string[]): Promise<Map<string, CoreAccount>> {
  const wanted = [...new Set(ibans.map(normalizeIban))];
  const found = new Map<string, CoreAccount>();
  if (wanted.length === 0) return found;
  const rows = await sql<AccountRow>(em, `${SELECT_ACCOUNT} and a.iban in (?)`, [bankId, wanted]);
  const byIban = new Map(rows.map((row) => [row.iban, toAccount(row)]));
  for (const iban of ibans) {
    const account = byIban.get(normalizeIban(iban));
    if (account) found.set(iban, account);
  }
  return found;
}

export async function listAccounts(
  em: EntityManager,
  bankId: string,
  page: { after?: string; limit: number },
): Promise<{ accounts: CoreAccount[]; next?: string }> {
  if (page.after !== undefined && !validate(page.after)) throw badCursor("after", page.after);
  const limit = Math.max(1, Math.floor(page.limit));
  const rows = await sql<AccountRow>(
    em,
    `${SELECT_ACCOUNT}${page.after ? " and a.id > ?" : ""} order by a.id limit ?`,
    page.after ? [bankId, page.after.toLowerCase(), limit + 1] : [bankId, limit + 1],
  );
  const accounts = rows.slice(0, limit).map(toAccount);
  return rows.length > limit ? { accounts, next: accounts[accounts.length - 1]!.ref } : { accounts };
}
