/**
 * @module Closed by default: a request without a token may only introspect the schema and browse
 * the public catalogue (banks and published marketplace solutions). Everything else answers 401.
 */
import type { ApolloServerPlugin } from "@apollo/server";
import { GraphQLError, Kind, type DocumentNode, type SelectionSetNode } from "graphql";
import type { GatewayContext } from "../local-data-source.js";

const PUBLIC_ROOT_FIELDS = new Set(["__schema", "__type", "__typename", "banks", "bank", "solutions", "solution", "solutionBySlug"]);

/** The root field names an operation selects, through its fragments. */
export function rootFields(selectionSet: SelectionSetNode, document: DocumentNode, seen = new Set<string>()): string[] {
  return selectionSet.selections.flatMap((selection) => {
    if (selection.kind === Kind.FIELD) return [selection.name.value];
    if (selection.kind === Kind.INLINE_FRAGMENT) return rootFields(selection.selectionSet, document, seen);
    if (seen.has(selection.name.value)) return [];
    seen.add(selection.name.value);
    const fragment = document.definitions.find((d) => d.kind === Kind.FRAGMENT_DEFINITION && d.name.value === selection.name.value);
    return fragment && fragment.kind === Kind.FRAGMENT_DEFINITION ? rootFields(fragment.selectionSet, document, seen) : [];
  });
}

export function requireTokenOutsidePublicCatalogue(): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, operation, document }) {
          if (contextValue.caller.kind !== "anonymous" || !operation) return;
          const isPublic = operation.operation === "query" && rootFields(operation.selectionSet, document).every((f) => PUBLIC_ROOT_FIELDS.has(f));
          if (isPublic) return;
          throw new GraphQLError("This operation needs an access token: send Authorization: Bearer <token> (see /.well-known/openid-configuration).", {
            extensions: { code: "UNAUTHENTICATED", http: { status: 401 } },
          });
        },
      };
    },
  };
}
