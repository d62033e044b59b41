import { describeConnectorContract } from "../contract.suite.js";
import { connectorFor, MAX_GIRO, OUTSIDE_IBAN, startCore } from "./test-core.js";

describeConnectorContract("soap (bundled WSDL)", async () => {
  const { sim, connector } = await startCore();
  return { connector, knownPsu: "max.musterman", fundedAccountRef: MAX_GIRO, otherIban: OUTSIDE_IBAN, teardown: async () => (await connector.close(), await sim.close()) };
});

describeConnectorContract("soap (WSDL and XSD fetched from the core)", async () => {
  const { sim } = await startCore();
  const connector = connectorFor(sim, { wsdl: sim.wsdlUrl });
  return { connector, knownPsu: "max.musterman", fundedAccountRef: MAX_GIRO, otherIban: OUTSIDE_IBAN, teardown: async () => (await connector.close(), await sim.close()) };
});
