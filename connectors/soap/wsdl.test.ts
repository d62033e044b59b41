import { readFileSync, writeFileSync, mkdtempSync, copyFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { validateXML } from "xmllint-wasm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SoapSimulator } from "../../test/simulators/soap/index.js";
import { BUNDLED_WSDL } from "./config.js";
import type { SoapConnector } from "./connector.js";
import { connectorFor, MAX_GIRO, OUTSIDE_IBAN, startCore } from "./test-core.js";

const XSD = readFileSync(BUNDLED_WSDL.replace(/\.wsdl$/, ".xsd"), "utf8");
const WSDL = readFileSync(BUNDLED_WSDL, "utf8");

/** A test-only SOAP 1.1 envelope schema whose Body must hold one element the service's XSD declares. */
const ENVELOPE_XSD = `<?xml version="1.0"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="http://schemas.xmlsoap.org/soap/envelope/" elementFormDefault="qualified">
  <xs:import namespace="http://ib.corebank.example/v1" schemaLocation="core-banking.xsd"/>
  <xs:element name="Envelope"><xs:complexType><xs:sequence>
    <xs:element name="Header" minOccurs="0"><xs:complexType><xs:sequence><xs:any processContents="skip" minOccurs="0" maxOccurs="unbounded"/></xs:sequence></xs:complexType></xs:element>
    <xs:element name="Body"><xs:complexType><xs:sequence><xs:any namespace="http://ib.corebank.example/v1" processContents="strict"/></xs:sequence></xs:complexType></xs:element>
  </xs:sequence></xs:complexType></xs:element>
</xs:schema>`;

/** Validates many messages in one run of xmllint; answers the errors of each file name. */
async function validate(messages: Map<string, string>): Promise<Record<string, string[]>> {
  const result = await validateXML({
    xml: [...messages].map(([fileName, contents]) => ({ fileName, contents })),
    schema: [{ fileName: "envelope.xsd", contents: ENVELOPE_XSD }],
    preload: [{ fileName: "core-banking.xsd", contents: XSD }],
  });
  const errors: Record<string, string[]> = Object.fromEntries([...messages.keys()].map((name) => [name, []]));
  for (const error of result.errors) (errors[error.loc?.fileName ?? "?"] ??= []).push(error.message);
  return errors;
}

describe("soap connector: the WSDL, its XSD and the network", () => {
  let sim: SoapSimulator;
  let connector: SoapConnector;
  beforeAll(async () => {
    ({ sim, connector } = await startCore());
  });
  afterAll(async () => {
    await connector.close();
    await sim.close();
  });

  it("keeps the WSDL and XSD local: the only import is the XSD beside the WSDL", () => {
    expect([...WSDL.matchAll(/schemaLocation="([^"]+)"/g)].map((m) => m[1])).toEqual(["core-banking.xsd"]);
    expect(XSD).not.toMatch(/<xs:(import|include|redefine)\b/);
    expect(`${WSDL}${XSD}`).not.toMatch(/<!DOCTYPE|<!ENTITY/);
  });

  it("sends requests and gets answers that are valid against the XSD, for every operation", async () => {
    const client = await connector.core.ready();
    const later = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
    const calls: [string, () => Promise<unknown>][] = [
      ["GetCustomerAccounts", () => connector.accountsOfPsu({}, "max.musterman")],
      ["GetAccounts", () => connector.accountsByRefs({}, [MAX_GIRO, "00000000-0000-4000-8000-000000000000"])],
      ["GetAccounts", () => connector.accountsByIbans({}, [OUTSIDE_IBAN])],
      ["ListAccounts", () => connector.listAccounts({}, { limit: 3 })],
      ["GetAccountBalances", () => connector.balances({}, [MAX_GIRO, "0320465700"])],
      ["GetAccountTransactions", () => connector.transactions({}, { accountRefs: [MAX_GIRO], bookingStatus: "booked", first: 2, dateFrom: "2020-01-01" })],
      ["GetTransactionDetails", () => connector.transactionsByRefs({}, ["T0000001"])],
      ["TransferFunds", () => connector.executePayment({}, { paymentRef: "wsdl-test-1", product: "sepa-credit-transfers", debtorAccountRef: MAX_GIRO, creditorIban: OUTSIDE_IBAN, creditorName: "Validator", amountMinor: 1_050n, currency: "EUR", endToEndId: "E2E-XSD", remittanceInformation: "valid?", requestedExecutionDate: later })],
      ["GetTransferStatus", () => connector.paymentStatus({}, "wsdl-test-1")],
      ["CancelTransfer", () => connector.cancelPayment({}, "wsdl-test-1")],
      ["CheckFunds", () => connector.confirmFunds({}, { accountRef: MAX_GIRO, amountMinor: 1n, currency: "EUR" })],
      ["Ping", () => connector.health()],
    ];
    const messages = new Map<string, string>();
    for (const [index, [operation, call]] of calls.entries()) {
      await call();
      for (const [direction, xml] of [["Request", client.lastRequest], ["Response", client.lastResponse]] as const) {
        expect(String(xml)).toContain(`${operation}${direction}`);
        messages.set(`${index}-${operation}${direction}.xml`, String(xml));
      }
    }
    messages.set("fixture-get-account-transactions-response.xml", readFileSync(new URL("./fixtures/get-account-transactions-response.xml", import.meta.url), "utf8"));
    const errors = await validate(messages);
    expect(errors).toEqual(Object.fromEntries([...messages.keys()].map((name) => [name, []])));
    // The same check fails for a message the XSD does not allow.
    const transfer = [...messages].find(([name]) => name.endsWith("TransferFundsRequest.xml"))![1];
    expect(transfer).toMatch(/<cb:Amount>10\.50<\/cb:Amount>/);
    const broken = await validate(new Map([["bad.xml", transfer.replace(/<cb:Amount>10\.50</, "<cb:Amount>ten<")]]));
    expect(broken["bad.xml"]!.join(" ")).toMatch(/Amount.*not a valid value/);
  });

  it("refuses an XSD import from anywhere but beside a local WSDL, without fetching it", async () => {
    let fetched = 0;
    const elsewhere = createServer((_req, res) => (fetched++, res.end(XSD)));
    await new Promise<void>((resolve) => elsewhere.listen(0, "127.0.0.1", resolve));
    const dir = mkdtempSync(join(tmpdir(), "soap-wsdl-"));
    copyFileSync(BUNDLED_WSDL.replace(/\.wsdl$/, ".xsd"), join(dir, "core-banking.xsd"));
    const remote = join(dir, "remote-import.wsdl");
    writeFileSync(remote, WSDL.replace('schemaLocation="core-banking.xsd"', `schemaLocation="http://127.0.0.1:${(elsewhere.address() as AddressInfo).port}/core-banking.xsd"`));
    const climbing = join(dir, "climbing-import.wsdl");
    writeFileSync(climbing, WSDL.replace('schemaLocation="core-banking.xsd"', 'schemaLocation="../core-banking.xsd"'));
    for (const wsdl of [remote, climbing]) {
      const error = await connectorFor(sim, { wsdl }).core.ready().catch((e: unknown) => e);
      expect(error).toMatchObject({ failure: "wsdl", message: expect.stringMatching(/neither beside the WSDL nor on the core's origin; refused/) });
    }
    expect(fetched).toBe(0);
    elsewhere.close();
  });

  it("reads a WSDL from the core's own origin only", async () => {
    expect(() => connectorFor(sim, { wsdl: "http://203.0.113.9/CoreBankingService?wsdl" })).toThrow(/connector\.options\.wsdl: http:\/\/203\.0\.113\.9 is not the endpoint's origin/);
    const fromCore = connectorFor(sim, { wsdl: sim.wsdlUrl });
    const before = sim.requests.length;
    expect((await fromCore.accountsOfPsu({}, "anton.brueckner")).map((a) => a.ref)).toEqual(["0340283600"]);
    expect(sim.requests.slice(before).map((r) => `${r.method} ${r.url}`)).toEqual(["GET /CoreBankingService?wsdl", "GET /core-banking.xsd", "POST /CoreBankingService"]);
    await fromCore.close();
  });

  it("builds its client again after the core was down while the WSDL was fetched", async () => {
    const fromCore = connectorFor(sim, { wsdl: sim.wsdlUrl, wsdlTimeoutMs: 300 });
    await sim.stop();
    await expect(fromCore.accountsOfPsu({}, "max.musterman").finally(() => sim.restart())).rejects.toMatchObject({ code: "CORE_UNAVAILABLE", failure: expect.stringMatching(/^(refused|reset)$/) });
    expect((await fromCore.accountsOfPsu({}, "max.musterman")).length).toBeGreaterThan(0);
    await fromCore.close();
  });
});
