/**
 * @module ISO 20022 XML in and out with fast-xml-parser, never by string concatenation. Reading is
 * locked down: a document with a DOCTYPE or an ENTITY declaration is refused before it is parsed, entity
 * processing is off (only the five predefined entities and character references are decoded, in one pass,
 * so nothing can expand), and the root must be a `Document` in the expected message namespace.
 */
import { XMLBuilder, XMLParser } from "fast-xml-parser";
import { XmlRejectedError } from "./errors.js";

export const NAMESPACES = {
  "pain.001": "urn:iso:std:iso:20022:tech:xsd:pain.001.001.09",
  "pain.002": "urn:iso:std:iso:20022:tech:xsd:pain.002.001.10",
  "camt.052": "urn:iso:std:iso:20022:tech:xsd:camt.052.001.08",
  "camt.053": "urn:iso:std:iso:20022:tech:xsd:camt.053.001.08",
  "camt.054": "urn:iso:std:iso:20022:tech:xsd:camt.054.001.08",
} as const;

export type MessageKind = keyof typeof NAMESPACES;

/** The message element inside `Document`, per message. */
export const MESSAGE_ROOTS: Record<MessageKind, string> = {
  "pain.001": "CstmrCdtTrfInitn",
  "pain.002": "CstmrPmtStsRpt",
  "camt.052": "BkToCstmrAcctRpt",
  "camt.053": "BkToCstmrStmt",
  "camt.054": "BkToCstmrDbtCdtNtfctn",
};

/** Elements that may repeat in the messages we read; always arrays, even when there is one. */
const REPEATABLE = new Set([
  "PmtInf", "CdtTrfTxInf", "SvcLvl", "Ustrd", "OrgnlPmtInfAndSts", "TxInfAndSts", "StsRsnInf", "AddtlInf",
  "Stmt", "Rpt", "Ntfctn", "Bal", "CdtLine", "Ntry", "NtryDtls", "TxDtls",
]);

const PREDEFINED: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

export function decodeXmlText(text: string): string {
  return text.replace(/&(?:#(\d{1,7})|#x([0-9a-fA-F]{1,6})|(lt|gt|amp|quot|apos));/g, (whole, dec?: string, hex?: string, name?: string) => {
    if (name) return PREDEFINED[name]!;
    const codePoint = dec !== undefined ? Number(dec) : Number.parseInt(hex!, 16);
    if (codePoint > 0x10ffff || (codePoint >= 0xd800 && codePoint <= 0xdfff)) throw new XmlRejectedError(`Invalid character reference ${whole}.`);
    return String.fromCodePoint(codePoint);
  });
}

const parser = new XMLParser({
  processEntities: false,
  htmlEntities: false,
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  parseTagValue: false,
  parseAttributeValue: false,
  // Free text (names, remittance) keeps its spaces, as xs:string does; codes and numbers are trimmed by `text`.
  trimValues: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  transformTagName: (name) => name.slice(name.indexOf(":") + 1),
  isArray: (name, _path, _leaf, isAttribute) => !isAttribute && REPEATABLE.has(name),
  tagValueProcessor: (_name, value) => decodeXmlText(value),
  attributeValueProcessor: (_name, value) => decodeXmlText(value),
});

const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: "@_", suppressEmptyNode: true, format: false });

/** An element as parsed: child elements by name, attributes as "@_Name", text as "#text". */
export type XmlNode = { [name: string]: unknown };

/** Parses a document of one message kind and answers the message element (e.g. `BkToCstmrStmt`). */
export function parseIsoDocument(xml: string, kind: MessageKind): XmlNode {
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) throw new XmlRejectedError("The document contains a DOCTYPE or ENTITY declaration; those are refused.");
  let parsed: XmlNode;
  try {
    parsed = parser.parse(xml, true) as XmlNode;
  } catch (error) {
    if (error instanceof XmlRejectedError) throw error;
    throw new XmlRejectedError(`The document is not well-formed XML: ${(error as Error).message}`);
  }
  const roots = Object.keys(parsed);
  const document = parsed.Document;
  if (roots.length !== 1 || !isNode(document)) throw new XmlRejectedError(`Expected one root element Document; got ${roots.join(", ") || "none"}.`);
  const declared = Object.entries(document).filter(([key]) => key === "@_xmlns" || key.startsWith("@_xmlns:")).map(([, value]) => value);
  if (!declared.includes(NAMESPACES[kind])) {
    const got = declared.filter((ns) => typeof ns === "string" && ns.startsWith("urn:iso:std:iso:20022:")).join(", ") || "no ISO 20022 namespace";
    throw new XmlRejectedError(`Expected a ${kind} document (${NAMESPACES[kind]}); got ${got}.`);
  }
  const message = document[MESSAGE_ROOTS[kind]];
  if (!isNode(message)) throw new XmlRejectedError(`The ${kind} document has no ${MESSAGE_ROOTS[kind]} element.`);
  return message;
}

/** Builds `<Document xmlns="…"><Root>…</Root></Document>`; keys must be in schema order, undefined ones are left out. */
export function buildIsoDocument(kind: MessageKind, content: XmlNode): string {
  return builder.build({
    "?xml": { "@_version": "1.0", "@_encoding": "UTF-8" },
    Document: { "@_xmlns": NAMESPACES[kind], [MESSAGE_ROOTS[kind]]: content },
  }) as string;
}

export function isNode(value: unknown): value is XmlNode {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The text of a leaf element as written (names, remittance), or undefined when it is absent. */
export function freeText(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  if (isNode(value) && typeof value["#text"] === "string") return value["#text"];
  return undefined;
}

/** The trimmed text of a leaf element holding a code, an id, a number or a date. */
export function text(value: unknown): string | undefined {
  return freeText(value)?.trim();
}

/** Follows child elements by name; answers undefined as soon as one is missing. */
export function at(node: unknown, ...path: string[]): unknown {
  let current = node;
  for (const name of path) {
    if (Array.isArray(current)) current = current[0];
    if (!isNode(current)) return undefined;
    current = current[name];
  }
  return current;
}

/** A repeatable element as a list (absent → empty). */
export function list(value: unknown): unknown[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

/** Cuts text into pieces of at most `size` characters (code points, as XSD counts), for MaxNNNText elements that may repeat. */
export function chunks(value: string, size: number): string[] {
  const characters = Array.from(value);
  const pieces: string[] = [];
  for (let i = 0; i < characters.length; i += size) pieces.push(characters.slice(i, i + size).join(""));
  return pieces;
}
