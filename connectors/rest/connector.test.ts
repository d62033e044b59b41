import { describeConnectorContract } from "../contract.suite.js";
import { COREBANK_V2, MAX_GIRO, OUTSIDE_IBAN, startCore } from "./test-core.js";

describeConnectorContract("rest (shipped mapping: batch endpoints for refs and balances)", async () => {
  const { sim, connector } = await startCore();
  return { connector, knownPsu: "max.musterman", fundedAccountRef: MAX_GIRO, otherIban: OUTSIDE_IBAN, teardown: async () => (await connector.close(), await sim.close()) };
});

/** The same core through its other endpoints: one request per account, and a transaction search batch. */
const otherEndpoints = {
  ...(COREBANK_V2.operations as Record<string, unknown>),
  accountsByRefs: { one: { method: "GET", path: "/accounts/{ref}", record: "data" } },
  accountsByIbans: { batch: { method: "POST", path: "/accounts/search", body: { ibans: "{ibans}" }, list: "data.accounts[]" } },
  balances: { one: { method: "GET", path: "/accounts/{ref}/balances", list: "data.balances[]" } },
  transactions: {
    batch: {
      method: "POST",
      path: "/transactions/search",
      body: { accountIds: "{refs}", state: "{bookingStatus}", fromDate: "{dateFrom}", toDate: "{dateTo}", limit: "{limit}", after: "{after}" },
      list: "results[]",
      key: "accountId",
      items: "items[]",
    },
  },
};

describeConnectorContract("rest (fan-out per account, transaction search without a has-more flag)", async () => {
  const { sim, connector } = await startCore({ operations: otherEndpoints, concurrency: 2 });
  return { connector, knownPsu: "max.musterman", fundedAccountRef: MAX_GIRO, otherIban: OUTSIDE_IBAN, teardown: async () => (await connector.close(), await sim.close()) };
});

describeConnectorContract("rest (a core without transaction look-up or cancellation, declared unsupported)", async () => {
  const { transactionsByRefs: _t, cancelPayment: _c, ...operations } = COREBANK_V2.operations as Record<string, unknown>;
  const { sim, connector } = await startCore({ operations });
  return {
    connector,
    knownPsu: "max.musterman",
    fundedAccountRef: MAX_GIRO,
    otherIban: OUTSIDE_IBAN,
    unsupported: ["transactionsByRefs", "cancelPayment"],
    teardown: async () => (await connector.close(), await sim.close()),
  };
});
