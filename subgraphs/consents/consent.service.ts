/** @module The consent's lifecycle: creation, revocation by the PSU, termination by the TPP, expiry. */
import type { EntityManager } from "@mikro-orm/core";
import { LockMode, UniqueConstraintViolationException } from "@mikro-orm/core";
import { validate as validateUuid } from "uuid";
import { type Connection, decodeCursor, pageOf, pageSize } from "../shared/connection.js";
import type { ConnectorRegistry } from "../../connectors/registry.js";
import type { Caller } from "../shared/context.js";
import { commonErrors } from "../shared/errors.js";
import { checkRedirectUri } from "../shared/redirect-uri.js";
import { assertUuid, newId } from "../shared/ids.js";
import { checkIdempotencyKey, fingerprint, idempotencyKeyReused } from "../shared/idempotency.js";
import { actingPsuId, actingTppId, assertPsuId, inScope, scopeOf } from "./caller-scope.js";
import { changeStatus, recordCreation } from "./consent-history.js";
import { checkConsentRequest, dayOf } from "./consent-validation.js";
import { Consent, ConsentStatus, ConsentType } from "./entities/index.js";
import { consentErrors } from "./errors.js";
import type { CreateConsentInput } from "./resolvers/types/create-consent.input.js";
import type { ConsentsArgs } from "./resolvers/types/consents.args.js";

const EXPIRY_BATCH = 200;

function consentCursor(after: string | null | undefined): { createdAt: Date; id: string } | undefined {
  const parts = decodeCursor(after, 2);
  if (!parts) return undefined;
  const [at, id] = parts;
  const createdAt = new Date(String(at));
  if (typeof at !== "string" || Number.isNaN(createdAt.getTime()) || typeof id !== "string" || !validateUuid(id)) {
    throw consentErrors.invalidCursor(after!);
  }
  return { createdAt, id };
}

const SCOPE_OF_TYPE: Record<ConsentType, string> = { [ConsentType.AIS]: "accounts", [ConsentType.PIS]: "payments", [ConsentType.PIIS]: "fundsconfirmation" };

/** A TPP asks only for consents its PSD2 role allows: AIS needs AISP (scope accounts), PIS PISP, PIIS PIISP. */
function requireRoleFor(caller: Caller, type: ConsentType): void {
  const scope = SCOPE_OF_TYPE[type];
  if (caller.kind === "tpp" && !caller.scopes.includes(scope)) throw commonErrors.forbidden(`A ${type} consent needs the token scope ${scope}.`);
}

