/**
 * @module Deterministic sandbox payments so the API shows data on first start. Written without the
 * core: the ledger seeds itself independently, so these are history only and move no balances.
 */
import type { EntityManager } from "@mikro-orm/core";
import { sandboxAccountRef, SANDBOX_PERSONAS } from "../../connectors/sandbox/personas.js";
import { sandboxId } from "../shared/ids.js";
import { sandboxTppId } from "../shared/sandbox.js";
import { Payment, PaymentKind, PaymentProduct, PaymentStatus, PaymentStatusChange } from "./entities/index.js";

const SEEDED_AT = new Date("2026-02-02T10:00:00Z");
const HOUR = 3_600_000;

function ibanOf(login: string, bankId: string, currency = "EUR"): string {
  const account = SANDBOX_PERSONAS.find((p) => p.login === login)?.accounts.find((a) => a.bankId === bankId && a.currency === currency);
  if (!account) throw new Error(`Sandbox persona ${login} has no ${currency} account at ${bankId}.`);
  return account.iban;
}

interface SeedPayment {
  key: string;
  psuId: string;
  bankId: string;
  debtorIban: string;
  creditorName: string;
  creditorIban: string;
  amountMinor: bigint;
  remittance: string;
  product: PaymentProduct;
  executionDate: string | null;
  /** Statuses after RCVD, each with its reason. */
  steps: [PaymentStatus, string | null][];
}

const SEED: SeedPayment[] = [
  {
    key: "max-rent", psuId: "max.musterman", bankId: "musterbank", debtorIban: ibanOf("max.musterman", "musterbank"),
    creditorName: "Anton Brückner", creditorIban: ibanOf("anton.brueckner", "musterbank"), amountMinor: 4_250n,
    remittance: "Pizza Freitag", product: PaymentProduct.INSTANT_SEPA_CREDIT_TRANSFERS, executionDate: null,
    steps: [[PaymentStatus.ACSC, null]],
  },
  {
    key: "anton-invoice", psuId: "anton.brueckner", bankId: "musterbank", debtorIban: ibanOf("anton.brueckner", "musterbank"),
    creditorName: "Hausverwaltung Krämer GmbH", creditorIban: "DE89370400440532013000", amountMinor: 89_000n,
    remittance: "Miete Februar 2026 Whg. 3 OG links", product: PaymentProduct.SEPA_CREDIT_TRANSFERS, executionDate: null,
    steps: [[PaymentStatus.ACSC, null]],
  },
  {
    key: "marion-laptop", psuId: "marion.mueller", bankId: "beispielbank", debtorIban: ibanOf("marion.mueller", "beispielbank"),
    creditorName: "MediaMarkt", creditorIban: "DE89370400440532013000", amountMinor: 250_000_00n,
    remittance: "Bestellung 2026-0042", product: PaymentProduct.SEPA_CREDIT_TRANSFERS, executionDate: null,
    steps: [[PaymentStatus.RJCT, "INSUFFICIENT_FUNDS"]],
  },
  {
    key: "max-gift", psuId: "max.musterman", bankId: "beispielbank", debtorIban: ibanOf("max.musterman", "beispielbank"),
    creditorName: "Marion Müller", creditorIban: ibanOf("marion.mueller", "beispielbank"), amountMinor: 5_000n,
    remittance: "Geburtstag", product: PaymentProduct.SEPA_CREDIT_TRANSFERS, executionDate: "2026-03-01",
    steps: [[PaymentStatus.ACSP, null], [PaymentStatus.CANC, "CANCELLED_BY_TPP"]],
  },
];

export async function seedPayments(em: EntityManager): Promise<void> {
  if ((await em.count(Payment, {})) > 0) return;
  await em.transactional(async (tx) => {
    SEED.forEach((seed, n) => {
      const id = sandboxId("payment", seed.key);
      const createdAt = new Date(SEEDED_AT.getTime() + n * 24 * HOUR);
      const history: [PaymentStatus, string | null][] = [[PaymentStatus.RCVD, null], ...seed.steps];
      const [status, statusReason] = history.at(-1)!;
      tx.persist(
        Object.assign(new Payment(), {
          id,
          kind: PaymentKind.SINGLE,
          bankId: seed.bankId,
          product: seed.product,
          debtorIban: seed.debtorIban,
          debtorAccountRef: sandboxAccountRef(seed.debtorIban),
          creditorName: seed.creditorName,
          creditorIban: seed.creditorIban,
          amountMinor: seed.amountMinor,
          currency: "EUR",
          remittanceInformationUnstructured: seed.remittance,
          endToEndId: `SANDBOX-${seed.key.toUpperCase()}`,
          requestedExecutionDate: seed.executionDate,
          status,
          statusReason,
          tppId: sandboxTppId("paystream"),
          psuId: seed.psuId,
          idempotencyKey: null,
          requestHash: null,
          coreRef: null,
          createdAt,
          updatedAt: new Date(createdAt.getTime() + (history.length - 1) * HOUR),
        }),
      );
      history.forEach(([step, reason], i) =>
        tx.persist(
          Object.assign(new PaymentStatusChange(), {
            id: sandboxId("payment-status", `${seed.key}:${i}`),
            paymentId: id,
            status: step,
            reason,
            at: new Date(createdAt.getTime() + i * HOUR),
          }),
        ),
      );
    });
  });
}
