import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { API_SCHEMA_FILE, apiSchemaSdl, composeSupergraph, readSupergraph, subgraphSdl, subgraphSdlFile } from "../gateway/supergraph.js";
import { subgraphs } from "../subgraphs/index.js";

describe("the checked-in supergraph", () => {
  it("is what the subgraphs compose to now (run `npm run compose` when this fails)", () => {
    expect(readSupergraph()).toBe(composeSupergraph(subgraphs));
  });

  it("has an up-to-date client-facing API schema", () => {
    expect(readFileSync(API_SCHEMA_FILE, "utf8")).toBe(apiSchemaSdl(subgraphs));
  });

  it("has an up-to-date SDL snapshot per subgraph", () => {
    for (const subgraph of subgraphs) {
      expect(readFileSync(subgraphSdlFile(subgraph.name), "utf8"), subgraph.name).toBe(subgraphSdl(subgraph));
    }
  });

  it("gives every subgraph its own port and Postgres schema name", () => {
    const ports = subgraphs.map((s) => s.port);
    expect(new Set(ports).size).toBe(ports.length);
    expect(subgraphs.map((s) => s.name)).toEqual(expect.arrayContaining(["accounts", "tpps"]));
  });
});
