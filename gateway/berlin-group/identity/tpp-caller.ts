/**
 * @module Who calls the facade. A TPP identifies itself as Berlin Group TPPs do: an OAuth bearer token
 * from the hub's authorization server, or an eIDAS certificate — the mTLS client certificate, the
 * certificate a TLS-terminating proxy forwards (BG_CLIENT_CERT_HEADER), or, in sandbox mode only, the
 * TPP-Signature-Certificate header. The certificate's authorisation number names the TPP in the
 * registry; its roles and the registry's together decide the TPP's scopes.
 */
import type { ApolloServer } from "@apollo/server";
import type { Request } from "express";
import type { TLSSocket } from "node:tls";
import type { Caller } from "../../../subgraphs/shared/context.js";
import { systemCaller } from "../../../subgraphs/shared/context.js";
import { HubError } from "../../../subgraphs/shared/errors.js";
import type { Auth } from "../../auth/index.js";
import { registryConsents } from "../../auth/registry-consents.js";
import type { GatewayContext } from "../../local-data-source.js";
import type { BerlinGroupConfig } from "../config.js";
import { BerlinGroupError } from "../errors.js";
import { executorFor } from "../execute.js";
import { toBerlinGroupError } from "../graphql-errors.js";
import { isUuid } from "../request-context.js";
import { RegisterSandboxTppDocument, TppByAuthorisationNumberDocument, type TppRole } from "../operations/generated.js";
import { CertificateProblem, psd2Certificate, readCertificate, type Psd2Certificate, type Psd2Role } from "./psd2-certificate.js";

const ROLE_OF: Record<Psd2Role, TppRole | undefined> = { PSP_AI: "AISP", PSP_PI: "PISP", PSP_IC: "PIISP", PSP_AS: undefined };
const SCOPE_OF: Record<TppRole, string> = { AISP: "accounts", PISP: "payments", PIISP: "fundsconfirmation" };

/** The certificate this request presents, from the strongest source available. */
function presentedCertificate(req: Request, config: BerlinGroupConfig): Buffer | undefined {
  const socket = req.socket as Partial<TLSSocket>;
  if (typeof socket.getPeerCertificate === "function") {
    const peer = socket.getPeerCertificate();
    if (peer?.raw && socket.authorized) return peer.raw;
  }
  const forwarded = config.clientCertHeader ? req.headers[config.clientCertHeader] : undefined;
  if (typeof forwarded === "string" && forwarded) return readCertificate(decodeURIComponent(forwarded));
  const signing = req.headers["tpp-signature-certificate"];
  if (config.sandbox && typeof signing === "string" && signing) return readCertificate(signing);
  return undefined;
}

export class TppIdentification {
  /** The facts of a consent, as the caller's Consent-ID would bring them. */
  readonly consents;

  constructor(
    private readonly apollo: ApolloServer<GatewayContext>,
    private readonly auth: () => Auth | undefined,
    private readonly config: BerlinGroupConfig,
  ) {
    this.consents = registryConsents(apollo);
  }

  async callerOf(req: Request): Promise<Caller> {
    if (req.headers.authorization) return this.fromToken(req);
    let der: Buffer | undefined;
    try {
      der = presentedCertificate(req, this.config);
    } catch (error) {
      if (error instanceof CertificateProblem || error instanceof URIError) throw new BerlinGroupError("CERTIFICATE_INVALID", (error as Error).message);
      throw error;
    }
    if (!der) {
      throw new BerlinGroupError("CERTIFICATE_MISSING", "Identify the TPP with an OAuth bearer token or an eIDAS certificate (QWAC over mTLS" + (this.config.sandbox ? ", or TPP-Signature-Certificate in the sandbox)." : ")."));
    }
    return this.fromCertificate(req, der);
  }

  private async fromToken(req: Request): Promise<Caller> {
    try {
      return await this.auth()!.callerFromRequest(req);
    } catch (error) {
      if (!(error instanceof HubError)) throw error;
      throw toBerlinGroupError({ message: error.message, extensions: error.extensions }, "CONSENT_UNKNOWN");
    }
  }

  private async fromCertificate(req: Request, der: Buffer): Promise<Caller> {
    let certificate: Psd2Certificate;
    try {
      certificate = psd2Certificate(der);
    } catch (error) {
      if (error instanceof CertificateProblem) throw new BerlinGroupError("CERTIFICATE_INVALID", error.message);
      throw error;
    }
    const now = new Date();
    if (certificate.validTo < now || certificate.validFrom > now) {
      throw new BerlinGroupError("CERTIFICATE_EXPIRED", `The certificate is valid from ${certificate.validFrom.toISOString()} to ${certificate.validTo.toISOString()}.`);
    }
    const certificateRoles = certificate.roles.map((r) => ROLE_OF[r]).filter((r): r is TppRole => r !== undefined);
    if (certificateRoles.length === 0) throw new BerlinGroupError("CERTIFICATE_INVALID", "The certificate carries no PSD2 role (PSP_AI, PSP_PI or PSP_IC).");
    const tpp = await this.registeredTpp(certificate, certificateRoles);
    if (tpp.status !== "ACTIVE") throw new BerlinGroupError("CERTIFICATE_BLOCKED", `The TPP ${certificate.authorisationNumber} is ${tpp.status.toLowerCase()} at this hub.`);
    const roles = certificateRoles.filter((role) => tpp.roles.includes(role));
    const caller: Caller = { kind: "tpp", tppId: tpp.id, scopes: roles.map((r) => SCOPE_OF[r]), psuPresent: typeof req.headers["psu-ip-address"] === "string" };
    const consentId = req.headers["consent-id"];
    if (typeof consentId === "string" && consentId) {
      if (!isUuid(consentId)) throw new BerlinGroupError("CONSENT_UNKNOWN", `"${consentId}" is not a consent id.`);
      caller.consentId = consentId;
      caller.consent = await this.consents(consentId);
      if (!caller.consent) throw new BerlinGroupError("CONSENT_UNKNOWN", `No consent with id "${consentId}".`);
    }
    return caller;
  }

  private async registeredTpp(certificate: Psd2Certificate, roles: TppRole[]) {
    const execute = executorFor(this.apollo, systemCaller);
    const found = await execute(TppByAuthorisationNumberDocument, { authorisationNumber: certificate.authorisationNumber });
    if (found.tppByAuthorisationNumber) return found.tppByAuthorisationNumber;
    if (!this.config.sandbox) throw new BerlinGroupError("CERTIFICATE_INVALID", `No TPP with authorisation number ${certificate.authorisationNumber} is registered at this hub.`);
    const registered = await execute(RegisterSandboxTppDocument, {
      input: {
        legalName: certificate.organizationName,
        authorisationNumber: certificate.authorisationNumber,
        nationalCompetentAuthority: certificate.competentAuthority.id || certificate.competentAuthority.name || "unknown",
        country: /^[A-Z]{2}$/.test(certificate.country) ? certificate.country : "DE",
        roles,
      },
    });
    return registered.registerSandboxTpp;
  }
}
