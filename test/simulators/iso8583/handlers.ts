/**
 * @module What the simulated switch answers: 0800 echo → 0810; 0200/31 balance inquiry → 0210 with
 * field 54; 0200/40 transfer → 0210; 0420/0421 reversal advice → 0430; 0400 reversal request → 0410;
 * 0600 status inquiry → 0610 (private field 48, see connectors/iso8583/protocol.md).
 */
import type { IsoMessage } from "../../../connectors/iso8583/codec/codec.js";
import { CURRENCY_NUMERIC, decodePrivate, encodePrivate, formatAdditionalAmount } from "../../../connectors/iso8583/mapper.js";
import type { SimLedger, SimPayment } from "./ledger.js";

const CURRENCY_ALPHA = new Map(Object.entries(CURRENCY_NUMERIC).map(([alpha, numeric]) => [numeric, alpha]));

/** The response to a request: the request's trace fields echoed, then the answer's own. */
function answer(request: IsoMessage, code: string, extra: Record<number, string | undefined> = {}): IsoMessage {
  const fields = new Map<number, string>();
  for (const n of [3, 4, 7, 11, 12, 13, 32, 37, 41, 42, 49, 70, 102, 103]) {
    const value = request.fields.get(n);
    if (value !== undefined) fields.set(n, value);
  }
  fields.set(39, code);
  for (const [n, value] of Object.entries(extra)) if (value !== undefined) fields.set(Number(n), value);
  return { mti: `${request.mti.slice(0, 2)}${Number(request.mti[2]) + 1}0`, fields: new Map([...fields].sort(([a], [b]) => a - b)) };
}

const paymentTags = (p: SimPayment) => encodePrivate({ ST: p.state, OC: p.code, RR: p.reversalReason });

function balanceInquiry(ledger: SimLedger, request: IsoMessage): IsoMessage {
  const number = request.fields.get(102) ?? "";
  const account = ledger.accounts.get(number);
  const balances = ledger.balances(number);
  if (!account || !balances) return answer(request, "14");
  const accountType = request.fields.get(3)!.slice(2, 4);
  const amount = (amountType: string, amountMinor: bigint) => formatAdditionalAmount({ accountType, amountType, currency: account.currency, amountMinor });
  return answer(request, "00", { 54: amount("01", balances.ledger) + amount("02", balances.available) });
}

function transfer(ledger: SimLedger, request: IsoMessage): IsoMessage {
  const tags = decodePrivate(request.fields.get(48));
  const paymentRef = tags?.get("PR");
  const [debtor, creditorIban, currency] = [request.fields.get(102), request.fields.get(103), CURRENCY_ALPHA.get(request.fields.get(49) ?? "")];
  if (!paymentRef || !debtor || !creditorIban || !currency || !request.fields.has(4) || !request.fields.has(37)) return answer(request, "30");
  const xd = tags!.get("XD");
  const { code, payment } = ledger.transfer({
    rrn: request.fields.get(37)!,
    paymentRef,
    debtor,
    creditorIban,
    amountMinor: BigInt(request.fields.get(4)!),
    currency,
    executionDate: xd ? `${xd.slice(0, 4)}-${xd.slice(4, 6)}-${xd.slice(6, 8)}` : undefined,
  });
  return answer(request, code, payment ? { 38: payment.authCode ?? undefined, 48: paymentTags(payment) } : {});
}

function reversal(ledger: SimLedger, request: IsoMessage, advice: boolean): IsoMessage {
  const rrn = request.fields.get(37);
  if (!rrn) return answer(request, "30");
  const paymentRef = decodePrivate(request.fields.get(48))?.get("PR") ?? "";
  const { code, payment } = ledger.reverse(rrn, paymentRef, request.fields.get(39) ?? (advice ? "68" : "17"), advice);
  return answer(request, code, payment ? { 38: payment.authCode ?? undefined, 48: paymentTags(payment) } : {});
}

function statusInquiry(ledger: SimLedger, request: IsoMessage): IsoMessage {
  ledger.settleDue();
  const payment = ledger.payments.get(request.fields.get(37) ?? "");
  if (!payment) return answer(request, "25");
  return answer(request, "00", { 38: payment.authCode ?? undefined, 48: paymentTags(payment) });
}

/** The answer to one request, or null for a message the switch does not answer (a response, an unknown MTI). */
export function handle(ledger: SimLedger, request: IsoMessage): IsoMessage | null {
  switch (request.mti) {
    case "0800":
      return answer(request, "00");
    case "0200": {
      const kind = request.fields.get(3)?.slice(0, 2);
      return kind === "31" ? balanceInquiry(ledger, request) : kind === "40" ? transfer(ledger, request) : answer(request, "12");
    }
    case "0420":
    case "0421":
      return reversal(ledger, request, true);
    case "0400":
      return reversal(ledger, request, false);
    case "0600":
      return statusInquiry(ledger, request);
    default:
      return null;
  }
}
