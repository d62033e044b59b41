import { isValidIBAN } from "ibantools";
import { v5 } from "uuid";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "../../subgraphs/shared/orm.js";
import { SANDBOX_BANKS } from "./banks.js";
import { addDays, isoDate } from "./dates.js";
import { germanIban } from "./iban.js";
import { createSandboxConnector, SANDBOX_PERSONAS, sandboxAccountRef } from "./index.js";
import { verifyPassword } from "./password.js";
import { planSeed } from "./seed.js";
import { idFactory } from "./seed/ids.js";
import { sandboxId } from "../../subgraphs/shared/ids.js";
import { openTestBanks, type TestBanks } from "./test-bank.js";

const ctx = {};
const count = async (b: TestBanks, query: string) => (await sql<{ n: number }>(b.em(), `select count(*)::int as n ${query}`))[0]!.n;

describe("sandbox seed", () => {
  let b: TestBanks;
  beforeAll(async () => {
    b = await openTestBanks();
  });
  afterAll(async () => b?.t.drop());

  it("is quick", () => {
    console.info(`sandbox seed of both banks on ${b.t.db.kind}: ${Math.round(b.seedMs)} ms`);
    // Generous: test files share the CPU; alone, the seed takes well under a second.
    expect(b.seedMs).toBeLessThan(b.t.db.kind === "pglite" ? 6_000 : 3_000);
  });

  it("has the promised volume across the two banks", async () => {
    expect(await count(b, `from (select distinct login from sandbox.customer) c`)).toBeGreaterThanOrEqual(20);
    expect(await count(b, `from sandbox.account where kind = 'customer'`)).toBeGreaterThanOrEqual(60);
    expect(await count(b, `from (select distinct currency from sandbox.account where kind = 'customer') c`)).toBeGreaterThanOrEqual(3);
    expect(await count(b, `from sandbox.posting p join sandbox.account a on a.id = p.account_id where a.kind = 'customer'`)).toBeGreaterThanOrEqual(5_000);
    expect(await count(b, `from sandbox.entry where status = 'pending'`)).toBeGreaterThan(10);
    expect(await count(b, `from sandbox.account where credit_limit_minor > 0`)).toBeGreaterThanOrEqual(3);
    expect(await count(b, `from sandbox.account where status = 'blocked'`)).toBeGreaterThanOrEqual(1);
    const oldest = await sql<{ d: string }>(b.em(), `select min(ledger_date)::text as d from sandbox.posting`);
    expect(oldest[0]!.d).toBe(addDays(isoDate(new Date()), -91));
  });

  it("gives every persona its exact accounts, at the right bank", async () => {
    for (const persona of SANDBOX_PERSONAS) {
      for (const bank of ["musterbank", "beispielbank"] as const) {
        const wanted = persona.accounts.filter((a) => a.bankId === bank);
        const got = await b[bank].accountsOfPsu(ctx, persona.login);
        expect(got.map((a) => [a.iban, a.currency, a.ref, a.ownerName]).sort()).toEqual(
          wanted.map((a) => [a.iban, a.currency, sandboxAccountRef(a.iban), persona.name]).sort(),
        );
      }
    }
    const max = await b.musterbank.accountsOfPsu(ctx, "max.musterman");
    expect(max.map((a) => a.currency).sort()).toEqual(["EUR", "EUR", "USD"]);
  });

  it("stores the sandbox password and SCA code for every customer", async () => {
    const customers = await sql<{ login: string; password_hash: string; sca_code: string }>(b.em(), `select login, password_hash, sca_code from sandbox.customer`);
    expect(customers.map((c) => c.sca_code)).toEqual(customers.map(() => "123456"));
    expect(await verifyPassword("12345", customers[0]!.password_hash)).toBe(true);
    expect(await verifyPassword("54321", customers[0]!.password_hash)).toBe(false);
    expect(customers.map((c) => c.login)).toEqual(expect.arrayContaining(["max.musterman", "anton.brueckner", "marion.mueller"]));
  });

  it("uses valid IBANs only, and positive balances", async () => {
    const rows = await sql<{ iban: string | null }>(
      b.em(),
      `select iban from sandbox.account where iban is not null union select creditor_iban from sandbox.entry union select debtor_iban from sandbox.entry`,
    );
    const ibans = rows.map((r) => r.iban).filter((i): i is string => i !== null);
    expect(ibans.length).toBeGreaterThan(100);
    expect(ibans.filter((i) => !isValidIBAN(i))).toEqual([]);
    const negative = await sql(
      b.em(),
      `select p.account_id from sandbox.posting p join sandbox.account a on a.id = p.account_id join sandbox.entry e on e.id = p.entry_id
       where a.kind = 'customer' and e.status = 'booked' group by p.account_id having sum(p.amount_minor) <= 0`,
    );
    expect(negative).toEqual([]);
  });

  it("balances every entry to zero in each currency (double entry)", async () => {
    const sums = await sql<{ entries: number; unbalanced: number }>(
      b.em(),
      `select count(distinct entry_id)::int as entries, count(*) filter (where total <> 0)::int as unbalanced
       from (select entry_id, currency, sum(amount_minor) as total from sandbox.posting group by entry_id, currency) s`,
    );
    expect(sums[0]!.entries).toBeGreaterThan(5_000);
    expect(sums[0]!.unbalanced).toBe(0);
    const legless = await count(b, `from sandbox.entry e left join (select entry_id, count(*) as legs from sandbox.posting group by entry_id) p on p.entry_id = e.id
      where coalesce(p.legs, 0) < 2`);
    expect(legless).toBe(0);
    const orphans = await count(b, `from sandbox.posting p left join sandbox.entry e on e.id = p.entry_id left join sandbox.account a on a.id = p.account_id
      where e.id is null or a.id is null or a.currency <> p.currency`);
    expect(orphans).toBe(0);
  });

  it("is deterministic, and the database holds exactly the plan", async () => {
    const today = isoDate(new Date());
    const bank = { id: "musterbank", name: "Musterbank AG", bankCode: "76070024" };
    const plan = planSeed(bank, today);
    expect(planSeed(bank, today)).toEqual(plan);
    expect(planSeed({ ...bank, id: "beispielbank" }, today).accounts.map((a) => a.iban)).not.toEqual(plan.accounts.map((a) => a.iban));
    const stored = await sql<{ id: string }>(b.em(), `select e.id from sandbox.entry e where e.bank_id = 'musterbank' order by e.id`);
    expect(stored.map((r) => r.id)).toEqual(plan.entries.map((e) => e.id).sort());
  });

  it("seeds once: a second connector for the same bank adds nothing", async () => {
    const before = await count(b, `from sandbox.posting`);
    await createSandboxConnector(SANDBOX_BANKS[0]!, { db: b.t.db, seed: true });
    expect(await count(b, `from sandbox.posting`)).toBe(before);
  });

  it("makes the same UUID v5 ids as the uuid package, only faster", () => {
    const id = idFactory("sandbox-entry", "musterbank");
    for (const name of ["0", "41:1", "ümlaut"]) expect(id(name)).toBe(v5(name, sandboxId("sandbox-entry", "musterbank")));
  });

  it("builds IBANs with the right check digits, and needs a bank code", async () => {
    expect(germanIban("76070024", "271232400")).toBe("DE80760700240271232400");
    expect(germanIban("50010517", "2295759744")).toBe("DE15500105172295759744");
    await expect(createSandboxConnector({ ...SANDBOX_BANKS[0]!, connector: { kind: "sandbox" } }, { db: b.t.db, seed: false })).rejects.toThrow(/bankCode/);
  });
});
