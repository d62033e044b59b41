/** @module The payments subgraph: single credit transfers initiated by TPPs, executed by the banks' cores. */
import { validate } from "uuid";
import { defineSubgraph } from "../shared/subgraph.js";
import type { PaymentsContext } from "./context.js";
import { Payment, PaymentStatusChange } from "./entities/index.js";
import { createLoaders } from "./loaders.js";
import { migrations } from "./migrations/20261122-create-payments.js";
import { PaymentService } from "./payment.service.js";
import { AccountPaymentsResolver } from "./resolvers/account-payments.resolver.js";
import { PaymentResolver } from "./resolvers/payment.resolver.js";
import { seedPayments } from "./seed.js";

export const payments = defineSubgraph({
  name: "payments",
  port: 4002,
  resolvers: [PaymentResolver, AccountPaymentsResolver],
  references: {
    Payment: (ref: { id: string }, ctx: PaymentsContext) => (validate(ref.id) ? ctx.loaders.paymentById.load(ref.id.toLowerCase()) : null),
    Account: (ref: { iban: string }) => ({ iban: ref.iban }),
  },
  async open({ db, connectors, seed }) {
    const orm = await db.orm({ schema: "payments", entities: [Payment, PaymentStatusChange], migrations });
    if (seed) await seedPayments(orm.em.fork());
    return {
      createContext: (caller): PaymentsContext => {
        const em = orm.em.fork();
        return { caller, em, loaders: createLoaders(em), payments: new PaymentService(em, connectors) };
      },
    };
  },
});
