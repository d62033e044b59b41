import { generate } from "@graphql-codegen/cli";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import config from "../codegen.js";

describe("generated operation types", () => {
  it("match schema/api.graphql and test/operations (run `npm run codegen` when this fails)", async () => {
    const outputs = await generate({ ...config, silent: true, verbose: false }, false);
    expect(outputs.length).toBeGreaterThan(0);
    for (const output of outputs) expect(output.content, output.filename).toBe(readFileSync(output.filename, "utf8"));
  });
});
