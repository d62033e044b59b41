import { defineConfig } from "vitest/config";

export default defineConfig({
  // Externalised packages load graphql's CJS build; tests must get the same realm.
  resolve: { alias: [{ find: /^graphql$/, replacement: "graphql/index.js" }] },
  test: {
    include: ["test/**/*.test.ts", "subgraphs/**/*.test.ts", "connectors/**/*.test.ts", "gateway/**/*.test.ts"],
    hookTimeout: 120_000,
    testTimeout: 60_000,
    pool: "forks",
    reporters: ["default", "./test/summary-reporter.ts"],
  },
});
