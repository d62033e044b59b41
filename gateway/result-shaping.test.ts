import { createRequire } from "node:module";
import { parse } from "graphql";
import { describe, expect, it } from "vitest";
import { apolloComputeResponse, computeResponse, installResultShaping } from "./result-shaping.js";

const require = createRequire(import.meta.url);
const fi = require("@apollo/federation-internals");

const schema = fi.buildSchema(`
  scalar DateTime
  enum Status { ACTIVE SUSPENDED }
  interface Node { id: ID! }
  type Account implements Node { id: ID! iban: String! balance: Int status: Status opened: DateTime owner: Person tags: [String!] }
  type Person implements Node { id: ID! name: String! accounts: [Account!]! }
  union Thing = Account | Person
  type Query { account(id: ID!): Account accounts: [Account] node(id: ID!): Node things: [Thing!]! me: Person! count: Float flag: Boolean }
`);

function both(query: string, input: unknown, variables?: Record<string, unknown>) {
  const operation = fi.operationFromDocument(schema, parse(query), { validate: false });
  const introspectionHandling = (selection: { element: { responseName(): string } }) => `introspected ${selection.element.responseName()}`;
  const run = (shape: typeof computeResponse) => {
    try {
      const { data, errors } = shape({ operation, variables, input: structuredClone(input), introspectionHandling });
      return { data: JSON.parse(JSON.stringify(data ?? null)), errors: (errors as { message: string; path?: unknown }[]).map((e) => ({ message: e.message, path: e.path })) };
    } catch (error) {
      return { thrown: (error as Error).message };
    }
  };
  return { ours: run(computeResponse), apollo: run(apolloComputeResponse) };
}

const cases: [string, string, unknown, Record<string, unknown>?][] = [
  ["plain fields and aliases", `{ a: account(id: "1") { id iban b: balance status opened } }`, { a: { id: "1", iban: "DE1", b: 5, status: "ACTIVE", opened: "2026-01-01T00:00:00Z", extra: 1 } }],
  ["nested lists", `{ me { name accounts { id tags owner { name } } } }`, { me: { name: "M", accounts: [{ id: "1", tags: ["x", "y"], owner: { name: "M" } }, { id: "2", tags: null, owner: null }] } }],
  ["null bubbles up to a nullable parent", `{ account(id: "1") { id iban } }`, { account: { id: "1", iban: null } }],
  ["null in non-null list element nullifies the list", `{ me { name accounts { id } } }`, { me: { name: "M", accounts: [{ id: "1" }, null] } }],
  ["null at the non-null root", `{ me { name } }`, { me: null }],
  ["missing field is null", `{ account(id: "1") { id balance } }`, { account: { id: "1" } }],
  ["__typename aliased and plain", `{ node(id: "1") { __typename t: __typename id } }`, { node: { __typename: "Person", id: "1" } }],
  ["__typename from the parent type", `{ account(id: "1") { __typename id } }`, { account: { id: "1" } }],
  ["interface fragments by __typename", `{ node(id: "1") { id ... on Account { iban } ... on Person { name } } }`, { node: { __typename: "Account", id: "1", iban: "DE1", name: "no" } }],
  ["union list with named fragments", `query { things { ...A ... on Person { name } } } fragment A on Account { id iban }`, { things: [{ __typename: "Account", id: "1", iban: "X" }, { __typename: "Person", name: "P" }] }],
  ["fragment without __typename in data", `{ account(id: "1") { ... on Account { id } ... on Node { id } } }`, { account: { id: "1" } }],
  ["unknown __typename", `{ node(id: "1") { id } }`, { node: { __typename: "Nope", id: "1" } }],
  ["invalid enum value", `{ account(id: "1") { status } }`, { account: { status: "GONE" } }],
  ["int given as a string and float given as int", `{ account(id: "1") { balance } count flag }`, { account: { balance: "5" }, count: 3, flag: "yes" }],
  ["id as number and string for Float", `{ account(id: "1") { id } count }`, { account: { id: 7 }, count: "1.5" }],
  ["@skip/@include with variables and defaults", `query Q($s: Boolean = true, $i: Boolean!) { account(id: "1") { id @skip(if: $s) iban @include(if: $i) balance @include(if: false) } }`, { account: { id: "1", iban: "X", balance: 3 } }, { i: true }],
  ["@skip overridden by a variable", `query Q($s: Boolean = true) { account(id: "1") { id @skip(if: $s) ... on Account @include(if: true) { iban } } }`, { account: { id: "1", iban: "X" } }, { s: false }],
  ["non-boolean directive variable", `query Q($s: Boolean) { account(id: "1") { id @skip(if: $s) } }`, { account: { id: "1" } }, { s: "yes" }],
  ["introspection fields", `{ __typename account(id: "1") { id } }`, { account: { id: "1" } }],
  ["list of nullable objects", `{ accounts { id } }`, { accounts: [{ id: "1" }, null] }],
  ["non-list for a list", `{ accounts { id } }`, { accounts: { id: "1" } }],
  ["empty input", `{ accounts { id } }`, null],
  ["__proto__ as an alias", `{ __proto__: account(id: "1") { id __proto__: iban } }`, JSON.parse(`{ "__proto__": { "id": "1", "__proto__": "DE1" } }`)],
];

describe("result shaping compiled per operation", () => {
  it.each(cases)("%s: same data, errors and failures as Apollo Gateway's", (_name, query, input, variables) => {
    const { ours, apollo } = both(query, input, variables);
    expect(ours).toEqual(apollo);
  });

  it("answers plain objects, with a __proto__ alias as an own property", () => {
    const operation = fi.operationFromDocument(schema, parse(`{ __proto__: account(id: "1") { id } a: account(id: "1") { id } }`), { validate: false });
    const input = JSON.parse(`{ "__proto__": { "id": "1" }, "a": { "id": "2" } }`);
    const { data } = computeResponse({ operation, input, introspectionHandling: () => null }) as { data: Record<string, unknown> };
    expect(Object.getPrototypeOf(data)).toBe(Object.prototype);
    expect(Object.getPrototypeOf(data.a)).toBe(Object.prototype);
    expect(Object.keys(data)).toEqual(["__proto__", "a"]);
    expect(JSON.stringify(data)).toBe(`{"__proto__":{"id":"1"},"a":{"id":"2"}}`);
  });

  it("reuses one operation per operation node, for executeQueryPlan's call only", () => {
    expect(installResultShaping()).toBe(true);
    const operations = require("@apollo/federation-internals/dist/operations.js");
    const document = parse(`query A { me { name } } fragment F on Person { name }`);
    const asExecuted = () => ({ kind: "Document", definitions: [document.definitions[0], document.definitions[1]] });
    const first = operations.operationFromDocument(schema, asExecuted(), { validate: false });
    expect(operations.operationFromDocument(schema, asExecuted(), { validate: false })).toBe(first);
    expect(operations.operationFromDocument(schema, document, { operationName: "A" })).not.toBe(first);
    const other = parse(`query A { me { name } }`);
    expect(operations.operationFromDocument(schema, { kind: "Document", definitions: [document.definitions[0]] }, { validate: false })).not.toBe(first);
    expect(operations.operationFromDocument(schema, other, { validate: false })).not.toBe(first);
  });
});
