/** @module Balances of many accounts in one SQL statement, summed from the postings. */
import type { EntityManager } from "@mikro-orm/core";
import type { AccountStatus, CoreBalance } from "../contract.js";
import { sql } from "../../subgraphs/shared/orm.js";
import { addDays } from "./dates.js";
import { minor, sumWhere, uuidRefs } from "./ledger-sql.js";

export interface AccountFunds {
  id: string;
  currency: string;
  status: AccountStatus;
  creditLimit: bigint;
  closingBooked: bigint;
  interimBooked: bigint;
  expected: bigint;
  available: bigint;
}

interface FundsRow {
  id: string;
  currency: string;
  status: AccountStatus;
  credit_limit: string;
  closing_booked: string;
  interim_booked: string;
  expected: string;
}

/** Funds of the bank's customer accounts among `refs`; unknown refs are left out. */
export async function accountFunds(em: EntityManager, bankId: string, refs: readonly string[], today: string): Promise<Map<string, AccountFunds>> {
  const ids = uuidRefs(refs);
  const funds = new Map<string, AccountFunds>();
  if (ids.length === 0) return funds;
  const rows = await sql<FundsRow>(
    em,
    `select a.id, a.currency, a.status, a.credit_limit_minor::text as credit_limit,
       ${sumWhere("e.status = 'booked' and e.booking_date < ?::date")} as closing_booked,
       ${sumWhere("e.status = 'booked'")} as interim_booked,
       ${sumWhere("e.status in ('booked', 'pending')")} as expected
     from sandbox.account a
     left join sandbox.posting p on p.account_id = a.id
     left join sandbox.entry e on e.id = p.entry_id
     where a.bank_id = ? and a.kind = 'customer' and a.id in (?)
     group by a.id`,
    [today, bankId, ids],
  );
  for (const row of rows) {
    const creditLimit = minor(row.credit_limit);
    const expected = minor(row.expected);
    funds.set(row.id, {
      id: row.id,
      currency: row.currency,
      status: row.status,
      creditLimit,
      closingBooked: minor(row.closing_booked),
      interimBooked: minor(row.interim_booked),
      expected,
      available: expected + creditLimit,
    });
  }
  return funds;
}

export function toBalances(funds: AccountFunds, today: string): CoreBalance[] {
  const balance = (type: CoreBalance["type"], amountMinor: bigint, referenceDate = today, creditLimitIncluded = false): CoreBalance => ({
    type,
    amountMinor,
    currency: funds.currency,
    referenceDate,
    creditLimitIncluded,
  });
  return [
    balance("closingBooked", funds.closingBooked, addDays(today, -1)),
    balance("interimBooked", funds.interimBooked),
    balance("expected", funds.expected),
    balance("interimAvailable", funds.available, today, funds.creditLimit > 0n),
  ];
}
