/**
 * @module The requests the connector sends, field by field (protocol.md has the same as tables):
 * echo 0800, balance inquiry 0200/31, transfer 0200/40, reversal advice 0420/0421 (no answer in time),
 * reversal request 0400 (cancellation) and the status inquiry 0600 of the private field 48.
 */
import type { CoreAccount, PaymentOrder } from "../contract.js";
import type { IsoMessage } from "./codec/codec.js";
import { accountTypeOf, CURRENCY_NUMERIC, decodePrivate, encodePrivate, rrnOf, timestamps, toAscii } from "./mapper.js";

/** Who sends: fields 32, 41 and 42 of every request. */
export interface Originator {
  acquirerId: string;
  terminalId: string;
  acceptorId: string;
}

const message = (mti: string, fields: Record<number, string | undefined>): IsoMessage => ({
  mti,
  fields: new Map(Object.entries(fields).filter((e): e is [string, string] => e[1] !== undefined).map(([k, v]) => [Number(k), v])),
});

const originator = (o: Originator) => ({ 32: o.acquirerId, 41: o.terminalId, 42: o.acceptorId });
const amount = (minor: bigint) => minor.toString().padStart(12, "0");

/** Largest amount field 4 (n12) can carry, in minor units. */
export const MAX_AMOUNT = 999_999_999_999n;

/** A retrieval reference for messages that are not payments: YDDDhh + STAN, the usual layout. */
export function inquiryRrn(stan: string, now: Date): string {
  const start = Date.UTC(now.getUTCFullYear(), 0, 1);
  const day = Math.floor((now.getTime() - start) / 86_400_000) + 1;
  return `${now.getUTCFullYear() % 10}${String(day).padStart(3, "0")}${String(now.getUTCHours()).padStart(2, "0")}${stan}`;
}

export function echoRequest(stan: string, now: Date): IsoMessage {
  return message("0800", { 7: timestamps(now)[7], 11: stan, 70: "301" });
}

/** The answer to an 08x0 the switch sends us: the same trace fields, approved. */
export function networkResponse(request: IsoMessage): IsoMessage {
  const echo = (n: number) => request.fields.get(n);
  return message(`${request.mti.slice(0, 2)}${Number(request.mti[2]) + 1}0`, { 7: echo(7), 11: echo(11), 39: "00", 70: echo(70) });
}

export function balanceInquiry(o: Originator, account: CoreAccount, stan: string, now: Date): IsoMessage {
  return message("0200", {
    3: `31${accountTypeOf(account.cashAccountType)}00`,
    4: amount(0n),
    ...timestamps(now),
    11: stan,
    37: inquiryRrn(stan, now),
    ...originator(o),
    49: CURRENCY_NUMERIC[account.currency],
    102: account.ref,
  });
}

export function transferRequest(o: Originator, order: PaymentOrder, debtor: CoreAccount, creditor: CoreAccount | undefined, stan: string, now: Date): IsoMessage {
  return message("0200", {
    3: `40${accountTypeOf(debtor.cashAccountType)}${creditor ? accountTypeOf(creditor.cashAccountType) : "00"}`,
    4: amount(order.amountMinor),
    ...timestamps(now),
    11: stan,
    37: rrnOf(order.paymentRef),
    ...originator(o),
    48: encodePrivate({
      PR: toAscii(order.paymentRef, 100),
      EE: toAscii(order.endToEndId, 35),
      CN: toAscii(order.creditorName, 70),
      RI: order.remittanceInformation ? toAscii(order.remittanceInformation, 140) : undefined,
      XD: order.requestedExecutionDate?.replaceAll("-", ""),
    }),
    49: CURRENCY_NUMERIC[order.currency],
    102: debtor.ref,
    103: order.creditorIban,
  });
}

/** Field 90: original MTI, STAN, transmission time, acquirer and forwarding institution (n11 each). */
function originalData(original: IsoMessage): string {
  const f = (n: number) => original.fields.get(n) ?? "";
  return `${original.mti}${f(11)}${f(7)}${f(32).padStart(11, "0")}${"0".repeat(11)}`;
}

/** 0420 the first time, 0421 when repeated, until the switch acknowledges it; field 39 = 68 (no answer in time). */
export function reversalAdvice(original: IsoMessage, stan: string, now: Date, repeat: boolean): IsoMessage {
  const copy = (...numbers: number[]) => Object.fromEntries(numbers.map((n) => [n, original.fields.get(n)]));
  const paymentRef = decodePrivate(original.fields.get(48))?.get("PR");
  return message(repeat ? "0421" : "0420", {
    ...copy(3, 4, 32, 37, 41, 42, 49, 102, 103),
    ...timestamps(now),
    11: stan,
    39: "68",
    48: paymentRef ? encodePrivate({ PR: paymentRef }) : undefined,
    90: originalData(original),
  });
}

/** 0400 asking the switch to reverse a payment the customer cancels (field 39 = 17); it may refuse. */
export function cancellationRequest(o: Originator, paymentRef: string, original: IsoMessage | undefined, stan: string, now: Date): IsoMessage {
  return message("0400", {
    3: original?.fields.get(3) ?? "400000",
    4: original?.fields.get(4),
    ...timestamps(now),
    11: stan,
    37: rrnOf(paymentRef),
    39: "17",
    ...originator(o),
    48: encodePrivate({ PR: toAscii(paymentRef, 100) }),
    90: original ? originalData(original) : undefined,
  });
}

/** 0600 asking what became of a payment (private use: field 48 tag PR, answer in tags ST, OC, RR). */
export function statusInquiry(o: Originator, paymentRef: string, stan: string, now: Date): IsoMessage {
  return message("0600", { 7: timestamps(now)[7], 11: stan, 37: rrnOf(paymentRef), ...originator(o), 48: encodePrivate({ PR: toAscii(paymentRef, 100) }) });
}
