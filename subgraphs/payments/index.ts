/**
 * @module The payments subgraph: single credit transfers, standing orders and bulks initiated by TPPs, authorised by their PSUs
 * (SCA), checked by the bank's fraud-check endpoint when it has one (spi/), executed by the banks' cores.
 */
import { validate } from "uuid";
import { hubKeySigner, SPI_SIGNATURE } from "../../events/webhooks/signer.js";
import { defineSubgraph } from "../shared/subgraph.js";
import { isVisible, visiblePayments } from "./acting-party.js";
import type { PaymentsContext } from "./context.js";
import { BulkPaymentEntry, Payment, PaymentAuthorisation, PaymentStatusChange, StandingOrderInstalment } from "./entities/index.js";
import { createLoaders } from "./loaders.js";
import { migrations } from "./migrations/index.js";
import { PaymentAuthorisationService } from "./payment-authorisation.service.js";
import { PaymentService } from "./payment.service.js";
import { PaymentStore } from "./payment-store.js";
import { AccountPaymentsResolver } from "./resolvers/account-payments.resolver.js";
import { PaymentAuthorisationResolver } from "./resolvers/payment-authorisation.resolver.js";
import { PaymentResolver } from "./resolvers/payment.resolver.js";
import { seedPayments } from "./seed.js";
import { FraudCheck } from "./spi/fraud-check.js";
import { SpiEndpoint } from "./spi/spi-endpoint.entity.js";
import { SpiEndpointResolver } from "./spi/spi-endpoint.resolver.js";
import { PaymentSubscriptionResolver } from "./resolvers/payment-subscription.resolver.js";
import { BulkPaymentEntryResolver, PeriodicBulkResolver } from "./resolvers/periodic-bulk.resolver.js";
import { StandingOrders } from "./standing-orders.js";

export const payments = defineSubgraph({
  name: "payments",
  port: 4002,
  resolvers: [PaymentResolver, PaymentAuthorisationResolver, PeriodicBulkResolver, BulkPaymentEntryResolver, AccountPaymentsResolver, PaymentSubscriptionResolver, SpiEndpointResolver],
  references: {
    Payment: async (ref: { id: string }, ctx: PaymentsContext) => {
      const payment = validate(ref.id) ? await ctx.loaders.paymentById.load(ref.id.toLowerCase()) : null;
      return payment && isVisible(payment, visiblePayments(ctx.caller)) ? payment : null;
    },
    Account: (ref: { iban: string }) => ({ iban: ref.iban }),
  },
  async open({ db, connectors, seed, allowHttpLoopback = false, signingKeys }) {
    const orm = await db.orm({ schema: "payments", entities: [Payment, PaymentStatusChange, PaymentAuthorisation, BulkPaymentEntry, StandingOrderInstalment, SpiEndpoint], migrations });
    if (seed) await seedPayments(orm.em.fork());
    const spiSigner = signingKeys && hubKeySigner(signingKeys, SPI_SIGNATURE);
    return {
      createContext: (caller): PaymentsContext => {
        const em = orm.em.fork();
        const store = new PaymentStore(em);
        const standingOrders = new StandingOrders(em, connectors, store);
        const payments = new PaymentService(connectors, store, new FraudCheck(em, { allowHttpLoopback, signer: spiSigner }), undefined, standingOrders);
        const authorisations = new PaymentAuthorisationService(em, connectors, payments, store);
        return { caller, em, loaders: createLoaders(em), connectors, allowHttpLoopback, payments, authorisations, standingOrders };
      },
    };
  },
});
