import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CONFIG_VARIABLES } from "../gateway/config.js";

const readme = readFileSync("README.md", "utf8");

describe("README", () => {
  it("gives the two set-up commands", () => {
    expect(readme).toMatch(/^npm start\b/m);
    expect(readme).toMatch(/^npm test\b/m);
  });

  it("documents every configuration variable the hub reads", () => {
    for (const name of Object.keys(CONFIG_VARIABLES)) expect(readme, name).toContain(`| \`${name}\` |`);
  });
});
