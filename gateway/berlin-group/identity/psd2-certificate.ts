/**
 * @module The PSD2 attributes of an eIDAS certificate (ETSI TS 119 495): the TPP's authorisation
 * number (subject organizationIdentifier), its roles and its competent authority (QCStatement
 * 0.4.0.19495.2), and the certificate's validity.
 */
import { X509Certificate } from "node:crypto";
import { oidOf, parseDer, textOf, walk, type DerNode } from "./der.js";

const ORGANIZATION_IDENTIFIER = "2.5.4.97";
const ORGANIZATION_NAME = "2.5.4.10";
const COUNTRY_NAME = "2.5.4.6";
const PSD2_QC_TYPE = "0.4.0.19495.2";

/** ETSI role OIDs and names (0.4.0.19495.1.x). */
const ROLES: Record<string, Psd2Role> = {
  "0.4.0.19495.1.1": "PSP_AS",
  "0.4.0.19495.1.2": "PSP_PI",
  "0.4.0.19495.1.3": "PSP_AI",
  "0.4.0.19495.1.4": "PSP_IC",
};

export type Psd2Role = "PSP_AS" | "PSP_PI" | "PSP_AI" | "PSP_IC";

export interface Psd2Certificate {
  /** e.g. PSDDE-BAFIN-123456 */
  authorisationNumber: string;
  organizationName: string;
  country: string;
  roles: Psd2Role[];
  /** Name and id of the national competent authority, e.g. "Federal Financial Supervisory Authority", "DE-BAFIN". */
  competentAuthority: { name: string; id: string };
  validFrom: Date;
  validTo: Date;
  fingerprint: string;
}

export class CertificateProblem extends Error {
  override name = "CertificateProblem";
}

/** The value following `oid` in an AttributeTypeAndValue sequence. */
function attribute(tree: DerNode, oid: string): string | undefined {
  for (const node of walk(tree)) {
    if (node.tag === 0x30 && node.children.length === 2 && oidOf(node.children[0]!) === oid) return textOf(node.children[1]);
  }
  return undefined;
}

function psd2Statement(tree: DerNode): DerNode | undefined {
  for (const node of walk(tree)) {
    if (node.tag === 0x30 && node.children.length === 2 && oidOf(node.children[0]!) === PSD2_QC_TYPE) return node.children[1];
  }
  return undefined;
}

/** Reads a certificate given as DER, PEM, or base64 of either (as TPP-Signature-Certificate carries it). */
export function readCertificate(encoded: string | Buffer): Buffer {
  if (Buffer.isBuffer(encoded)) return encoded;
  const text = encoded.trim();
  const pem = /-----BEGIN CERTIFICATE-----([\s\S]+?)-----END CERTIFICATE-----/.exec(text);
  const body = pem ? pem[1]! : text;
  if (!/^[A-Za-z0-9+/=\s]+$/.test(body)) throw new CertificateProblem("The certificate is neither PEM nor base64.");
  const der = Buffer.from(body.replace(/\s+/g, ""), "base64");
  if (!pem && der.subarray(0, 27).toString("latin1").startsWith("-----BEGIN CERTIFICATE")) return readCertificate(der.toString("latin1"));
  return der;
}

export function psd2Certificate(der: Buffer): Psd2Certificate {
  let x509: X509Certificate;
  let tree: DerNode;
  try {
    x509 = new X509Certificate(der);
    tree = parseDer(der);
  } catch {
    throw new CertificateProblem("The certificate cannot be parsed as X.509.");
  }
  const tbs = tree.children[0]!;
  // The subject is the sixth field of TBSCertificate when the version field [0] is present.
  const subject = tbs.children[tbs.children[0]?.tag === 0xa0 ? 5 : 4];
  const authorisationNumber = subject && attribute(subject, ORGANIZATION_IDENTIFIER);
  if (!authorisationNumber) throw new CertificateProblem("The certificate has no organizationIdentifier (PSD2 authorisation number).");
  const statement = psd2Statement(tree);
  const [rolesNode, ncaName, ncaId] = statement?.children ?? [];
  const roles = (rolesNode?.children ?? [])
    .map((role) => ROLES[oidOf(role.children[0]!) ?? ""])
    .filter((role): role is Psd2Role => role !== undefined);
  return {
    authorisationNumber,
    organizationName: (subject && attribute(subject, ORGANIZATION_NAME)) ?? authorisationNumber,
    country: (subject && attribute(subject, COUNTRY_NAME)) ?? authorisationNumber.slice(3, 5),
    roles,
    competentAuthority: { name: textOf(ncaName) ?? "", id: textOf(ncaId) ?? "" },
    validFrom: new Date(x509.validFrom),
    validTo: new Date(x509.validTo),
    fingerprint: x509.fingerprint256,
  };
}
