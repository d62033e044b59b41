/**
 * @module The simulated core's side of payments: reads a pain.001.001.09 with the connector's locked-down
 * parser (no DOCTYPE, no entity expansion) and answers with a pain.002.001.10 built by fast-xml-parser.
 */
import { at, buildIsoDocument, chunks, freeText, list, parseIsoDocument, text } from "../../../connectors/iso20022/xml.js";
import { formatAmount, parseAmount } from "../../../subgraphs/shared/money.js";
import type { SimPayment, TransferOrder } from "./ledger.js";
import { ISARBANK } from "./seed.js";

export class InvalidPain001Error extends Error {}

/** ESCT for SEPA, IRCT for instant SEPA (LclInstrm INST), DMCT for urgent (URGP), XBCT otherwise. */
function transactionCode(serviceLevel: string | undefined, localInstrument: string | undefined): string {
  if (serviceLevel === "SEPA") return localInstrument === "INST" ? "PMNT-IRCT-ESCT" : "PMNT-ICDT-ESCT";
  return serviceLevel === "URGP" ? "PMNT-ICDT-DMCT" : "PMNT-ICDT-XBCT";
}

export function readPain001(xml: string): TransferOrder {
  let message;
  try {
    message = parseIsoDocument(xml, "pain.001");
  } catch (error) {
    throw new InvalidPain001Error((error as Error).message);
  }
  const required = (value: unknown, name: string): string => {
    const found = text(value);
    if (!found) throw new InvalidPain001Error(`The pain.001 has no ${name}.`);
    return found;
  };
  const instructions = list(at(message, "PmtInf"));
  const transactions = list(at(instructions[0], "CdtTrfTxInf"));
  if (instructions.length !== 1 || transactions.length !== 1) throw new InvalidPain001Error("This core takes one payment per pain.001 (one PmtInf, one CdtTrfTxInf).");
  const [pmtInf, tx] = [instructions[0], transactions[0]];
  const currency = required(at(tx, "Amt", "InstdAmt", "@_Ccy"), "InstdAmt/@Ccy");
  let amountMinor: bigint;
  try {
    amountMinor = parseAmount(required(at(tx, "Amt", "InstdAmt"), "InstdAmt"), currency);
  } catch (error) {
    throw new InvalidPain001Error((error as Error).message);
  }
  const remittance = list(at(tx, "RmtInf", "Ustrd")).map(freeText).join("");
  return {
    messageId: required(at(message, "GrpHdr", "MsgId"), "GrpHdr/MsgId"),
    paymentInfoId: required(at(pmtInf, "PmtInfId"), "PmtInfId"),
    instructionId: text(at(tx, "PmtId", "InstrId")) ?? null,
    endToEndId: freeText(at(tx, "PmtId", "EndToEndId")) || required(undefined, "EndToEndId"),
    debtorIban: required(at(pmtInf, "DbtrAcct", "Id", "IBAN"), "DbtrAcct/Id/IBAN"),
    amountMinor,
    currency,
    creditor: { name: freeText(at(tx, "Cdtr", "Nm")) ?? "", iban: required(at(tx, "CdtrAcct", "Id", "IBAN"), "CdtrAcct/Id/IBAN") },
    remittance: remittance || null,
    executionDate: required(at(pmtInf, "ReqdExctnDt", "Dt"), "ReqdExctnDt/Dt"),
    bankTransactionCode: transactionCode(text(at(pmtInf, "PmtTpInf", "SvcLvl", "Cd")), text(at(pmtInf, "PmtTpInf", "LclInstrm", "Cd"))),
  };
}

let reports = 0;

/** The status report of one payment, as first answered and as answered to every later inquiry. */
export function buildPain002(payment: SimPayment, now: Date): string {
  const createdAt = now.toISOString().replace(/\.\d{3}Z$/, "Z");
  const reason = payment.reasonCode
    ? [{ Rsn: { Cd: payment.reasonCode }, AddtlInf: payment.reason ? chunks(payment.reason, 105) : undefined }]
    : payment.status === "CANC"
      ? [{ Rsn: { Cd: "CUST" } }]
      : undefined;
  return buildIsoDocument("pain.002", {
    GrpHdr: { MsgId: `STS${String(++reports).padStart(10, "0")}`, CreDtTm: createdAt, DbtrAgt: { FinInstnId: { BICFI: ISARBANK.bic } } },
    OrgnlGrpInfAndSts: {
      OrgnlMsgId: payment.messageId,
      OrgnlMsgNmId: "pain.001.001.09",
      OrgnlNbOfTxs: "1",
      OrgnlCtrlSum: formatAmount(payment.amountMinor, payment.currency),
    },
    OrgnlPmtInfAndSts: [
      {
        OrgnlPmtInfId: payment.paymentInfoId,
        TxInfAndSts: [
          {
            StsId: `${payment.messageId.slice(0, 30)}-STS`,
            OrgnlInstrId: payment.instructionId ?? undefined,
            OrgnlEndToEndId: payment.endToEndId,
            TxSts: payment.status,
            StsRsnInf: reason,
            AccptncDtTm: payment.receivedAt,
            AcctSvcrRef: payment.booking ?? undefined,
          },
        ],
      },
    ],
  });
}
