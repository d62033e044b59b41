/**
 * GraphQL Code Generator: typed documents for the named operations under test/operations (used by
 * the end-to-end tests, and the model for the REST facade's operations and a client SDK).
 * Run `npm run compose` first when a subgraph changed, then `npm run codegen`.
 */
import type { CodegenConfig } from "@graphql-codegen/cli";

const config: CodegenConfig = {
  schema: "schema/api.graphql",
  documents: ["test/operations/*.graphql"],
  generates: {
    "test/operations/generated.ts": {
      plugins: ["typescript-operations", "typed-document-node"],
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        avoidOptionals: { field: true, inputValue: false },
        scalars: { DateTimeISO: "string" },
      },
    },
  },
};

export default config;
