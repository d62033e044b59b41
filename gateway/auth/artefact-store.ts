/**
 * @module Where the authorization server keeps what it issues besides JWT access tokens: grants,
 * authorization codes, refresh tokens, sessions, interactions, pushed requests, and the hub's grant
 * bindings and revocations. With a database (embedded, or DATABASE_URL) they live in the `auth`
 * schema, so a restart loses no grant; without one, in memory.
 */
import type { EntityManager, MikroORM } from "@mikro-orm/core";
import { Migration } from "@mikro-orm/migrations";
import type { AdapterPayload } from "oidc-provider";
import { sql, type Database } from "../../subgraphs/shared/orm.js";

export interface ArtefactStore {
  upsert(model: string, id: string, payload: AdapterPayload, expiresInSeconds: number): Promise<void>;
  find(model: string, id: string): Promise<AdapterPayload | undefined>;
  findByUid(model: string, uid: string): Promise<AdapterPayload | undefined>;
  consume(model: string, id: string): Promise<void>;
  destroy(model: string, id: string): Promise<void>;
  revokeByGrantId(grantId: string): Promise<void>;
}

const now = () => Math.floor(Date.now() / 1000);

export class MemoryArtefactStore implements ArtefactStore {
  private readonly entries = new Map<string, { payload: AdapterPayload; expiresAt: number }>();
  private writes = 0;

  async upsert(model: string, id: string, payload: AdapterPayload, expiresInSeconds: number) {
    if (++this.writes % 100 === 0) this.sweep();
    this.entries.set(`${model}:${id}`, { payload, expiresAt: Date.now() + expiresInSeconds * 1000 });
  }

  async find(model: string, id: string) {
    const entry = this.entries.get(`${model}:${id}`);
    return entry && entry.expiresAt >= Date.now() ? entry.payload : undefined;
  }

  async findByUid(model: string, uid: string) {
    for (const [key, entry] of this.entries) if (key.startsWith(`${model}:`) && entry.payload.uid === uid && entry.expiresAt >= Date.now()) return entry.payload;
    return undefined;
  }

  async consume(model: string, id: string) {
    const entry = this.entries.get(`${model}:${id}`);
    if (entry) entry.payload.consumed = now();
  }

  async destroy(model: string, id: string) {
    this.entries.delete(`${model}:${id}`);
  }

  async revokeByGrantId(grantId: string) {
    for (const [key, entry] of this.entries) if (entry.payload.grantId === grantId) this.entries.delete(key);
  }

  private sweep() {
    for (const [key, entry] of this.entries) if (entry.expiresAt < Date.now()) this.entries.delete(key);
  }
}

class CreateArtefacts extends Migration {
  override up(): void {
    this.addSql(`create table auth.artefact (
      model text not null,
      id text not null,
      payload jsonb not null,
      grant_id text,
      uid text,
      expires_at timestamptz not null,
      primary key (model, id)
    )`);
    this.addSql(`create index artefact_grant on auth.artefact (grant_id) where grant_id is not null`);
    this.addSql(`create index artefact_uid on auth.artefact (model, uid) where uid is not null`);
    this.addSql(`create index artefact_expiry on auth.artefact (expires_at)`);
  }
}

export class SqlArtefactStore implements ArtefactStore {
  private writes = 0;

  private constructor(private readonly orm: MikroORM) {}

  static async open(db: Database): Promise<SqlArtefactStore> {
    return new SqlArtefactStore(await db.orm({ schema: "auth", migrations: [{ name: "20261123-create-artefacts", class: CreateArtefacts }] }));
  }

  private em(): EntityManager {
    return this.orm.em.fork();
  }

  async upsert(model: string, id: string, payload: AdapterPayload, expiresInSeconds: number) {
    if (++this.writes % 200 === 0) await sql(this.em(), "delete from auth.artefact where expires_at < now()");
    await sql(
      this.em(),
      `insert into auth.artefact (model, id, payload, grant_id, uid, expires_at) values (?, ?, ?::jsonb, ?, ?, now() + make_interval(secs => ?))
       on conflict (model, id) do update set payload = excluded.payload, grant_id = excluded.grant_id, uid = excluded.uid, expires_at = excluded.expires_at`,
      [model, id, JSON.stringify(payload), payload.grantId ?? null, payload.uid ?? null, expiresInSeconds],
    );
  }

  private async one(where: string, params: unknown[]) {
    const [row] = await sql<{ payload: AdapterPayload | string }>(this.em(), `select payload from auth.artefact where ${where} and expires_at >= now()`, params);
    if (!row) return undefined;
    return typeof row.payload === "string" ? (JSON.parse(row.payload) as AdapterPayload) : row.payload;
  }

  find(model: string, id: string) {
    return this.one("model = ? and id = ?", [model, id]);
  }

  findByUid(model: string, uid: string) {
    return this.one("model = ? and uid = ?", [model, uid]);
  }

  async consume(model: string, id: string) {
    await sql(this.em(), `update auth.artefact set payload = jsonb_set(payload, '{consumed}', to_jsonb(?::int)) where model = ? and id = ?`, [now(), model, id]);
  }

  async destroy(model: string, id: string) {
    await sql(this.em(), "delete from auth.artefact where model = ? and id = ?", [model, id]);
  }

  async revokeByGrantId(grantId: string) {
    await sql(this.em(), "delete from auth.artefact where grant_id = ?", [grantId]);
  }
}
