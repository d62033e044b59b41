/**
 * @module The bank's account directory, from configuration: ISO 8583 has no message that lists
 * accounts or their owners, so these answers never reach the switch.
 */
import { electronicFormatIBAN } from "ibantools";
import type { CoreAccount } from "../contract.js";
import { HubError } from "../../subgraphs/shared/errors.js";

const normalizeIban = (iban: string) => electronicFormatIBAN(iban) ?? iban.replace(/\s+/g, "").toUpperCase();

export class AccountDirectory {
  private readonly byRef: ReadonlyMap<string, CoreAccount>;
  private readonly byIban: ReadonlyMap<string, CoreAccount>;
  private readonly ordered: readonly CoreAccount[];

  constructor(accounts: readonly CoreAccount[]) {
    this.ordered = [...accounts].sort((a, b) => (a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0));
    this.byRef = new Map(accounts.map((a) => [a.ref, a]));
    this.byIban = new Map(accounts.map((a) => [normalizeIban(a.iban), a]));
  }

  account(ref: string): CoreAccount | undefined {
    return this.byRef.get(ref);
  }

  accountByIban(iban: string): CoreAccount | undefined {
    return this.byIban.get(normalizeIban(iban));
  }

  ofPsu(psuId: string): CoreAccount[] {
    return this.ordered.filter((a) => a.psuIds.includes(psuId)).map(copy);
  }

  byRefs(refs: readonly string[]): Map<string, CoreAccount> {
    return found(refs, (ref) => this.byRef.get(ref));
  }

  byIbans(ibans: readonly string[]): Map<string, CoreAccount> {
    return found(ibans, (iban) => this.accountByIban(iban));
  }

  /** A page of the directory in account-number order; `after` is the last account number of the previous page. */
  page(after: string | undefined, limit: number): { accounts: CoreAccount[]; next?: string } {
    if (after !== undefined && !this.byRef.has(after)) {
      throw new HubError("INVALID_CURSOR", `"${after}" is not a cursor of this bank's account directory.`, { details: { after } });
    }
    const start = after === undefined ? 0 : this.ordered.findIndex((a) => a.ref === after) + 1;
    const accounts = this.ordered.slice(start, start + Math.max(0, limit)).map(copy);
    const more = start + accounts.length < this.ordered.length;
    return more && accounts.length > 0 ? { accounts, next: accounts[accounts.length - 1]!.ref } : { accounts };
  }
}

const copy = (a: CoreAccount): CoreAccount => ({ ...a, psuIds: [...a.psuIds] });

function found(keys: readonly string[], lookup: (key: string) => CoreAccount | undefined): Map<string, CoreAccount> {
  const out = new Map<string, CoreAccount>();
  for (const key of keys) {
    const account = lookup(key);
    if (account) out.set(key, copy(account));
  }
  return out;
}
