/** @module Turns type-graphql resolvers into an Apollo Federation 2 subgraph schema. */
import "reflect-metadata";
import { buildSubgraphSchema } from "@apollo/subgraph";
import { printSchemaWithDirectives } from "@graphql-tools/utils";
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  parse,
  type DocumentNode,
  type GraphQLArgument,
  type GraphQLInputField,
  type GraphQLSchema,
} from "graphql";
import { buildSchemaSync, createResolversMap, type NonEmptyArray } from "type-graphql";

/** Subscriptions name their events with `subscribe` (see event-source.ts); type-graphql topics are not used. */
const noTopics = {
  publish() {
    throw new Error("Publish through the outbox (recordEvent); subscriptions read the bus via eventsOf(context).");
  },
  subscribe(): never {
    throw new Error("Declare subscriptions with `subscribe: ({ context }) => eventsOf(context).stream(…)`, not topics.");
  },
};

const FEDERATION_LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable", "@external", "@requires"])';

export type ReferenceResolvers = Record<string, (reference: any, context: any) => unknown>;

export interface BuiltSubgraph {
  schema: GraphQLSchema;
  typeDefs: DocumentNode;
}

export function buildFederatedSchema(options: {
  resolvers: NonEmptyArray<Function>;
  orphanedTypes?: Function[];
  references?: ReferenceResolvers;
}): BuiltSubgraph {
  const plain = buildSchemaSync({
    resolvers: options.resolvers,
    orphanedTypes: options.orphanedTypes,
    skipCheck: true,
    validate: false,
    pubSub: noTopics,
  });
  const typeDefs = parse(`${FEDERATION_LINK}\n\n${printSchemaWithDirectives(plain)}`);
  const resolvers: Record<string, any> = createResolversMap(plain);
  for (const [typeName, resolveReference] of Object.entries(options.references ?? {})) {
    resolvers[typeName] = { ...resolvers[typeName], __resolveReference: resolveReference };
  }
  const schema = buildSubgraphSchema([{ typeDefs, resolvers }]);
  internEnumDefaults(schema);
  return { schema, typeDefs };
}

/**
 * Enum defaults are coerced while the SDL is built, before the resolver map gives enum values their
 * internal values, so `status: X = ACTIVE` would reach resolvers as "ACTIVE" instead of "active".
 */
function internEnumDefaults(schema: GraphQLSchema): void {
  const intern = (input: GraphQLArgument | GraphQLInputField) => {
    const type = getNamedType(input.type);
    if (!isEnumType(type) || input.defaultValue === undefined) return;
    const internal = (name: unknown) => (typeof name === "string" ? (type.getValue(name)?.value ?? name) : name);
    (input as { defaultValue: unknown }).defaultValue = Array.isArray(input.defaultValue)
      ? input.defaultValue.map(internal)
      : internal(input.defaultValue);
  };
  for (const type of Object.values(schema.getTypeMap())) {
    if (isObjectType(type) || isInterfaceType(type)) for (const field of Object.values(type.getFields())) field.args.forEach(intern);
    if (isInputObjectType(type)) Object.values(type.getFields()).forEach(intern);
  }
}
