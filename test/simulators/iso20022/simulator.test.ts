import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startIso20022Simulator, type Iso20022Simulator } from "./index.js";

describe("ISO 20022 core simulator", () => {
  let sim: Iso20022Simulator;
  beforeAll(async () => {
    sim = await startIso20022Simulator();
  });
  afterAll(async () => sim.close());

  const post = (path: string, body: string) => fetch(new URL(path, sim.url), { method: "POST", body, headers: { "content-type": "application/xml" } });

  it("reads pain.001 with the same locked-down parser: DOCTYPE and garbage are refused unread", async () => {
    const before = sim.ledger.payments.size;
    const doctype = `<?xml version="1.0"?><!DOCTYPE d [<!ENTITY e SYSTEM "file:///etc/passwd">]><Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.001.001.09">&e;</Document>`;
    for (const body of [doctype, "<Document><unclosed>", `<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08"/>`]) {
      const response = await post("payments", body);
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ error: "INVALID_PAIN_001" });
    }
    expect(sim.ledger.payments.size).toBe(before);
  });

  it("bounds request bodies and answers unknown paths with a code that is not a not-found of the API", async () => {
    expect((await post("payments", "x".repeat(1024 * 1024 + 1))).status).toBe(413);
    const unknown = await fetch(new URL("nowhere", sim.url));
    expect([unknown.status, await unknown.json()]).toEqual([404, { error: "NO_SUCH_ENDPOINT", message: "GET nowhere" }]);
  });

  it("goes down and comes back on the same port", async () => {
    await sim.down();
    await expect(fetch(new URL("health", sim.url))).rejects.toThrow();
    await sim.up();
    expect(await (await fetch(new URL("health", sim.url))).json()).toEqual({ status: "up" });
  });
});
