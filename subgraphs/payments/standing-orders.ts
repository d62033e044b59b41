/**
 * @module Executing standing orders. A standing order is ACCP once its PSU authorised it; its
 * instalments fall due by its schedule (standing-order-schedule.ts). `runDue` records each due
 * instalment once, (paymentId, dueDate) being unique, so of several hub instances running it at the
 * same time only one claims an instalment; the claimer sends it to the bank with the instalment id as
 * its ref (the core de-duplicates a repeat). An instalment claimed but never answered (a crash, the
 * core away) is sent again by a later run. Every claim and outcome leaves through the outbox.
 */
import type { EntityManager } from "@mikro-orm/core";
import type { ConnectorRegistry } from "../../connectors/registry.js";
import { newId } from "../shared/ids.js";
import { CORE_STATUSES, contextOf } from "./bulk-execution.js";
import { Payment, PaymentKind, PaymentStatus, StandingOrderInstalment } from "./entities/index.js";
import { awaitsCore } from "./payment-state.js";
import type { PaymentStore } from "./payment-store.js";
import { dueInstalments, type StandingOrderTerms } from "./standing-order-schedule.js";

/** An instalment claimed this long ago without an answer from the bank is sent again. */
const RETRY_AFTER_MS = 60_000;

export const termsOf = (payment: Payment): StandingOrderTerms => ({
  startDate: payment.startDate!,
  endDate: payment.endDate,
  frequency: payment.frequency!,
  executionRule: payment.executionRule,
  dayOfExecution: payment.dayOfExecution,
  monthsOfExecution: payment.monthsOfExecution,
});

export interface StandingOrderRun {
  /** Instalments sent to the bank by this run. */
  executed: number;
}

export class StandingOrders {
  constructor(
    private readonly em: EntityManager,
    private readonly connectors: ConnectorRegistry,
    private readonly store: PaymentStore,
  ) {}

  /** Executes every instalment due on or before `today` of the active standing orders (or of one). */
  async runDue(today: string, paymentId?: string): Promise<StandingOrderRun> {
    const orders = await this.em.fork().find(Payment, {
      kind: PaymentKind.PERIODIC,
      status: PaymentStatus.ACCP,
      authorisedAt: { $ne: null },
      startDate: { $lte: today },
      ...(paymentId ? { id: paymentId } : {}),
    });
    let executed = 0;
    for (const order of orders) executed += await this.runOrder(order, today);
    return { executed };
  }

  private async runOrder(order: Payment, today: string): Promise<number> {
    const known = await this.em.fork().find(StandingOrderInstalment, { paymentId: order.id });
    const byDate = new Map(known.map((i) => [i.dueDate, i]));
    let executed = 0;
    for (const due of dueInstalments(termsOf(order), today)) {
      const existing = byDate.get(due.dueDate);
      if (existing) {
        const stale = awaitsCore(existing.status) && !existing.coreRef && Date.now() - existing.updatedAt.getTime() > RETRY_AFTER_MS;
        if (stale) executed += await this.send(order, existing);
        continue;
      }
      const claimed = await this.store.claimInstalment(order, due.dueDate, due.executionDate, newId());
      if (claimed) executed += await this.send(order, claimed);
    }
    return executed;
  }

  private async send(order: Payment, instalment: StandingOrderInstalment): Promise<number> {
    try {
      const result = await this.connectors.get(order.bankId).executePayment(contextOf(order), {
        paymentRef: instalment.id,
        product: order.product,
        debtorAccountRef: order.debtorAccountRef,
        creditorIban: order.creditorIban!,
        creditorName: order.creditorName!,
        amountMinor: order.amountMinor,
        currency: order.currency,
        remittanceInformation: order.remittanceInformationUnstructured ?? undefined,
        endToEndId: order.endToEndId,
      });
      if (!result.ok) await this.store.recordInstalmentOutcome(order, instalment.id, PaymentStatus.RJCT, { reason: result.error.code });
      else await this.store.recordInstalmentOutcome(order, instalment.id, CORE_STATUSES[result.value.status], { reason: result.value.reason ?? null, coreRef: result.value.coreRef });
    } catch {
      await this.store.recordInstalmentOutcome(order, instalment.id, PaymentStatus.PDNG, { reason: "CORE_UNAVAILABLE" });
    }
    return 1;
  }
}
