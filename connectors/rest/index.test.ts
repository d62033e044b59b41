import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectorFactories, type BankConfig, type ConnectorDeps } from "../registry.js";
import { startRestSimulator, type RestSimulator } from "../../test/simulators/rest/index.js";
import { MAX_GIRO, optionsFor, TEST_ENV } from "./test-core.js";

const deps = {} as ConnectorDeps;
const bank = (options: Record<string, unknown>): BankConfig => ({ id: "nordbank", name: "Nordbank", bic: "NORDDEH1XXX", country: "DE", status: "live", connector: { kind: "rest", options } });

describe("rest connector in the registry", () => {
  let sim: RestSimulator;
  beforeAll(async () => {
    sim = await startRestSimulator();
  });
  afterAll(() => sim.close());

  it("is built by kind \"rest\" from a bank's options, reading the auth value from the environment", async () => {
    const saved = process.env.COREBANK_API_KEY;
    process.env.COREBANK_API_KEY = TEST_ENV.COREBANK_API_KEY;
    try {
      const connector = await connectorFactories.rest!(bank(optionsFor(sim)), deps);
      expect(connector.kind).toBe("rest");
      expect((await connector.accountsOfPsu({}, "max.musterman")).map((a) => a.ref)).toContain(MAX_GIRO);
      await connector.close();
      delete process.env.COREBANK_API_KEY;
      await expect(connectorFactories.rest!(bank(optionsFor(sim)), deps)).rejects.toThrow(/REST bank "nordbank": connector\.options\.auth\.valueEnv: environment variable COREBANK_API_KEY is not set/);
    } finally {
      if (saved === undefined) delete process.env.COREBANK_API_KEY;
      else process.env.COREBANK_API_KEY = saved;
    }
  });
});
