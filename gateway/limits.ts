/**
 * @module Validation rules that reject abusive operations before any subgraph is called:
 * a maximum selection depth and a maximum estimated cost (fields, multiplied by page sizes).
 * Introspection fields are exempt from both, so IDEs keep working.
 */
import {
  GraphQLError,
  Kind,
  type ASTVisitor,
  type FragmentDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
  type ValueNode,
} from "graphql";

/** Page size assumed for a list argument given as a variable (validation sees no variable values). */
const ASSUMED_PAGE_SIZE = 100;
const PAGE_ARGUMENTS = new Set(["first", "last", "limit"]);

interface Measure {
  depth: number;
  cost: number;
}

function multiplier(args: readonly { name: { value: string }; value: ValueNode }[] | undefined): number {
  for (const arg of args ?? []) {
    if (!PAGE_ARGUMENTS.has(arg.name.value)) continue;
    if (arg.value.kind === Kind.INT) return Math.max(1, Number(arg.value.value));
    if (arg.value.kind === Kind.VARIABLE) return ASSUMED_PAGE_SIZE;
  }
  return 1;
}

function measure(
  selectionSet: SelectionSetNode,
  fragments: Record<string, FragmentDefinitionNode>,
  visiting: Set<string>,
): Measure {
  let depth = 0;
  let cost = 0;
  for (const selection of selectionSet.selections) {
    let inner: Measure;
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value.startsWith("__")) continue;
      const child = selection.selectionSet ? measure(selection.selectionSet, fragments, visiting) : { depth: 0, cost: 0 };
      inner = { depth: child.depth + 1, cost: 1 + multiplier(selection.arguments) * child.cost };
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      inner = measure(selection.selectionSet, fragments, visiting);
    } else {
      const name = selection.name.value;
      const fragment = fragments[name];
      if (!fragment || visiting.has(name)) continue; // unknown or cyclic: other rules report it
      visiting.add(name);
      inner = measure(fragment.selectionSet, fragments, visiting);
      visiting.delete(name);
    }
    depth = Math.max(depth, inner.depth);
    cost += inner.cost;
  }
  return { depth, cost };
}

export function operationLimits(maxDepth: number, maxCost: number) {
  return (context: ValidationContext): ASTVisitor => {
    const fragments: Record<string, FragmentDefinitionNode> = {};
    for (const definition of context.getDocument().definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
    }
    return {
      OperationDefinition(operation) {
        const { depth, cost } = measure(operation.selectionSet, fragments, new Set());
        const name = operation.name?.value ?? "anonymous operation";
        if (depth > maxDepth) {
          context.reportError(
            new GraphQLError(`${name} is ${depth} levels deep; the limit is ${maxDepth}. Split it into smaller queries.`, {
              nodes: [operation],
              extensions: { code: "QUERY_TOO_DEEP", depth, maxDepth },
            }),
          );
        }
        if (cost > maxCost) {
          context.reportError(
            new GraphQLError(`${name} has an estimated cost of ${cost}; the limit is ${maxCost}. Ask for smaller pages or fewer fields.`, {
              nodes: [operation],
              extensions: { code: "QUERY_TOO_COSTLY", cost, maxCost },
            }),
          );
        }
      },
    };
  };
}
