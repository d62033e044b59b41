/** @module camt.052 / camt.053 / camt.054 (version 08) as the simulated core writes them, with fast-xml-parser's builder. */
import { buildIsoDocument, chunks, type XmlNode } from "../../../connectors/iso20022/xml.js";
import { formatAmount } from "../../../subgraphs/shared/money.js";
import type { Iso20022Ledger, SimEntry } from "./ledger.js";
import { ISARBANK, type Counterparty } from "./seed.js";

const dateTime = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, "Z");
const amount = (minor: bigint, currency: string) => ({ "@_Ccy": currency, "#text": formatAmount(minor < 0n ? -minor : minor, currency) });
const direction = (minor: bigint) => (minor < 0n ? "DBIT" : "CRDT");
const party = (p: Counterparty) => ({ Pty: { Nm: p.name } });
const account = (p: Counterparty) => ({ Id: { IBAN: p.iban } });

export class CamtWriter {
  private messages = 0;

  constructor(
    private readonly ledger: Iso20022Ledger,
    private readonly now: () => Date,
  ) {}

  private header(prefix: string): XmlNode {
    return { MsgId: `${prefix}${String(++this.messages).padStart(10, "0")}`, CreDtTm: dateTime(this.now()) };
  }

  private account(iban: string): XmlNode {
    const a = this.ledger.accounts.get(iban)!;
    return {
      Id: { IBAN: a.iban },
      Tp: { Cd: a.cashAccountType },
      Ccy: a.currency,
      Nm: a.name,
      Ownr: { Nm: a.ownerName },
      Svcr: { FinInstnId: { BICFI: ISARBANK.bic, Nm: ISARBANK.name } },
    };
  }

  private balance(code: string, minor: bigint, currency: string, date: string, creditLine?: bigint): XmlNode {
    return {
      Tp: { CdOrPrtry: { Cd: code } },
      CdtLine: creditLine ? [{ Incl: "true", Amt: amount(creditLine, currency) }] : undefined,
      Amt: amount(minor, currency),
      CdtDbtInd: direction(minor),
      Dt: { Dt: date },
    };
  }

  entry(e: SimEntry): XmlNode {
    const [domain, family, subFamily] = e.bankTransactionCode.split("-");
    return {
      NtryRef: e.ref,
      Amt: amount(e.amountMinor, e.currency),
      CdtDbtInd: direction(e.amountMinor),
      Sts: { Cd: e.status === "booked" ? "BOOK" : "PDNG" },
      BookgDt: e.bookingDate ? { Dt: e.bookingDate } : undefined,
      ValDt: { Dt: e.valueDate },
      AcctSvcrRef: e.booking,
      BkTxCd: { Domn: { Cd: domain, Fmly: { Cd: family, SubFmlyCd: subFamily } } },
      NtryDtls: [
        {
          TxDtls: [
            {
              Refs: { MsgId: e.messageId ?? undefined, AcctSvcrRef: e.booking, PmtInfId: e.messageId ?? undefined, EndToEndId: e.endToEndId ?? undefined },
              RltdPties: { Dbtr: party(e.debtor), DbtrAcct: account(e.debtor), Cdtr: party(e.creditor), CdtrAcct: account(e.creditor) },
              RmtInf: e.remittance ? { Ustrd: chunks(e.remittance, 140) } : undefined,
            },
          ],
        },
      ],
    };
  }

  /** camt.052: balances of each account as of today, and its entries when asked. */
  report(ibans: readonly string[], entriesOf: (iban: string) => SimEntry[] | undefined): string {
    const today = this.now().toISOString().slice(0, 10);
    const yesterday = new Date(Date.parse(`${today}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    const header = this.header("RPT");
    return buildIsoDocument("camt.052", {
      GrpHdr: header,
      Rpt: ibans.map((iban, n) => {
        const a = this.ledger.accounts.get(iban)!;
        const f = this.ledger.funds(iban);
        return {
          Id: `${header.MsgId}-${n + 1}`,
          CreDtTm: header.CreDtTm,
          Acct: this.account(iban),
          Bal: [
            this.balance("PRCD", f.closingBooked, a.currency, yesterday),
            this.balance("ITBD", f.interimBooked, a.currency, today),
            this.balance("XPCD", f.expected, a.currency, today),
            this.balance("ITAV", f.available, a.currency, today, a.creditLimitMinor),
          ],
          Ntry: (entriesOf(iban) ?? []).map((e) => this.entry(e)),
        };
      }),
    });
  }

  /** camt.053: booked entries from `from` to `to`, between an opening and a closing balance. */
  statement(ibans: readonly string[], from: string, to: string, entriesOf: (iban: string) => SimEntry[]): string {
    const header = this.header("STM");
    const dayBefore = new Date(Date.parse(`${from}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    return buildIsoDocument("camt.053", {
      GrpHdr: header,
      Stmt: ibans.map((iban, n) => {
        const currency = this.ledger.accounts.get(iban)!.currency;
        return {
          Id: `${header.MsgId}-${n + 1}`,
          CreDtTm: header.CreDtTm,
          FrToDt: { FrDtTm: `${from}T00:00:00Z`, ToDtTm: `${to}T23:59:59Z` },
          Acct: this.account(iban),
          Bal: [this.balance("OPBD", this.ledger.bookedUntil(iban, dayBefore), currency, from), this.balance("CLBD", this.ledger.bookedUntil(iban, to), currency, to)],
          Ntry: entriesOf(iban).map((e) => this.entry(e)),
        };
      }),
    });
  }

  /** camt.054: one notification per account (or, numbered, one per entry) with its entries. */
  notification(groups: { iban: string; entries: SimEntry[]; sequence?: number }[]): string {
    const header = this.header("NTF");
    return buildIsoDocument("camt.054", {
      GrpHdr: header,
      Ntfctn: groups.map((g, n) => ({
        Id: `${header.MsgId}-${n + 1}`,
        ElctrncSeqNb: g.sequence?.toString(),
        CreDtTm: header.CreDtTm,
        Acct: this.account(g.iban),
        Ntry: g.entries.map((e) => this.entry(e)),
      })),
    });
  }
}
