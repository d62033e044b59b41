/**
 * @module Payments over ISO 8583: the transfer (0200/40, its RRN derived from the hub's paymentRef so
 * the switch answers a repeat with "94 duplicate" and the first outcome), the status inquiry (0600),
 * cancellation by reversal request (0400), and the rule that a transfer whose answer never came is
 * reversed (0420, repeated as 0421 until acknowledged), never guessed: until then it is PDNG.
 */
import { electronicFormatIBAN } from "ibantools";
import type { PaymentExecution, PaymentOrder } from "../contract.js";
import { ok, reject, type Result } from "../result.js";
import type { IsoMessage } from "./codec/codec.js";
import type { AccountDirectory } from "./directory.js";
import { Iso8583TransportError, type Iso8583FailureCode } from "./errors.js";
import { decodePrivate, describeCode, executionOf, isUnavailable, statusOf, type PaymentState } from "./mapper.js";
import { cancellationRequest, MAX_AMOUNT, reversalAdvice, statusInquiry, transferRequest, type Originator } from "./messages.js";
import type { Iso8583Session } from "./transport/session.js";
import { backoffDelay } from "./transport/slots.js";

/** A Map that forgets its oldest entries past `max`: memory of this process only, bounded. */
class Recent<V> extends Map<string, V> {
  constructor(private readonly max: number) {
    super();
  }
  override set(key: string, value: V): this {
    super.delete(key);
    super.set(key, value);
    if (this.size > this.max) this.delete(this.keys().next().value!);
    return this;
  }
}

const PENDING_REVERSAL: PaymentExecution = { status: "PDNG", coreRef: null, reason: "REVERSAL_PENDING" };

export class Iso8583Payments {
  /** Outcomes decided here, for payments the switch never saw. */
  private readonly local = new Recent<Result<PaymentExecution>>(10_000);
  /** The 0200 of each transfer sent, for the original data elements (field 90) of its reversal. */
  private readonly sent = new Recent<IsoMessage>(10_000);
  /** Transfers without an answer whose reversal the switch has not acknowledged yet, by paymentRef. */
  private readonly reversals = new Map<string, { original: IsoMessage; attempts: number; busy: boolean }>();
  private retryTimer: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(
    private readonly session: Iso8583Session,
    private readonly originator: Originator,
    private readonly directory: AccountDirectory,
    private readonly retry: { initialDelayMs: number; maxDelayMs: number },
    private readonly label: string,
  ) {}

  get pendingReversals(): number {
    return this.reversals.size;
  }

  async execute(order: PaymentOrder): Promise<Result<PaymentExecution>> {
    if (this.reversals.has(order.paymentRef)) return ok(PENDING_REVERSAL);
    const decided = this.local.get(order.paymentRef) ?? this.check(order);
    if (decided) {
      this.local.set(order.paymentRef, decided);
      return decided;
    }
    const debtor = this.directory.account(order.debtorAccountRef)!;
    const creditorIban = electronicFormatIBAN(order.creditorIban) ?? order.creditorIban;
    const request = transferRequest(this.originator, { ...order, creditorIban }, debtor, this.directory.accountByIban(creditorIban), this.session.nextStan(), new Date());
    this.sent.set(order.paymentRef, request);
    let response: IsoMessage;
    try {
      response = await this.session.send(request);
    } catch (error) {
      if (error instanceof Iso8583TransportError && error.requestSent) throw await this.reverseUnanswered(order.paymentRef, request, error);
      throw error;
    }
    const code = this.codeOf(response, "transfer");
    if (code === "00" || code === "94") return executionOf(this.stateOf(response, code));
    return executionOf({ state: "D", originalCode: code, authCode: null });
  }

  async status(paymentRef: string): Promise<Result<PaymentExecution>> {
    if (this.reversals.has(paymentRef)) return ok(PENDING_REVERSAL);
    const decided = this.local.get(paymentRef);
    if (decided) return ok(decided.ok ? decided.value : { status: "RJCT", coreRef: null, reason: decided.error.code });
    const response = await this.session.send(statusInquiry(this.originator, paymentRef, this.session.nextStan(), new Date()));
    const code = this.codeOf(response, "status inquiry");
    if (code === "25") return reject("PAYMENT_NOT_FOUND", `The switch knows no payment ${paymentRef}.`);
    if (code !== "00") throw new Iso8583TransportError("CORE_DECLINED", `${this.label} declined the status inquiry: ${describeCode(code)}.`, true);
    return ok(statusOf(this.stateOf(response, code)));
  }

