/**
 * @module The accounts subgraph: banks, PSUs, accounts, balances and transactions, read from each
 * bank's core through its connector. It stores only the account directory.
 */
import { defineSubgraph } from "../shared/subgraph.js";
import { authorize } from "./authorize.js";
import type { AccountsContext } from "./context.js";
import { AccountDirectory } from "./directory.js";
import { AccountLink } from "./entities/account-link.entity.js";
import { createLoaders } from "./loaders.js";
import { toBank } from "./mapper.js";
import { migrations } from "./migrations/20261122-create-accounts.js";
import { AccountResolver } from "./resolvers/account.resolver.js";
import { FundsConfirmationResolver } from "./resolvers/funds-confirmation.resolver.js";
import { BankResolver } from "./resolvers/bank.resolver.js";
import { PsuResolver } from "./resolvers/psu.resolver.js";
import { TransactionResolver } from "./resolvers/transaction.resolver.js";
import { Psu } from "./types/psu.type.js";
import { AccountSubscriptionResolver } from "./resolvers/account-subscription.resolver.js";

export const accounts = defineSubgraph({
  name: "accounts",
  port: 4001,
  resolvers: [AccountResolver, BankResolver, PsuResolver, TransactionResolver, FundsConfirmationResolver, AccountSubscriptionResolver],
  references: {
    // Every federated path to an account (Payment.debtorAccount, Consent.accounts, …) passes here.
    Account: async (ref: { id?: string; iban?: string }, ctx: AccountsContext) => {
      const account = await (ref.id ? ctx.loaders.accountById.load(ref.id) : ctx.loaders.accountByIban.load(ref.iban!));
      if (account) await authorize(ctx, account, "account");
      return account;
    },
    Bank: (ref: { id: string }, ctx: AccountsContext) => {
      const config = ctx.connectors.bank(ref.id);
      return config ? toBank(config) : null;
    },
    Psu: (ref: { id: string }) => Object.assign(new Psu(), { id: ref.id }),
  },
  async open({ db, connectors }) {
    const orm = await db.orm({ schema: "accounts", entities: [AccountLink], migrations });
    const directory = new AccountDirectory(connectors);
    await directory.sync(orm.em.fork());
    return {
      createContext: (caller): AccountsContext => {
        const em = orm.em.fork();
        const connectorContext = { psuId: caller.psuId, tppId: caller.tppId };
        return { caller, em, connectors, directory, loaders: createLoaders(em, directory, connectors, connectorContext, caller) };
      },
    };
  },
});
