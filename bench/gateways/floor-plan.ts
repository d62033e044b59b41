/**
 * @module The floor's whole "gateway": run a query plan with the least work that makes the same
 * subgraph calls: POST each fetch, merge what comes back, then keep only the fields the client asked
 * for. No validation, no limits, no error masking, no tracing; the plan comes from Apollo's own
 * query planner (a transitive dependency of @apollo/gateway), so the calls are the same ones.
 */
import { operationFromDocument, Supergraph } from "@apollo/federation-internals";
import { QueryPlanner, type FetchNode, type PlanNode, type QueryPlan, type QueryPlanSelectionNode } from "@apollo/query-planner";
import {
  isAbstractType,
  isObjectType,
  Kind,
  parse,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from "graphql";

type Json = any;
export type SendFetch = (serviceName: string, body: string) => Promise<{ data?: Json; errors?: Json[] }>;

export interface PreparedOperation {
  plan: QueryPlan;
  operation: OperationDefinitionNode;
  fragments: Record<string, FragmentDefinitionNode>;
}

export class FloorPlanner {
  private readonly planner: QueryPlanner;
  private readonly apiSchema;
  readonly schema: GraphQLSchema;

  constructor(supergraphSdl: string) {
    const supergraph = Supergraph.build(supergraphSdl);
    this.apiSchema = supergraph.apiSchema();
    this.schema = this.apiSchema.toGraphQLJSSchema();
    this.planner = new QueryPlanner(supergraph);
  }

  prepare(query: string, operationName?: string): PreparedOperation {
    const document: DocumentNode = parse(query);
    const plan = this.planner.buildQueryPlan(operationFromDocument(this.apiSchema, document, { operationName }));
    const fragments: Record<string, FragmentDefinitionNode> = {};
    let operation: OperationDefinitionNode | undefined;
    for (const definition of document.definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
      else if (definition.kind === Kind.OPERATION_DEFINITION && (!operationName || definition.name?.value === operationName)) operation = definition;
    }
    if (!operation) throw new Error(`operation ${operationName ?? "(anonymous)"} not found`);
    return { plan, operation, fragments };
  }
}

/** Runs the plan and returns the response body, shaped like the client's selection. */
export async function runPlan(prepared: PreparedOperation, variables: Record<string, Json>, send: SendFetch, schema: GraphQLSchema): Promise<string> {
  const data: Json = {};
  const errors: Json[] = [];
  if (prepared.plan.node) await runNode(prepared.plan.node as PlanNode, data, variables, send, errors);
  const shaped = project(data, prepared.operation.selectionSet, prepared.fragments, schema);
  return JSON.stringify(errors.length ? { errors, data: shaped } : { data: shaped });
}

async function runNode(node: PlanNode, cursor: Json, variables: Record<string, Json>, send: SendFetch, errors: Json[]): Promise<void> {
  switch (node.kind) {
    case "Sequence":
      for (const child of node.nodes) await runNode(child, cursor, variables, send, errors);
      return;
    case "Parallel":
      await Promise.all(node.nodes.map((child) => runNode(child, cursor, variables, send, errors)));
      return;
    case "Flatten": {
      const at = flatten(cursor, node.path as string[]);
      if (at != null) await runNode(node.node, at, variables, send, errors);
      return;
    }
    case "Fetch":
      return runFetch(node, cursor, variables, send, errors);
    default:
      throw new Error(`the floor does not run ${node.kind} plan nodes`);
  }
}

function flatten(value: Json, path: readonly string[]): Json {
  if (path.length === 0 || value == null) return value;
  const [head, ...rest] = path;
  if (head === "@") return (value as Json[]).flatMap((element) => flatten(element, rest));
  return flatten(value[head!], rest);
}

async function runFetch(fetch: FetchNode, cursor: Json, variables: Record<string, Json>, send: SendFetch, errors: Json[]): Promise<void> {
  if (fetch.inputRewrites?.length || fetch.outputRewrites?.length) throw new Error("the floor does not apply data rewrites");
  const entities: Json[] = Array.isArray(cursor) ? cursor.filter((e) => e != null) : [cursor];
  if (entities.length === 0) return;
  const fetchVariables: Record<string, Json> = {};
  for (const name of fetch.variableUsages ?? []) if (variables[name] !== undefined) fetchVariables[name] = variables[name];
  if (!fetch.requires) {
    const result = await send(fetch.serviceName, JSON.stringify({ query: fetch.operation, variables: fetchVariables, operationName: fetch.operationName }));
    if (result.errors) errors.push(...result.errors);
    for (const entity of entities) deepMerge(entity, result.data);
    return;
  }
  const representations: Json[] = [];
  const owners: Json[] = [];
  for (const entity of entities) {
    const representation = select(entity, fetch.requires);
    if (representation?.__typename) {
      representations.push(representation);
      owners.push(entity);
    }
  }
  if (representations.length === 0) return;
  fetchVariables.representations = representations;
  const result = await send(fetch.serviceName, JSON.stringify({ query: fetch.operation, variables: fetchVariables, operationName: fetch.operationName }));
  if (result.errors) errors.push(...result.errors);
  const received: Json[] = result.data?._entities ?? [];
  for (let i = 0; i < owners.length; i++) deepMerge(owners[i], received[i]);
}

/** The representation of an entity: the `requires` fields, on the entity's own type only. */
function select(source: Json, selections: readonly QueryPlanSelectionNode[]): Json {
  if (source == null) return null;
  const result: Json = {};
  for (const selection of selections) {
    if (selection.kind === "Field") {
      const key = selection.alias ?? selection.name;
      const value = source[key];
      if (value === undefined) return null;
      result[key] = selection.selections
        ? Array.isArray(value)
          ? value.map((v) => select(v, selection.selections!))
          : select(value, selection.selections)
        : value;
    } else if (!selection.typeCondition || source.__typename === selection.typeCondition) {
      Object.assign(result, select(source, selection.selections));
    }
  }
  return result;
}

function deepMerge(target: Json, source: Json): void {
  if (source == null || typeof source !== "object") return;
  for (const key of Object.keys(source)) {
    const value = source[key];
    const existing = target[key];
    if (existing && typeof existing === "object" && value && typeof value === "object") deepMerge(existing, value);
    else target[key] = value;
  }
}

/** Keeps the client's fields, under their response names, in the client's order. */
function project(value: Json, selectionSet: SelectionSetNode, fragments: Record<string, FragmentDefinitionNode>, schema: GraphQLSchema): Json {
  if (value == null) return null;
  if (Array.isArray(value)) return value.map((v) => project(v, selectionSet, fragments, schema));
  const out: Json = {};
  collect(value, selectionSet, fragments, schema, out);
  return out;
}

function collect(value: Json, selectionSet: SelectionSetNode, fragments: Record<string, FragmentDefinitionNode>, schema: GraphQLSchema, out: Json): void {
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      const key = selection.alias?.value ?? selection.name.value;
      const field = value[key];
      if (selection.selectionSet && field != null) {
        const nested = project(field, selection.selectionSet, fragments, schema);
        out[key] = out[key] && typeof out[key] === "object" ? mergeShaped(out[key], nested) : nested;
      } else out[key] = field ?? null;
    } else {
      const fragment = selection.kind === Kind.INLINE_FRAGMENT ? selection : fragments[selection.name.value];
      if (!fragment) continue;
      const condition = fragment.typeCondition?.name.value;
      if (condition && value.__typename && !appliesTo(condition, value.__typename, schema)) continue;
      collect(value, fragment.selectionSet, fragments, schema, out);
    }
  }
}

function mergeShaped(target: Json, source: Json): Json {
  deepMerge(target, source);
  return target;
}

function appliesTo(condition: string, typename: string, schema: GraphQLSchema): boolean {
  if (condition === typename) return true;
  const conditionType = schema.getType(condition);
  const objectType = schema.getType(typename);
  if (!conditionType || !objectType || !isObjectType(objectType)) return false;
  return isAbstractType(conditionType) && schema.isSubType(conditionType, objectType);
}
