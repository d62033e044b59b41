/**
 * @module The fraud-check extension point: before a bank executes an authorised payment, the fintech
 * registered on the bank's `payment.fraud_check` endpoint gets the payment and answers
 * `{"decision": "approve" | "reject", "reason"?}` within its timeout. No answer, an error or anything
 * else is a failure, and the bank's policy on the endpoint (approve or reject) decides. Sent like a
 * webhook: registered URL only, every resolved address checked, no redirects, a deadline, and signed
 * like one with the hub's key (Spi-Signature: a detached JWS of typ spi+jws naming spi-id,
 * spi-timestamp and spi-url), so the fintech verifies it with the JWKS the hub publishes.
 */
import type { EntityManager } from "@mikro-orm/core";
import { sendWebhook } from "../../../events/webhooks/sender.js";
import type { WebhookSigner } from "../../../events/webhooks/signer.js";
import { newId } from "../../shared/ids.js";
import { formatAmount } from "../../shared/money.js";
import type { Payment } from "../entities/index.js";
import { FraudCheckOutcome, type FraudCheckRecord } from "./fraud-check.type.js";
import { ExtensionPoint, SpiEndpoint, SpiFailurePolicy } from "./spi-endpoint.entity.js";

export interface FraudCheckOptions {
  allowHttpLoopback: boolean;
  /** Signs each call with the hub's key; absent (a subgraph opened without the hub's keys, in unit tests) the call goes unsigned. */
  signer?: WebhookSigner;
}

function requestBody(payment: Payment): string {
  return JSON.stringify({
    type: ExtensionPoint.PAYMENT_FRAUD_CHECK,
    payment: {
      id: payment.id,
      bankId: payment.bankId,
      product: payment.product,
      instructedAmount: { amount: formatAmount(payment.amountMinor, payment.currency), currency: payment.currency },
      debtorIban: payment.debtorIban,
      creditorIban: payment.creditorIban,
      creditorName: payment.creditorName,
      remittanceInformationUnstructured: payment.remittanceInformationUnstructured,
      requestedExecutionDate: payment.requestedExecutionDate,
      tppId: payment.tppId,
      psuId: payment.psuId,
    },
  });
}

/** The fintech's decision, or why there is none. */
function decisionOf(status: number | null, body: string | undefined, error: string | null): { decision?: "approve" | "reject"; reason: string | null } {
  if (status !== 200 || body === undefined) return { reason: error ?? `HTTP ${status}` };
  try {
    const answer = JSON.parse(body) as { decision?: unknown; reason?: unknown };
    const reason = typeof answer.reason === "string" ? answer.reason.slice(0, 500) : null;
    if (answer.decision === "approve" || answer.decision === "reject") return { decision: answer.decision, reason };
    return { reason: 'the answer has no "decision" of approve or reject' };
  } catch {
    return { reason: "the answer is not JSON" };
  }
}

export class FraudCheck {
  constructor(
    private readonly em: EntityManager,
    private readonly options: FraudCheckOptions,
  ) {}

  /** The check of `payment` at its bank's endpoint; undefined when the bank has none. Call outside any transaction. */
  async run(payment: Payment): Promise<FraudCheckRecord | undefined> {
    const endpoint = await this.em.fork().findOne(SpiEndpoint, { bankId: payment.bankId, extensionPoint: ExtensionPoint.PAYMENT_FRAUD_CHECK, enabled: true });
    if (!endpoint) return undefined;
    const body = requestBody(payment);
    const headers: Record<string, string> = { "content-type": "application/json", "spi-extension-point": endpoint.extensionPoint };
    const startedAt = new Date();
    try {
      Object.assign(headers, await this.signed(endpoint.url, body));
    } catch (error) {
      // Nothing unsigned leaves the hub: the bank's policy decides as for any other failure.
      const reason = `the call could not be signed with the hub's key: ${(error as Error).message}`.slice(0, 500);
      return { endpointId: endpoint.id, outcome: failed(endpoint), reason, checkedAt: startedAt.toISOString(), durationMs: 0 };
    }
    const sent = await sendWebhook(endpoint.url, headers, body, {
      policy: { allowHttpLoopback: this.options.allowHttpLoopback },
      timeoutMs: endpoint.timeoutMs,
      keepResponseBody: true,
    });
    const { decision, reason } = decisionOf(sent.responseStatus, sent.responseBody, sent.error);
    const outcome = decision
      ? decision === "approve" ? FraudCheckOutcome.APPROVED : FraudCheckOutcome.REJECTED
      : failed(endpoint);
    return { endpointId: endpoint.id, outcome, reason, checkedAt: sent.startedAt.toISOString(), durationMs: sent.durationMs };
  }

  /** Spi-Id, Spi-Timestamp and Spi-Signature, when there is a signer. */
  private async signed(url: string, body: string): Promise<Record<string, string>> {
    if (!this.options.signer) return {};
    const id = newId();
    const timestamp = Math.floor(Date.now() / 1000);
    const signature = await this.options.signer.sign({ id, timestamp, url, body });
    return { "spi-id": id, "spi-timestamp": String(timestamp), "spi-signature": signature };
  }
}

function failed(endpoint: SpiEndpoint): FraudCheckOutcome {
  return endpoint.onFailure === SpiFailurePolicy.APPROVE ? FraudCheckOutcome.FAILED_OPEN : FraudCheckOutcome.FAILED_CLOSED;
}
