/**
 * `npm start` as a user runs it: one process, embedded PGlite persisted in DATA_DIR, seeded on first
 * start. A write acknowledged before a shutdown is there after the restart, and the seed is not repeated.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { gql } from "../helpers/hub.js";

const dataDir = mkdtempSync(path.join(tmpdir(), "hub-start-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** Starts the hub the way `npm start` does and resolves with its URL once it logs that it is ready. */
function startHubProcess(): Promise<{ child: ChildProcess; url: string }> {
  const { DATABASE_URL: _ignored, ...env } = process.env;
  const child = spawn(process.execPath, ["--import", "tsx", "gateway/main.ts"], {
    env: { ...env, PORT: "0", HOST: "127.0.0.1", DATA_DIR: dataDir, LOG_LEVEL: "info", NODE_ENV: "development" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  return new Promise((resolve, reject) => {
    let output = "";
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      for (const line of output.split("\n")) {
        if (!line.includes("open-banking hub ready")) continue;
        const { url } = JSON.parse(line) as { url: string };
        resolve({ child, url: url.replace(/\/graphql$/, "") });
      }
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.once("exit", (code) => reject(new Error(`hub exited with ${code} before it was ready:\n${output}`)));
  });
}

function stop(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    child.once("exit", (code) => resolve(code));
    child.kill("SIGTERM");
  });
}

const REGISTER = `mutation { registerTpp(input: { legalName: "Restart Proof GmbH", authorisationNumber: "PSDDE-BAFIN-424242",
  nationalCompetentAuthority: "BAFIN", country: "DE", roles: [AISP] }) { id } }`;

describe("npm start", () => {
  it("serves seeded data, shuts down cleanly on SIGTERM, and keeps acknowledged writes across a restart", async () => {
    const first = await startHubProcess();
    const banks = await gql(first.url, "{ banks { id } }");
    expect(banks.data.banks.map((b: { id: string }) => b.id)).toEqual(["musterbank", "beispielbank"]);
    const registered = await gql(first.url, REGISTER);
    expect(registered.errors).toBeUndefined();
    const before = await gql(first.url, "{ tpps(first: 100) { edges { node { id } } } }");
    expect(await stop(first.child)).toBe(0);

    const second = await startHubProcess();
    try {
      const after = await gql(second.url, "{ tpps(first: 100) { edges { node { id legalName } } } }");
      expect(after.data.tpps.edges.map((e: any) => e.node.legalName)).toContain("Restart Proof GmbH");
      expect(after.data.tpps.edges).toHaveLength(before.data.tpps.edges.length);
      const psu = await gql(second.url, `{ psu(id: "max.musterman") { accounts { iban } } }`);
      expect(psu.data.psu.accounts.length).toBeGreaterThanOrEqual(4);
    } finally {
      expect(await stop(second.child)).toBe(0);
    }
  }, 120_000);
});
