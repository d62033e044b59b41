/**
 * @module camt.052 (account report), camt.053 (statement) and camt.054 (debit/credit notification),
 * version 08, read into accounts with their balances and entries. The three share ReportEntry10 and
 * CashBalance8, so one reader serves them all; amounts become signed minor units at once.
 */
import { CURRENCY_EXPONENTS } from "../../subgraphs/shared/money.js";
import { XmlRejectedError } from "./errors.js";
import { at, freeText, list, parseIsoDocument, text, type MessageKind } from "./xml.js";

export type CamtKind = Extract<MessageKind, "camt.052" | "camt.053" | "camt.054">;

const ITEMS: Record<CamtKind, string> = { "camt.052": "Rpt", "camt.053": "Stmt", "camt.054": "Ntfctn" };

export interface CamtBalance {
  /** ExternalBalanceType1Code: PRCD, CLBD, OPBD, ITBD, ITAV, XPCD, … */
  code: string;
  amountMinor: bigint;
  currency: string;
  date: string;
  creditLineIncluded: boolean;
}

export interface CamtEntry {
  ref: string;
  amountMinor: bigint;
  currency: string;
  /** ExternalEntryStatus1Code: BOOK, PDNG, INFO. */
  status: string;
  bookingDate: string | null;
  valueDate: string | null;
  accountServicerRef: string | null;
  bankTransactionCode: string | null;
  endToEndId: string | null;
  debtorName: string | null;
  debtorIban: string | null;
  creditorName: string | null;
  creditorIban: string | null;
  remittance: string | null;
}

export interface CamtAccount {
  iban: string;
  currency: string | null;
  /** ElctrncSeqNb, when the core numbers its reports or notifications. */
  sequence: string | null;
  balances: CamtBalance[];
  entries: CamtEntry[];
}

/** "12.30" EUR, CRDT → 1230n; DBIT → negative. Refuses precision the currency does not have. */
export function signedMinor(amount: string | undefined, currency: string | undefined, indicator: string | undefined): bigint {
  const exponent = currency === undefined ? undefined : CURRENCY_EXPONENTS[currency];
  const match = amount === undefined ? null : /^(\d{1,18})(?:\.(\d{1,5}))?$/.exec(amount);
  if (exponent === undefined) throw new XmlRejectedError(`Amount ${amount} has an unsupported currency ${currency ?? "(none)"}.`);
  if (!match || (match[2] ?? "").slice(exponent).replace(/0/g, "") !== "") throw new XmlRejectedError(`Amount ${amount} ${currency} is not a decimal with at most ${exponent} places.`);
  if (indicator !== "CRDT" && indicator !== "DBIT") throw new XmlRejectedError(`CdtDbtInd must be CRDT or DBIT; got ${indicator ?? "nothing"}.`);
  const minor = BigInt(match[1]!) * 10n ** BigInt(exponent) + BigInt((match[2] ?? "").slice(0, exponent).padEnd(exponent, "0") || "0");
  return indicator === "DBIT" ? -minor : minor;
}

function date(choice: unknown): string | null {
  const day = text(at(choice, "Dt")) ?? text(at(choice, "DtTm"))?.slice(0, 10);
  if (day !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new XmlRejectedError(`"${day}" is not an ISO date.`);
  return day ?? null;
}

function balanceOf(node: unknown): CamtBalance {
  const currency = text(at(node, "Amt", "@_Ccy"));
  const code = text(at(node, "Tp", "CdOrPrtry", "Cd")) ?? text(at(node, "Tp", "CdOrPrtry", "Prtry"));
  const day = date(at(node, "Dt"));
  if (!code || !day) throw new XmlRejectedError("A balance lacks its type or date.");
  const included = list(at(node, "CdtLine")).some((line) => text(at(line, "Incl")) === "true");
  return { code, amountMinor: signedMinor(text(at(node, "Amt")), currency, text(at(node, "CdtDbtInd"))), currency: currency!, date: day, creditLineIncluded: included };
}

function entryOf(node: unknown): CamtEntry {
  const ref = text(at(node, "NtryRef"));
  const status = text(at(node, "Sts", "Cd")) ?? text(at(node, "Sts", "Prtry"));
  if (!ref || !status) throw new XmlRejectedError("An entry lacks its NtryRef or status.");
  const currency = text(at(node, "Amt", "@_Ccy"));
  const details = list(at(node, "NtryDtls")).flatMap((d) => list(at(d, "TxDtls")))[0];
  const parties = at(details, "RltdPties");
  const domain = at(node, "BkTxCd", "Domn");
  const codes = [text(at(domain, "Cd")), text(at(domain, "Fmly", "Cd")), text(at(domain, "Fmly", "SubFmlyCd"))];
  const remittance = list(at(details, "RmtInf", "Ustrd")).map(freeText).filter((line): line is string => line !== undefined);
  return {
    ref,
    amountMinor: signedMinor(text(at(node, "Amt")), currency, text(at(node, "CdtDbtInd"))),
    currency: currency!,
    status,
    bookingDate: date(at(node, "BookgDt")),
    valueDate: date(at(node, "ValDt")),
    accountServicerRef: text(at(node, "AcctSvcrRef")) ?? null,
    bankTransactionCode: codes.every(Boolean) ? codes.join("-") : null,
    endToEndId: freeText(at(details, "Refs", "EndToEndId")) ?? null,
    debtorName: freeText(at(parties, "Dbtr", "Pty", "Nm")) ?? null,
    debtorIban: text(at(parties, "DbtrAcct", "Id", "IBAN")) ?? null,
    creditorName: freeText(at(parties, "Cdtr", "Pty", "Nm")) ?? null,
    creditorIban: text(at(parties, "CdtrAcct", "Id", "IBAN")) ?? null,
    remittance: remittance.length ? remittance.join("") : null,
  };
}

export function parseCamt(xml: string, kind: CamtKind): CamtAccount[] {
  const message = parseIsoDocument(xml, kind);
  const items = list(message[ITEMS[kind]]);
  if (items.length === 0) throw new XmlRejectedError(`The ${kind} holds no ${ITEMS[kind]}.`);
  return items.map((item) => {
    const iban = text(at(item, "Acct", "Id", "IBAN"));
    if (!iban) throw new XmlRejectedError(`A ${kind} ${ITEMS[kind]} names no account IBAN.`);
    return {
      iban,
      currency: text(at(item, "Acct", "Ccy")) ?? null,
      sequence: text(at(item, "ElctrncSeqNb")) ?? null,
      balances: list(at(item, "Bal")).map(balanceOf),
      entries: list(at(item, "Ntry")).map(entryOf),
    };
  });
}
