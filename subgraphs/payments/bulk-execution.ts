/**
 * @module A bulk's transfers at the bank: each entry is its own order with the entry id as its ref (the
 * core de-duplicates a repeat, so an entry executes once even when sent again after a crash); the
 * bulk's status follows from its entries' (bulkStatusOf). Entries go one by one: the connector
 * contract has no batch booking, so batchBookingPreferred is recorded and shown, not enforced.
 */
import type { ConnectorContext, PaymentExecution } from "../../connectors/contract.js";
import type { ConnectorRegistry } from "../../connectors/registry.js";
import type { Result } from "../../connectors/result.js";
import { BulkPaymentEntry, Payment, PaymentStatus } from "./entities/index.js";
import { paymentErrors } from "./errors.js";
import { awaitsCore, bulkStatusOf } from "./payment-state.js";
import type { PaymentStore } from "./payment-store.js";

export const CORE_STATUSES: Record<PaymentExecution["status"], PaymentStatus> = {
  ACTC: PaymentStatus.ACTC,
  ACSP: PaymentStatus.ACSP,
  ACSC: PaymentStatus.ACSC,
  PDNG: PaymentStatus.PDNG,
  RJCT: PaymentStatus.RJCT,
  CANC: PaymentStatus.CANC,
};

export const contextOf = (payment: Payment): ConnectorContext => ({ tppId: payment.tppId, psuId: payment.psuId ?? undefined });

export class BulkExecution {
  constructor(
    private readonly connectors: ConnectorRegistry,
    private readonly store: PaymentStore,
  ) {}

  /** Sends every entry the bank has not answered for yet, then moves the bulk to the status its entries give. */
  async execute(payment: Payment): Promise<Payment> {
    const entries = await this.store.entriesOf(payment.id);
    let unavailable: unknown;
    for (const entry of entries) {
      if (!awaitsCore(entry.status) || entry.coreRef) continue;
      try {
        const result = await this.connectors.get(payment.bankId).executePayment(contextOf(payment), {
          paymentRef: entry.id,
          product: payment.product,
          debtorAccountRef: payment.debtorAccountRef,
          creditorIban: entry.creditorIban,
          creditorName: entry.creditorName,
          amountMinor: entry.amountMinor,
          currency: entry.currency,
          remittanceInformation: entry.remittanceInformationUnstructured ?? undefined,
          endToEndId: entry.endToEndId,
          requestedExecutionDate: payment.requestedExecutionDate ?? undefined,
        });
        await this.record(entry, result);
      } catch (error) {
        unavailable = error;
        await this.store.recordEntryOutcome(entry.id, PaymentStatus.PDNG, { reason: "CORE_UNAVAILABLE" });
      }
    }
    const settled = await this.settle(payment.id);
    if (unavailable !== undefined) throw paymentErrors.coreUnavailable(payment.bankId, payment.id, settled.status, unavailable);
    return settled;
  }

  /** Cancels every entry at the bank (all must be cancellable there), then the bulk. */
  async cancel(payment: Payment): Promise<void> {
    for (const entry of await this.store.entriesOf(payment.id)) {
      if (entry.status === PaymentStatus.CANC) continue;
      const result = await this.connectors.get(payment.bankId).cancelPayment(contextOf(payment), entry.id);
      const neverSent = !result.ok && result.error.code === "PAYMENT_NOT_FOUND" && awaitsCore(entry.status) && !entry.coreRef;
      if (!neverSent && !(result.ok && result.value.status === "CANC")) {
        const why = result.ok ? `it is in status ${result.value.status} there` : result.error.message;
        throw paymentErrors.cancellationNotAllowed(payment.id, `Bank "${payment.bankId}" did not cancel entry ${entry.position} of bulk ${payment.id}: ${why}`);
      }
      await this.store.recordEntryOutcome(entry.id, PaymentStatus.CANC, { reason: "CANCELLED_BY_TPP" });
    }
  }

  /** Asks the bank about the entries not final yet; the stored bulk when it cannot say. */
  async refresh(payment: Payment): Promise<Payment> {
    const entries = await this.store.entriesOf(payment.id);
    if (entries.some((e) => awaitsCore(e.status) && !e.coreRef)) return this.execute(payment).catch(() => this.store.findById(payment.id).then((p) => p ?? payment));
    for (const entry of entries.filter((e) => e.status === PaymentStatus.ACSP || e.status === PaymentStatus.ACTC || e.status === PaymentStatus.PDNG)) {
      const result = await this.connectors.get(payment.bankId).paymentStatus(contextOf(payment), entry.id).catch(() => null);
      if (result?.ok) await this.record(entry, result);
    }
    return this.settle(payment.id);
  }

  private record(entry: BulkPaymentEntry, result: Result<PaymentExecution>): Promise<BulkPaymentEntry> {
    if (!result.ok) return this.store.recordEntryOutcome(entry.id, PaymentStatus.RJCT, { reason: result.error.code });
    return this.store.recordEntryOutcome(entry.id, CORE_STATUSES[result.value.status], { reason: result.value.reason ?? null, coreRef: result.value.coreRef });
  }

  private async settle(id: string): Promise<Payment> {
    const entries = await this.store.entriesOf(id);
    return this.store.transition(id, bulkStatusOf(entries.map((e) => e.status)), { reason: entries.find((e) => e.status === PaymentStatus.RJCT)?.statusReason ?? null });
  }
}
