import { generate } from "@graphql-codegen/cli";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import config from "../codegen.js";

describe("generated operation types", () => {
  it("match schema/api.graphql and test/operations (run `npm run codegen` when this fails)", async () => {
    const outputs = await generate({ ...config, silent: true, verbose: false }, false);
    expect(outputs).toHaveLength(1);
    expect(outputs[0]!.content).toBe(readFileSync(outputs[0]!.filename, "utf8"));
  });
});
