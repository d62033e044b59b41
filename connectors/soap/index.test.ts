import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectorFactories, type BankConfig, type ConnectorDeps } from "../registry.js";
import { startSoapSimulator, type SoapSimulator } from "../../test/simulators/soap/index.js";

const deps = {} as ConnectorDeps;
const bank = (options: Record<string, unknown>): BankConfig => ({ id: "ostbank", name: "Ostbank", bic: "OSTBDEB1XXX", country: "DE", status: "live", connector: { kind: "soap", options } });

describe("soap connector in the registry", () => {
  let sim: SoapSimulator;
  beforeAll(async () => {
    sim = await startSoapSimulator();
  });
  afterAll(() => sim.close());

  it("is built by kind \"soap\", and a broken local WSDL stops the start with the bank's name", async () => {
    const connector = await connectorFactories.soap!(bank({ endpoint: sim.url }), deps);
    expect(connector.kind).toBe("soap");
    expect((await connector.accountsOfPsu({}, "anton.brueckner")).map((a) => a.iban)).toEqual(["DE61777100000340283600"]);
    await connector.close();
    const broken = join(mkdtempSync(join(tmpdir(), "soap-broken-")), "broken.wsdl");
    writeFileSync(broken, "<wsdl:definitions xmlns:wsdl='http://schemas.xmlsoap.org/wsdl/'><unclosed>");
    await expect(connectorFactories.soap!(bank({ endpoint: sim.url, wsdl: broken }), deps)).rejects.toMatchObject({
      failure: "wsdl",
      message: expect.stringMatching(/SOAP core of bank "ostbank", loading the WSDL: .*broken\.wsdl/),
    });
  });
});