  async cancel(paymentRef: string): Promise<Result<PaymentExecution>> {
    if (this.reversals.has(paymentRef)) return reject("CANCELLATION_NOT_ALLOWED", "The payment got no answer in time and is being reversed already.");
    if (this.local.has(paymentRef)) return reject("CANCELLATION_NOT_ALLOWED", "The payment was rejected; there is nothing to cancel.");
    const request = cancellationRequest(this.originator, paymentRef, this.sent.get(paymentRef), this.session.nextStan(), new Date());
    const response = await this.session.send(request);
    const code = this.codeOf(response, "reversal request");
    if (code === "00") return ok({ status: "CANC", coreRef: response.fields.get(38) ?? null });
    if (code === "25") return reject("PAYMENT_NOT_FOUND", `The switch knows no payment ${paymentRef}.`);
    return reject("CANCELLATION_NOT_ALLOWED", `The switch refused to reverse the payment: ${describeCode(code)}.`);
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.retryTimer);
  }

  /** What can be decided without the switch; recorded so that repeats and status inquiries agree. */
  private check(order: PaymentOrder): Result<PaymentExecution> | undefined {
    const debtor = this.directory.account(order.debtorAccountRef);
    if (!debtor || debtor.status === "deleted") return reject("ACCOUNT_NOT_FOUND", `No account with ref "${order.debtorAccountRef}" at this bank.`);
    if (debtor.status === "blocked") return reject("ACCOUNT_BLOCKED", "The debtor account is blocked.");
    if (order.currency !== debtor.currency) return reject("CURRENCY_MISMATCH", `The account holds ${debtor.currency}; the payment is in ${order.currency}.`);
    if (order.amountMinor > MAX_AMOUNT) {
      return reject("INSUFFICIENT_FUNDS", "The amount is above the 12 digits of field 4, so above any balance the switch can hold.");
    }
    const iban = electronicFormatIBAN(order.creditorIban) ?? order.creditorIban;
    if (!/^[A-Z0-9]{1,28}$/.test(iban)) return reject("REJECTED_BY_CORE", `The switch takes creditor accounts of 1 to 28 letters and digits (field 103); got "${iban}".`);
    return undefined;
  }

  private codeOf(response: IsoMessage, what: string): string {
    const code = response.fields.get(39);
    if (!code) throw new Iso8583TransportError("CORE_MALFORMED_RESPONSE", `${this.label} answered the ${what} without a response code (field 39).`, true);
    if (isUnavailable(code)) throw new Iso8583TransportError("CORE_UNAVAILABLE", `${this.label} answered the ${what} with ${describeCode(code)}.`, true);
    return code;
  }

  /** Field 48 ST/OC/RR and field 38 of an approval, a duplicate or a status answer. */
  private stateOf(response: IsoMessage, code: string): PaymentState {
    const tags = decodePrivate(response.fields.get(48));
    const state = tags?.get("ST") ?? (code === "00" ? "B" : undefined);
    const originalCode = tags?.get("OC") ?? code;
    if (state !== "B" && state !== "S" && state !== "D" && state !== "R") {
      throw new Iso8583TransportError("CORE_MALFORMED_RESPONSE", `${this.label} answered ${response.mti} with ${describeCode(code)} but no payment state in field 48.`, true);
    }
    return { state, originalCode, reversalReason: tags?.get("RR"), authCode: response.fields.get(38) ?? null };
  }

  private async reverseUnanswered(paymentRef: string, original: IsoMessage, cause: Iso8583TransportError): Promise<Iso8583TransportError> {
    this.reversals.set(paymentRef, { original, attempts: 0, busy: false });
    const reversed = await this.reverse(paymentRef);
    const then = reversed
      ? "the switch acknowledged its reversal (0420), so nothing stays debited"
      : "its reversal (0420) is queued and repeated (0421) until the switch acknowledges it";
    return new Iso8583TransportError(cause.code as Iso8583FailureCode, `${cause.message} Transfer ${paymentRef} was not answered: ${then}.`, true, cause);
  }

  /** One attempt at the reversal advice; true once the switch acknowledged it (00, or 25: never booked). */
  private async reverse(paymentRef: string): Promise<boolean> {
    const pending = this.reversals.get(paymentRef);
    if (!pending || pending.busy) return !pending;
    pending.busy = true;
    try {
      const response = await this.session.send(reversalAdvice(pending.original, this.session.nextStan(), new Date(), pending.attempts++ > 0));
      const code = response.fields.get(39);
      if (code === "00" || code === "25") {
        this.reversals.delete(paymentRef);
        return true;
      }
    } catch {
      // The switch is unreachable or slow: the retry below repeats the advice.
    } finally {
      pending.busy = false;
    }
    this.scheduleRetry(pending.attempts);
    return false;
  }

  private scheduleRetry(attempts: number): void {
    if (this.retryTimer || this.closed) return;
    const delay = backoffDelay(attempts, this.retry);
    this.retryTimer = setTimeout(async () => {
      this.retryTimer = undefined;
      for (const paymentRef of [...this.reversals.keys()]) await this.reverse(paymentRef);
    }, delay).unref();
  }
}
