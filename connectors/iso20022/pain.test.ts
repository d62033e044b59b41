import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { PaymentOrder, PaymentProduct } from "../contract.js";
import { readPain001 } from "../../test/simulators/iso20022/pain.js";
import { xsdErrors } from "./fixtures/schemas.js";
import { buildPain001, messageIdOf } from "./pain001.js";
import { parsePain002 } from "./pain002.js";

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8");
const PRODUCTS: PaymentProduct[] = ["sepa-credit-transfers", "instant-sepa-credit-transfers", "target-2-payments", "cross-border-credit-transfers"];

const order = (overrides: Partial<PaymentOrder> = {}): PaymentOrder => ({
  paymentRef: "0f8fad5b-d9cb-469f-a165-70867728950e",
  product: "sepa-credit-transfers",
  debtorAccountRef: "DE80999200001000100001",
  creditorIban: "DE89370400440532013000",
  creditorName: "Schreinerei Holz & Söhne",
  amountMinor: 125_050n,
  currency: "EUR",
  remittanceInformation: "Rechnung 2026-0815 – Einbauschrank",
  endToEndId: "RE-2026-0815",
  ...overrides,
});
const input = (o: PaymentOrder) => ({
  order: o,
  debtorIban: o.debtorAccountRef,
  creditorIban: o.creditorIban,
  bic: "ISRBDEM1XXX",
  initiatingPartyName: "Open Banking Hub",
  createdAt: new Date("2026-11-20T09:30:00.123Z"),
  executionDate: o.requestedExecutionDate ?? "2026-11-20",
});

describe("pain.001.001.09", () => {
  it("derives MsgId from the paymentRef alone, within Max35Text", () => {
    expect(messageIdOf("0F8FAD5B-D9CB-469F-A165-70867728950E")).toBe("0f8fad5bd9cb469fa16570867728950e");
    expect(messageIdOf("pay-42")).toBe(messageIdOf("pay-42"));
    expect(messageIdOf("pay-42")).toMatch(/^H[0-9a-f]{33}$/);
    expect(messageIdOf("pay-43")).not.toBe(messageIdOf("pay-42"));
    expect(messageIdOf("x".repeat(500)).length).toBeLessThanOrEqual(35);
  });

  it("builds a valid message carrying the order, and the same message for a repeat", async () => {
    const xml = buildPain001(input(order()));
    expect(await xsdErrors([xml, fixture("pain.001.001.09.xml")])).toEqual([]);
    expect(buildPain001(input(order({ endToEndId: "RE-2026-0815" })))).toBe(xml);
    expect(xml).toContain("<MsgId>0f8fad5bd9cb469fa16570867728950e</MsgId>");
    expect(xml).toContain('<InstdAmt Ccy="EUR">1250.50</InstdAmt>');
    expect(xml).toContain("<CreDtTm>2026-11-20T09:30:00Z</CreDtTm>");
    expect(readPain001(fixture("pain.001.001.09.xml"))).toMatchObject({
      messageId: "0f8fad5bd9cb469fa16570867728950e",
      amountMinor: 125_050n,
      creditor: { name: "Schreinerei Holz & Söhne", iban: "DE89370400440532013000" },
      remittance: "Rechnung 2026-0815 – Einbauschrank",
      bankTransactionCode: "PMNT-ICDT-ESCT",
    });
  });

  it("round-trips any order through the core's reader, and every message is XSD-valid", async () => {
    const text = (max: number) => fc.string({ minLength: 1, maxLength: max, unit: "grapheme" }).filter((s) => !/[\u0000-\u001F\uFFFE\uFFFF]/.test(s));
    const orders = fc.record({
      paymentRef: fc.oneof(fc.uuid(), fc.string({ minLength: 1, maxLength: 80 })),
      product: fc.constantFrom(...PRODUCTS),
      creditorName: text(140).filter((s) => Array.from(s).length <= 140),
      amountMinor: fc.bigInt({ min: 1n, max: 10n ** 15n - 1n }),
      currency: fc.constantFrom("EUR", "USD", "JPY", "CHF"),
      remittanceInformation: fc.option(text(400), { nil: undefined }),
      endToEndId: fc.stringMatching(/^[A-Za-z0-9/?:().,'+ -]{1,35}$/),
      requestedExecutionDate: fc.option(fc.constantFrom("2026-11-20", "2027-02-28", "2030-12-31"), { nil: undefined }),
    });
    const samples = fc.sample(orders, { numRuns: 60, seed: 20_022 });
    const messages: string[] = [];
    for (const sample of samples) {
      const o = order(sample);
      const xml = buildPain001(input(o));
      messages.push(xml);
      expect(readPain001(xml)).toEqual({
        messageId: messageIdOf(o.paymentRef),
        paymentInfoId: messageIdOf(o.paymentRef),
        instructionId: messageIdOf(o.paymentRef),
        endToEndId: o.endToEndId,
        debtorIban: o.debtorAccountRef,
        amountMinor: o.amountMinor,
        currency: o.currency,
        creditor: { name: o.creditorName, iban: o.creditorIban },
        remittance: o.remittanceInformation ?? null,
        executionDate: o.requestedExecutionDate ?? "2026-11-20",
        bankTransactionCode: expect.stringMatching(/^PMNT-(ICDT|IRCT)-(ESCT|DMCT|XBCT)$/),
      });
    }
    expect(await xsdErrors(messages)).toEqual([]);
  });
});

describe("pain.002.001.10", () => {
  it("reads an acceptance with the core's booking reference", async () => {
    expect(await xsdErrors([fixture("pain.002.001.10-accepted.xml"), fixture("pain.002.001.10-rejected.xml")])).toEqual([]);
    expect(parsePain002(fixture("pain.002.001.10-accepted.xml"))).toMatchObject({
      originalMessageId: "0f8fad5bd9cb469fa16570867728950e",
      status: "ACSC",
      coreRef: "B00000815",
      endToEndId: "RE-2026-0815",
    });
  });

  it("reads a rejection with its reason code and the whole reason text", () => {
    expect(parsePain002(fixture("pain.002.001.10-rejected.xml"))).toMatchObject({
      status: "RJCT",
      reasonCode: "AM04",
      reasonText: "Account DE80999200001000100001 has 334.49 EUR available; the payment needs 9000.00.",
    });
  });

  it("falls back to the group status, and refuses a report about another kind of message", () => {
    const groupOnly = fixture("pain.002.001.10-rejected.xml").replace(/<OrgnlPmtInfAndSts>[\s\S]*<\/OrgnlPmtInfAndSts>/, "");
    expect(parsePain002(groupOnly)).toEqual({ originalMessageId: "7c9e6679742540de944be07fc1f90ae7", status: "RJCT" });
    expect(() => parsePain002(fixture("pain.002.001.10-accepted.xml").replace("<OrgnlMsgNmId>pain.001.001.09", "<OrgnlMsgNmId>pain.008.001.08"))).toThrow(/pain.008/);
    expect(() => parsePain002(fixture("pain.002.001.10-accepted.xml").replace("<TxSts>ACSC</TxSts>", ""))).toThrow(/gives no status/);
  });
});
