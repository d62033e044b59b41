/**
 * GraphQL Code Generator: typed documents for the named operations under test/operations (used by
 * the end-to-end tests, and the model for the REST facade's operations and a client SDK).
 * Run `npm run compose` first when a subgraph changed, then `npm run codegen`.
 */
import type { CodegenConfig } from "@graphql-codegen/cli";

const typedOperations = {
  plugins: ["typescript-operations", "typed-document-node"],
  config: {
    useTypeImports: true,
    enumsAsTypes: true,
    avoidOptionals: { field: true, inputValue: false },
    scalars: { DateTimeISO: "string" },
  },
};

const config: CodegenConfig = {
  schema: "schema/api.graphql",
  generates: {
    "test/operations/generated.ts": { documents: ["test/operations/*.graphql"], ...typedOperations },
    // The Berlin Group facade's operations: one typed document per REST route.
    "gateway/berlin-group/operations/generated.ts": { documents: ["gateway/berlin-group/operations/*.graphql"], ...typedOperations },
  },
};

export default config;