export class ConsentService {
  constructor(
    private readonly em: EntityManager,
    private readonly connectors: ConnectorRegistry,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /**
   * A new consent in RECEIVED. Without a PSU it waits for the first PSU who authorises it (redirect SCA
   * identifies them). With an idempotency key, the same request again returns the same consent.
   */
  async create(input: CreateConsentInput, caller: Caller): Promise<{ consent: Consent; replayed: boolean }> {
    const tppId = actingTppId(caller, input.tppId);
    requireRoleFor(caller, input.type);
    const psuId = actingPsuId(caller, input.psuId) ?? null;
    const bankId = input.bankId ?? this.connectors.defaultBankId();
    this.connectors.get(bankId);
    const key = checkIdempotencyKey(input.idempotencyKey);
    const now = this.clock();
    const request = {
      tppRedirectUri: checkRedirectUri(input.tppRedirectUri, "tppRedirectUri"),
      tppNokRedirectUri: checkRedirectUri(input.tppNokRedirectUri, "tppNokRedirectUri"),
      ...checkConsentRequest(input, dayOf(now)),
    };
    // validUntil as asked: 9999-12-31 stands for a date that moves with the day of the request.
    const hash = fingerprint([input.type, psuId, bankId, { ...request, validUntil: input.validUntil }]);
    if (key) {
      const earlier = await this.em.fork().findOne(Consent, { tppId, idempotencyKey: key });
      if (earlier) return this.replay(earlier, hash);
    }
    const consent = Object.assign(new Consent(), {
      id: newId(),
      tppId,
      psuId,
      bankId,
      status: ConsentStatus.RECEIVED,
      ...request,
      idempotencyKey: key,
      requestHash: key ? hash : null,
      lastActionDate: dayOf(now),
      createdAt: now,
      updatedAt: now,
    });
    try {
      await this.em.fork().transactional(async (tx) => {
        tx.persist(consent);
        await recordCreation(tx, consent, { reason: "requested by TPP", actor: `tpp:${tppId}`, now });
      });
    } catch (error) {
      if (!(error instanceof UniqueConstraintViolationException) || !key) throw error;
      // A concurrent request with the same key inserted first: answer as its replay.
      const winner = await this.em.fork().findOne(Consent, { tppId, idempotencyKey: key });
      if (!winner) throw error;
      return this.replay(winner, hash);
    }
    return { consent, replayed: false };
  }

  private replay(earlier: Consent, hash: string): { consent: Consent; replayed: boolean } {
    if (earlier.requestHash !== hash) throw idempotencyKeyReused(earlier.idempotencyKey ?? "", "consent", earlier.id);
    return { consent: earlier, replayed: true };
  }

  /** A page of the consents the caller may see, newest first. */
  async list(args: ConsentsArgs, caller: Caller): Promise<Connection<Consent>> {
    const size = pageSize(args.first);
    const after = consentCursor(args.after);
    const scope = scopeOf(caller);
    const tppId = args.tppId ? assertUuid(args.tppId, "tppId") : undefined;
    const psuId = args.psuId ? assertPsuId(args.psuId) : undefined;
    if (scope.tppId && tppId && tppId !== scope.tppId) throw consentErrors.tppMismatch(tppId);
    if (scope.psuId && psuId && psuId !== scope.psuId) throw consentErrors.psuMismatch(psuId);
    const rows = await this.em.find(
      Consent,
      {
        ...(scope.tppId || tppId ? { tppId: scope.tppId ?? tppId } : {}),
        ...(scope.psuId || psuId ? { psuId: scope.psuId ?? psuId } : {}),
        ...(args.status ? { status: args.status } : {}),
        ...(args.type ? { type: args.type } : {}),
        ...(after ? { $or: [{ createdAt: { $lt: after.createdAt } }, { createdAt: after.createdAt, id: { $lt: after.id } }] } : {}),
      },
      { orderBy: { createdAt: "desc", id: "desc" }, limit: size + 1 },
    );
    return pageOf(rows, size, (r) => [r.createdAt.toISOString(), r.id], Boolean(after));
  }

  /** The PSU withdraws a valid consent. */
  revoke(consentId: string, caller: Caller, givenPsuId?: string | null): Promise<Consent> {
    const psuId = actingPsuId(caller, givenPsuId);
    if (!psuId) throw consentErrors.identityRequired("psuId");
    return this.end(consentId, caller, ConsentStatus.REVOKED_BY_PSU, (consent) => {
      if (consent.psuId !== psuId) throw consentErrors.psuMismatch(psuId);
      return { reason: "revoked by PSU", actor: `psu:${psuId}` };
    });
  }

  /** The TPP ends its consent, authorised or not. */
  terminate(consentId: string, caller: Caller, givenTppId?: string | null): Promise<Consent> {
    const tppId = actingTppId(caller, givenTppId);
    return this.end(consentId, caller, ConsentStatus.TERMINATED_BY_TPP, (consent) => {
      if (consent.tppId !== tppId) throw consentErrors.tppMismatch(tppId);
      return { reason: "deleted by TPP", actor: `tpp:${tppId}` };
    });
  }

  /**
   * Moves every valid consent whose validUntil lies before `now`'s UTC day to expired, in batches of
   * one transaction each; rows another worker holds are skipped. Returns the ids it expired.
   */
  async expireConsents(now: Date = this.clock()): Promise<string[]> {
    const expired: string[] = [];
    for (;;) {
      const batch = await this.em.fork().transactional(async (tx) => {
        const due = await tx.find(
          Consent,
          { status: ConsentStatus.VALID, validUntil: { $lt: dayOf(now) } },
          { lockMode: LockMode.PESSIMISTIC_PARTIAL_WRITE, orderBy: { validUntil: "asc", id: "asc" }, limit: EXPIRY_BATCH },
        );
        for (const consent of due) {
          await changeStatus(tx, consent, ConsentStatus.EXPIRED, { reason: `validUntil ${consent.validUntil} has passed`, actor: "system", now });
        }
        return due.map((c) => c.id);
      });
      expired.push(...batch);
      if (batch.length < EXPIRY_BATCH) return expired;
    }
  }

  private end(consentId: string, caller: Caller, to: ConsentStatus, authorise: (consent: Consent) => { reason: string; actor: string }): Promise<Consent> {
    const id = assertUuid(consentId, "consentId");
    return this.em.transactional(async (tx) => {
      const consent = await tx.findOne(Consent, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!consent || !inScope(scopeOf(caller), consent)) throw consentErrors.notFound(id);
      const { reason, actor } = authorise(consent);
      await changeStatus(tx, consent, to, { reason, actor, now: this.clock() });
      await tx.flush();
      return consent;
    });
  }
}
