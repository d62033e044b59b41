/** @module The TPP registry's rules: registration, vetting decisions (with history and event), applications. */
import type { EntityManager } from "@mikro-orm/core";
import { LockMode, UniqueConstraintViolationException } from "@mikro-orm/core";
import type { Caller } from "../shared/context.js";
import { commonErrors } from "../shared/errors.js";
import { assertUuid, newId } from "../shared/ids.js";
import { recordEvent } from "../shared/outbox.js";
import { redirectUriProblem } from "../shared/redirect-uri.js";
import { Tpp, TppApplication, TppStatus, VettingDecision } from "./entities/index.js";
import { ApplicationStatus, ClientAuthMethod } from "./entities/tpp-application.entity.js";
import { tppErrors } from "./errors.js";
import type { RegisterTppApplicationInput, RegisterTppInput } from "./resolvers/types/tpp.inputs.js";
import { assertMove } from "./tpp-state.js";

const AUTHORISATION_NUMBER = /^[A-Z0-9][A-Z0-9._-]{2,63}$/i;

export class TppService {
  constructor(private readonly em: EntityManager) {}

  async register(input: RegisterTppInput, caller: Caller): Promise<Tpp> {
    const legalName = input.legalName.trim();
    if (!legalName || legalName.length > 200) throw commonErrors.badInput("legalName must be 1 to 200 characters.");
    if (!AUTHORISATION_NUMBER.test(input.authorisationNumber)) {
      throw commonErrors.badInput(`authorisationNumber "${input.authorisationNumber}" is not an NCA authorisation number such as PSDDE-BAFIN-123456.`);
    }
    if (!/^[A-Z]{2}$/.test(input.country)) throw commonErrors.badInput(`country "${input.country}" is not an ISO 3166 alpha-2 code.`);
    if (input.roles.length === 0) throw commonErrors.badInput("A TPP needs at least one PSD2 role.");
    for (const contact of input.contacts) {
      if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(contact.email)) throw commonErrors.badInput(`Contact email "${contact.email}" is not an email address.`);
    }
    const tpp = Object.assign(new Tpp(), {
      id: newId(),
      legalName,
      authorisationNumber: input.authorisationNumber,
      nationalCompetentAuthority: input.nationalCompetentAuthority,
      country: input.country,
      roles: [...new Set(input.roles)],
      status: TppStatus.PENDING,
      contacts: input.contacts.map((c) => ({ ...c })),
      createdAt: new Date(),
    });
    try {
      await this.em.transactional(async (tx) => {
        tx.persist(tpp);
        tx.persist(this.decision(tpp.id, null, TppStatus.PENDING, caller, "registered"));
        await tx.flush();
        await recordEvent(tx, "tpps", { type: "tpp.status_changed", subject: `Tpp:${tpp.id}`, tppId: tpp.id, payload: { status: tpp.status } });
      });
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) throw tppErrors.duplicateAuthorisation(input.authorisationNumber);
      throw error;
    }
    return tpp;
  }

  async decide(tppId: string, status: TppStatus, reason: string, caller: Caller): Promise<Tpp> {
    if (!reason.trim()) throw commonErrors.badInput("A vetting decision needs a reason.");
    return this.em.transactional(async (tx) => {
      const tpp = await tx.findOne(Tpp, { id: assertUuid(tppId, "tppId") }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!tpp) throw tppErrors.notFound(tppId);
      assertMove(tpp.status, status);
      tx.persist(this.decision(tpp.id, tpp.status, status, caller, reason.trim()));
      tpp.status = status;
      await tx.flush();
      await recordEvent(tx, "tpps", { type: "tpp.status_changed", subject: `Tpp:${tpp.id}`, tppId: tpp.id, payload: { status, reason } });
      return tpp;
    });
  }

  /** A private_key_jwt app; ACTIVE at once when an operator or the TPP registers it, PENDING when it registered dynamically. */
  async registerApplication(input: RegisterTppApplicationInput, origin: { status: ApplicationStatus; softwareId?: string } = { status: ApplicationStatus.ACTIVE }): Promise<TppApplication> {
    const tpp = await this.em.findOne(Tpp, { id: assertUuid(input.tppId, "tppId") });
    if (!tpp) throw tppErrors.notFound(input.tppId);
    if (!/^[\w.-]{8,128}$/.test(input.clientId)) throw commonErrors.badInput("clientId must be 8 to 128 letters, digits, dots, dashes or underscores.");
    if (input.redirectUris.length === 0) throw commonErrors.badInput("An application needs at least one redirect URI.");
    for (const uri of input.redirectUris) assertRedirectUri(uri);
    const jwks = parsePublicJwks(input.jwks);
    const application = Object.assign(new TppApplication(), {
      id: newId(),
      tppId: tpp.id,
      name: input.name.trim(),
      clientId: input.clientId,
      redirectUris: input.redirectUris,
      tokenEndpointAuthMethod: ClientAuthMethod.PRIVATE_KEY_JWT,
      jwks,
      clientSecret: null,
      status: origin.status,
      softwareId: origin.softwareId ?? null,
      decisionReason: null,
      createdAt: new Date(),
    });
    try {
      await this.em.persist(application).flush();
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) throw tppErrors.duplicateClientId(input.clientId);
      throw error;
    }
    return application;
  }

  private decision(tppId: string, from: TppStatus | null, to: TppStatus, caller: Caller, reason: string): VettingDecision {
    return Object.assign(new VettingDecision(), {
      id: newId(),
      tppId,
      fromStatus: from,
      toStatus: to,
      decidedBy: caller.kind === "operator" && caller.psuId ? caller.psuId : caller.kind === "anonymous" ? "system" : caller.kind,
      reason,
      decidedAt: new Date(),
    });
  }
}

function assertRedirectUri(uri: string): void {
  if (redirectUriProblem(uri)) throw tppErrors.invalidRedirectUri(uri);
}

const PRIVATE_KEY_MEMBERS = ["d", "p", "q", "dp", "dq", "qi", "k"];

/** A JWKS of public signing keys only: a private member would mean the TPP leaked its key to us. */
function parsePublicJwks(json: string): { keys: Record<string, unknown>[] } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    throw tppErrors.invalidJwks("it is not JSON");
  }
  const keys = (parsed as { keys?: unknown })?.keys;
  if (!Array.isArray(keys) || keys.length === 0 || keys.length > 10) throw tppErrors.invalidJwks("it needs 1 to 10 keys");
  for (const key of keys as Record<string, unknown>[]) {
    if (typeof key?.kty !== "string" || typeof key.kid !== "string") throw tppErrors.invalidJwks("every key needs kty and kid");
    if (PRIVATE_KEY_MEMBERS.some((m) => m in key)) throw tppErrors.invalidJwks(`key "${key.kid}" contains private key material`);
  }
  return { keys: keys as Record<string, unknown>[] };
}
