/**
 * @module Splits a client's subscription into what the owning subgraph runs and what the gateway
 * resolves per event. The subgraph gets the root field with the client's arguments and selects only
 * the entity's key; each event's entity is then fetched with the client's whole selection through the
 * gateway (`<entity>(id: $subscriptionKey)`), so subscribers get the same graph, and the same
 * authorisation, as queries.
 */
import {
  getNamedType,
  Kind,
  print,
  visit,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type VariableDefinitionNode,
} from "graphql";

export interface SubscriptionPlan {
  field: string;
  /** The response key the client asked for (alias or field name). */
  responseKey: string;
  entityType: string;
  /** Run on the owning subgraph: the root field selecting `id`. */
  primary: DocumentNode;
  /** Run through the gateway for each event, with `subscriptionKey` = the entity id. */
  refetch: string;
}

export class PlanError extends Error {}

const lowerFirst = (name: string) => name.charAt(0).toLowerCase() + name.slice(1);

function usedVariables(node: unknown): Set<string> {
  const names = new Set<string>();
  visit(node as DocumentNode, { Variable: (v) => void names.add(v.name.value) });
  return names;
}

function pickVariables(definitions: readonly VariableDefinitionNode[] | undefined, used: Set<string>): VariableDefinitionNode[] {
  return (definitions ?? []).filter((d) => used.has(d.variable.name.value));
}

export function subscriptionOperation(document: DocumentNode, operationName?: string | null): OperationDefinitionNode | undefined {
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const operation = operationName ? operations.find((o) => o.name?.value === operationName) : operations.length === 1 ? operations[0] : undefined;
  return operation?.operation === "subscription" ? operation : undefined;
}

export function rootField(operation: OperationDefinitionNode): FieldNode {
  const [selection] = operation.selectionSet.selections;
  if (operation.selectionSet.selections.length !== 1 || selection?.kind !== Kind.FIELD) throw new PlanError("A subscription selects exactly one root field.");
  return selection;
}

/** `schema` is the gateway's API schema; the refetch field is found by convention: `payment(id:)` for Payment. */
export function planSubscription(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode): SubscriptionPlan {
  const field = rootField(operation);
  const definition = schema.getSubscriptionType()?.getFields()[field.name.value];
  if (!definition) throw new PlanError(`Unknown subscription field "${field.name.value}".`);
  const entityType = getNamedType(definition.type).name;
  const refetchField = schema.getQueryType()?.getFields()[lowerFirst(entityType)];
  if (!refetchField?.args.some((a) => a.name === "id")) throw new PlanError(`No query field ${lowerFirst(entityType)}(id:) to resolve ${entityType} for "${field.name.value}".`);
  const fragments = document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION);

  const keyOnly: FieldNode = {
    ...field,
    directives: [],
    selectionSet: { kind: Kind.SELECTION_SET, selections: [{ kind: Kind.FIELD, name: { kind: Kind.NAME, value: "id" } }] },
  };
  const primary: DocumentNode = {
    kind: Kind.DOCUMENT,
    definitions: [{ ...operation, name: undefined, directives: [], variableDefinitions: pickVariables(operation.variableDefinitions, usedVariables(keyOnly.arguments)), selectionSet: { kind: Kind.SELECTION_SET, selections: [keyOnly] } }],
  };

  const selection = field.selectionSet!;
  const selectionVariables = usedVariables([selection, ...fragments]);
  const variableDefinitions = pickVariables(operation.variableDefinitions, selectionVariables).map(print);
  const refetch = [
    `query SubscriptionEvent(${["$subscriptionKey: ID!", ...variableDefinitions].join(", ")}) {`,
    `  entity: ${refetchField.name}(id: $subscriptionKey) ${print(selection)}`,
    `}`,
    ...fragments.map(print),
  ].join("\n");
  return { field: field.name.value, responseKey: field.alias?.value ?? field.name.value, entityType, primary, refetch };
}
