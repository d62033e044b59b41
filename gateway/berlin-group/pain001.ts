/**
 * @module pain.001 (ISO 20022 CustomerCreditTransferInitiation) request bodies, parsed safely with
 * fast-xml-parser: size-limited before parsing, no DOCTYPE (so no external entities and no entity
 * expansion), entities left unprocessed, every value kept as a string.
 */
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { formatError } from "./errors.js";

/** Largest pain.001 document accepted (a single payment is about 2 kB). */
export const MAX_PAIN001_BYTES = 64 * 1024;

export interface Pain001Payment {
  debtorIban: string;
  creditorIban: string;
  creditorName: string;
  amount: string;
  currency: string;
  endToEndId?: string;
  remittanceInformationUnstructured?: string;
  requestedExecutionDate?: string;
  /** PmtInf/BtchBookg: one booking for the block (a bulk's batchBookingPreferred). */
  batchBooking?: boolean;
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: false,
  htmlEntities: false,
  isArray: (name) => name === "PmtInf" || name === "CdtTrfTxInf",
});

type Node = Record<string, unknown>;
const child = (node: unknown, ...path: string[]): unknown => path.reduce<unknown>((n, key) => (n && typeof n === "object" ? (n as Node)[key] : undefined), node);
const text = (node: unknown): string | undefined => (typeof node === "string" ? node.trim() : typeof (node as Node)?.["#text"] === "string" ? String((node as Node)["#text"]).trim() : undefined);

function required(node: unknown, what: string): string {
  const value = text(node);
  if (!value) throw formatError(`The pain.001 document has no ${what}.`, what);
  return value;
}

/** The payments of a pain.001 document: one per CdtTrfTxInf, each with its PmtInf's debtor and date. */
export function parsePain001(xml: string): Pain001Payment[] {
  if (Buffer.byteLength(xml, "utf8") > MAX_PAIN001_BYTES) throw formatError(`The pain.001 document is larger than ${MAX_PAIN001_BYTES} bytes.`);
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) throw formatError("The pain.001 document must not contain a DOCTYPE or entity declarations.");
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw formatError(`The pain.001 document is not well-formed XML: ${valid.err.msg} (line ${valid.err.line}).`);
  const initiation = child(parser.parse(xml), "Document", "CstmrCdtTrfInitn");
  if (!initiation) throw formatError("The document is not a pain.001 CustomerCreditTransferInitiation (Document/CstmrCdtTrfInitn).");
  const blocks = (child(initiation, "PmtInf") as unknown[] | undefined) ?? [];
  const payments = blocks.flatMap((block) => {
    const debtorIban = required(child(block, "DbtrAcct", "Id", "IBAN"), "PmtInf/DbtrAcct/Id/IBAN");
    const date = child(block, "ReqdExctnDt");
    const requestedExecutionDate = text(child(date, "Dt")) ?? text(date);
    const batch = text(child(block, "BtchBookg"));
    const transfers = (child(block, "CdtTrfTxInf") as unknown[] | undefined) ?? [];
    return transfers.map((transfer): Pain001Payment => {
      const amount = child(transfer, "Amt", "InstdAmt");
      const currency = typeof (amount as Node)?.["@Ccy"] === "string" ? String((amount as Node)["@Ccy"]) : undefined;
      if (!currency) throw formatError("The pain.001 document has no currency (InstdAmt/@Ccy).", "CdtTrfTxInf/Amt/InstdAmt/@Ccy");
      const endToEndId = text(child(transfer, "PmtId", "EndToEndId"));
      const remittance = child(transfer, "RmtInf", "Ustrd");
      return {
        debtorIban,
        creditorIban: required(child(transfer, "CdtrAcct", "Id", "IBAN"), "CdtTrfTxInf/CdtrAcct/Id/IBAN"),
        creditorName: required(child(transfer, "Cdtr", "Nm"), "CdtTrfTxInf/Cdtr/Nm"),
        amount: required(amount, "CdtTrfTxInf/Amt/InstdAmt"),
        currency,
        ...(endToEndId && endToEndId !== "NOTPROVIDED" ? { endToEndId } : {}),
        ...(text(Array.isArray(remittance) ? remittance[0] : remittance) ? { remittanceInformationUnstructured: text(Array.isArray(remittance) ? remittance[0] : remittance) } : {}),
        ...(requestedExecutionDate && requestedExecutionDate !== "1999-01-01" ? { requestedExecutionDate } : {}),
        ...(batch === "true" || batch === "false" ? { batchBooking: batch === "true" } : {}),
      };
    });
  });
  if (payments.length === 0) throw formatError("The pain.001 document holds no credit transfer (PmtInf/CdtTrfTxInf).");
  return payments;
}
