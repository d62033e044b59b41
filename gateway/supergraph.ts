/** @module The static supergraph: composed from the subgraph list, checked in under schema/. */
import { composeServices } from "@apollo/composition";
import { print, printSchema } from "graphql";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Subgraph } from "../subgraphs/shared/subgraph.js";

export const SUPERGRAPH_FILE = fileURLToPath(new URL("../schema/supergraph.graphql", import.meta.url));
export const subgraphSdlFile = (name: string) => fileURLToPath(new URL(`../schema/subgraphs/${name}.graphql`, import.meta.url));

export function subgraphSdl(subgraph: Subgraph): string {
  return `${print(subgraph.typeDefs)}\n`;
}

export const API_SCHEMA_FILE = fileURLToPath(new URL("../schema/api.graphql", import.meta.url));

export function composeSupergraph(subgraphs: readonly Subgraph[]): string {
  return compose(subgraphs).supergraphSdl;
}

/** The schema clients see (no federation machinery): input for codegen and for API reviews. */
export function apiSchemaSdl(subgraphs: readonly Subgraph[]): string {
  return `${printSchema(compose(subgraphs).schema.toAPISchema().toGraphQLJSSchema())}\n`;
}

function compose(subgraphs: readonly Subgraph[]) {
  const result = composeServices(
    subgraphs.map((s) => ({ name: s.name, typeDefs: s.typeDefs, url: `http://localhost:${s.port}/graphql` })),
  );
  if (result.errors) throw new Error(`Composition failed:\n${result.errors.map((e) => `- ${e.message}`).join("\n")}`);
  return result;
}

export function readSupergraph(): string {
  return readFileSync(SUPERGRAPH_FILE, "utf8");
}
