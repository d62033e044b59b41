/**
 * @module The account directory: which bank and core reference a hub account id or IBAN means.
 * Filled from the cores (a full sync at start, then every account a core returns), so reads of
 * known accounts go to the right bank with one indexed lookup.
 */
import type { EntityManager } from "@mikro-orm/core";
import type { CoreAccount } from "../../connectors/contract.js";
import type { ConnectorRegistry } from "../../connectors/registry.js";
import { sql } from "../shared/orm.js";
import { AccountLink } from "./entities/account-link.entity.js";
import { accountIdOf } from "./mapper.js";

const SYNC_PAGE = 500;

export class AccountDirectory {
  /** Ids known to be in the table, so that repeat sightings cost no statement. */
  private readonly known = new Set<string>();

  constructor(private readonly connectors: ConnectorRegistry) {}

  async remember(em: EntityManager, bankId: string, accounts: readonly CoreAccount[]): Promise<void> {
    const fresh = accounts.filter((a) => !this.known.has(accountIdOf(bankId, a.ref)));
    if (fresh.length === 0) return;
    const values = fresh.map(() => "(?, ?, ?, ?, ?)").join(", ");
    const params = fresh.flatMap((a) => [accountIdOf(bankId, a.ref), bankId, a.ref, a.iban, a.currency]);
    await sql(em, `insert into accounts.account_link (id, bank_id, core_ref, iban, currency) values ${values} on conflict do nothing`, params);
    for (const a of fresh) this.known.add(accountIdOf(bankId, a.ref));
  }

  /** Reads every bank's account list into the directory. */
  async sync(em: EntityManager): Promise<number> {
    let total = 0;
    for (const bank of this.connectors.banks()) {
      const connector = this.connectors.get(bank.id);
      let after: string | undefined;
      do {
        const page = await connector.listAccounts({}, { after, limit: SYNC_PAGE });
        await this.remember(em, bank.id, page.accounts);
        total += page.accounts.length;
        after = page.next;
      } while (after);
    }
    return total;
  }

  byIds(em: EntityManager, ids: readonly string[]): Promise<AccountLink[]> {
    return em.find(AccountLink, { id: { $in: [...ids] } });
  }

  byIbans(em: EntityManager, ibans: readonly string[]): Promise<AccountLink[]> {
    return em.find(AccountLink, { iban: { $in: [...ibans] } });
  }

  /** A page of the directory in id order (keyset), optionally of one bank. */
  page(em: EntityManager, options: { bankId?: string; after?: string; size: number }): Promise<AccountLink[]> {
    return em.find(
      AccountLink,
      { ...(options.bankId ? { bankId: options.bankId } : {}), ...(options.after ? { id: { $gt: options.after } } : {}) },
      { orderBy: { id: "asc" }, limit: options.size },
    );
  }
}
