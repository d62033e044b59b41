/** @module The sandbox bank's customer directory: password check and one-time codes. */
import type { EntityManager } from "@mikro-orm/core";
import type { ScaMethod } from "../contract.js";
import { ok, reject, type Result } from "../result.js";
import { sql } from "../../subgraphs/shared/orm.js";
import { verifyPassword } from "./password.js";

interface CustomerRow {
  password_hash: string;
  sca_code: string;
  sca_methods: ScaMethod[] | string;
}

const WRONG_CREDENTIALS = "The PSU login or password is not correct.";

async function customer(em: EntityManager, bankId: string, login: string): Promise<CustomerRow | undefined> {
  const [row] = await sql<CustomerRow>(em, "select password_hash, sca_code, sca_methods from sandbox.customer where bank_id = ? and login = ?", [bankId, login]);
  return row;
}

const methodsOf = (row: CustomerRow): ScaMethod[] => (typeof row.sca_methods === "string" ? JSON.parse(row.sca_methods) : row.sca_methods);

export async function authenticatePsu(em: EntityManager, bankId: string, login: string, password: string): Promise<Result<{ scaMethods: ScaMethod[] }>> {
  const row = await customer(em, bankId, login);
  if (!row || !(await verifyPassword(password, row.password_hash))) return reject("PSU_CREDENTIALS_INVALID", WRONG_CREDENTIALS);
  return ok({ scaMethods: methodsOf(row) });
}

export async function verifyScaCode(em: EntityManager, bankId: string, login: string, methodId: string, code: string): Promise<Result<void>> {
  const row = await customer(em, bankId, login);
  if (!row || !methodsOf(row).some((m) => m.authenticationMethodId === methodId)) {
    return reject("PSU_CREDENTIALS_INVALID", `The PSU has no SCA method "${methodId}".`);
  }
  return row.sca_code === code ? ok(undefined) : reject("PSU_CREDENTIALS_INVALID", "The one-time code is not correct.");
}
