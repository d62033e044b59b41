/**
 * @module pain.001.001.09 (CustomerCreditTransferInitiation) for one payment order. Its MsgId, PmtInfId
 * and InstrId are derived from the hub's paymentRef alone, so a repeated initiation is the same message to
 * the core, which answers it with the original pain.002 and never books it twice.
 */
import { createHash } from "node:crypto";
import type { PaymentOrder, PaymentProduct } from "../contract.js";
import { formatAmount } from "../../subgraphs/shared/money.js";
import { buildIsoDocument, chunks, type XmlNode } from "./xml.js";

export const PAIN_001_NAME = "pain.001.001.09";

/** The core-side identity of a hub payment: 32 hex digits of the UUID, or "H" + 33 of its SHA-256 otherwise. */
export function messageIdOf(paymentRef: string): string {
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
  if (uuid.test(paymentRef)) return paymentRef.replaceAll("-", "").toLowerCase();
  return `H${createHash("sha256").update(paymentRef, "utf8").digest("hex").slice(0, 33)}`;
}

const PAYMENT_TYPES: Record<PaymentProduct, XmlNode | undefined> = {
  "sepa-credit-transfers": { SvcLvl: [{ Cd: "SEPA" }] },
  "instant-sepa-credit-transfers": { SvcLvl: [{ Cd: "SEPA" }], LclInstrm: { Cd: "INST" } },
  "target-2-payments": { SvcLvl: [{ Cd: "URGP" }] },
  "cross-border-credit-transfers": undefined,
};

export interface Pain001Input {
  order: PaymentOrder;
  debtorIban: string;
  creditorIban: string;
  /** The bank's BIC (debtor agent). */
  bic: string;
  initiatingPartyName: string;
  createdAt: Date;
  /** ISO date; today when the order names none. */
  executionDate: string;
}

/** Whole-second UTC timestamp, as ISO 20022 examples write them. */
export function isoDateTime(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, "Z");
}

export function buildPain001(input: Pain001Input): string {
  const { order } = input;
  const id = messageIdOf(order.paymentRef);
  const amount = formatAmount(order.amountMinor, order.currency);
  const sepa = order.product === "sepa-credit-transfers" || order.product === "instant-sepa-credit-transfers";
  return buildIsoDocument("pain.001", {
    GrpHdr: { MsgId: id, CreDtTm: isoDateTime(input.createdAt), NbOfTxs: "1", CtrlSum: amount, InitgPty: { Nm: input.initiatingPartyName } },
    PmtInf: [
      {
        PmtInfId: id,
        PmtMtd: "TRF",
        NbOfTxs: "1",
        CtrlSum: amount,
        PmtTpInf: PAYMENT_TYPES[order.product],
        ReqdExctnDt: { Dt: input.executionDate },
        Dbtr: {},
        DbtrAcct: { Id: { IBAN: input.debtorIban } },
        DbtrAgt: { FinInstnId: { BICFI: input.bic } },
        ChrgBr: sepa ? "SLEV" : "SHAR",
        CdtTrfTxInf: [
          {
            PmtId: { InstrId: id, EndToEndId: order.endToEndId },
            Amt: { InstdAmt: { "@_Ccy": order.currency, "#text": amount } },
            Cdtr: { Nm: order.creditorName },
            CdtrAcct: { Id: { IBAN: input.creditorIban } },
            RmtInf: order.remittanceInformation ? { Ustrd: chunks(order.remittanceInformation, 140) } : undefined,
          },
        ],
      },
    ],
  });
}
