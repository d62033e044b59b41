/**
 * @module pain.002.001.10 (CustomerPaymentStatusReport) read into the status of one payment: the most
 * specific status the report gives (transaction, else payment information, else group) with its reason.
 */
import { XmlRejectedError } from "./errors.js";
import { PAIN_001_NAME } from "./pain001.js";
import { at, freeText, list, parseIsoDocument, text } from "./xml.js";

export interface PaymentStatusReport {
  originalMessageId: string;
  /** ExternalPaymentTransactionStatus1Code / ExternalPaymentGroupStatus1Code, e.g. ACSC, RJCT. */
  status: string;
  /** ExternalStatusReason1Code (e.g. AM04) or a proprietary reason. */
  reasonCode?: string;
  reasonText?: string;
  /** AcctSvcrRef: the core's booking reference. */
  coreRef?: string;
  endToEndId?: string;
}

function reason(statusReasons: unknown): { reasonCode?: string; reasonText?: string } {
  const first = list(statusReasons)[0];
  if (first === undefined) return {};
  const reasonCode = text(at(first, "Rsn", "Cd")) ?? text(at(first, "Rsn", "Prtry"));
  const lines = list(at(first, "AddtlInf")).map(freeText).filter((line): line is string => line !== undefined);
  return { reasonCode, reasonText: lines.length ? lines.join("") : undefined };
}

export function parsePain002(xml: string): PaymentStatusReport {
  const report = parseIsoDocument(xml, "pain.002");
  const group = at(report, "OrgnlGrpInfAndSts");
  const originalMessageId = text(at(group, "OrgnlMsgId"));
  const originalName = text(at(group, "OrgnlMsgNmId"));
  if (!originalMessageId) throw new XmlRejectedError("The pain.002 names no OrgnlMsgId.");
  if (originalName !== PAIN_001_NAME) throw new XmlRejectedError(`The pain.002 reports on a ${originalName ?? "unnamed"} message, not ${PAIN_001_NAME}.`);

  const instruction = list(at(report, "OrgnlPmtInfAndSts"))[0];
  const transaction = list(at(instruction, "TxInfAndSts"))[0];
  const levels: [unknown, string][] = [
    [transaction, "TxSts"],
    [instruction, "PmtInfSts"],
    [group, "GrpSts"],
  ];
  for (const [level, field] of levels) {
    const status = text(at(level, field));
    if (!status) continue;
    return {
      originalMessageId,
      status,
      ...reason(at(level, "StsRsnInf")),
      coreRef: text(at(transaction, "AcctSvcrRef")),
      endToEndId: text(at(transaction, "OrgnlEndToEndId")),
    };
  }
  throw new XmlRejectedError(`The pain.002 for ${originalMessageId} gives no status.`);
}
