/**
 * @module Requests awaiting their answer, by STAN (field 11). An answer must also carry the response
 * MTI of its request and the same RRN (field 37); one that does not is a malformed answer, and an
 * answer nobody waits for (its request timed out) is dropped.
 */
import type { IsoMessage } from "../codec/codec.js";
import { Iso8583TransportError } from "../errors.js";

/** 0200 → 0210, 0420/0421 → 0430, 0800 → 0810. */
export const responseMti = (mti: string) => `${mti.slice(0, 2)}${Number(mti[2]) + 1}0`;

interface Waiting {
  request: IsoMessage;
  settle(outcome: IsoMessage | Error): void;
}

export class PendingRequests {
  private readonly byStan = new Map<string, Waiting>();

  constructor(private readonly label: string) {}

  has(stan: string): boolean {
    return this.byStan.has(stan);
  }

  /** Registers a request before it is written; the promise settles with its answer, an error, or a timeout at `deadline`. */
  expect(request: IsoMessage, deadline: number, timeoutMs: number): Promise<IsoMessage> {
    const stan = request.fields.get(11);
    if (!stan || this.byStan.has(stan)) throw new Error(`Bug: ${request.mti} needs a STAN from nextStan() that is not in flight; got ${stan}.`);
    return new Promise<IsoMessage>((resolve, reject) => {
      const timer = setTimeout(() => {
        const why = `${this.label} did not answer ${request.mti} (STAN ${stan}) within ${timeoutMs} ms.`;
        waiting.settle(new Iso8583TransportError("CORE_TIMEOUT", why, true));
      }, Math.max(0, deadline - Date.now()));
      const waiting: Waiting = {
        request,
        settle: (outcome) => {
          clearTimeout(timer);
          this.byStan.delete(stan);
          if (outcome instanceof Error) reject(outcome);
          else resolve(outcome);
        },
      };
      this.byStan.set(stan, waiting);
    });
  }

  /** Hands an answer to the request it belongs to. */
  answer(message: IsoMessage): void {
    const stan = message.fields.get(11) ?? "";
    const waiting = this.byStan.get(stan);
    if (!waiting) return;
    const [expectedMti, expectedRrn, rrn] = [responseMti(waiting.request.mti), waiting.request.fields.get(37), message.fields.get(37)];
    if (message.mti === expectedMti && (expectedRrn === undefined || rrn === expectedRrn)) return waiting.settle(message);
    const why = `${this.label} answered STAN ${stan} with ${message.mti} and RRN ${rrn ?? "none"}; expected ${expectedMti} and RRN ${expectedRrn ?? "none"}.`;
    waiting.settle(new Iso8583TransportError("CORE_MALFORMED_RESPONSE", why, true));
  }

  failAll(error: Error): void {
    for (const waiting of [...this.byStan.values()]) waiting.settle(error);
  }
}
