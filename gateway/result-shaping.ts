/**
 * @module Per-request work of Apollo Gateway's executor, done once per operation instead.
 *
 * For every request, `executeQueryPlan` (@apollo/gateway 2.14) rebuilds the operation in
 * federation-internals form (`operationFromDocument`) from Apollo Server's cached document, and
 * `computeResponse` walks that operation generically to cut the merged subgraph data to the client's
 * selection, re-deriving every field's response name, directives, type wrappers and type conditions.
 * Both showed as the largest gateway-side costs of a banking request in CPU profiles (bench/README.md).
 *
 * - `operationFromDocument` as executeQueryPlan calls it (`validate: false`) is remembered per
 *   operation node of Apollo Server's document cache and schema, so the same query text reuses one
 *   operation (weakly held: it goes when the document leaves Apollo Server's cache).
 * - `computeResponse` is replaced by the same algorithm over a plan compiled once per selection set
 *   (response names, @skip/@include conditions, type wrappers, leaf checks, type-condition answers);
 *   results and errors are those of Apollo's (gateway/result-shaping.test.ts compares the two).
 *
 * Installed by `installResultShaping()` (hub.ts) on the modules the gateway itself uses, checked
 * against the versions it was written for; any other version keeps Apollo's own functions.
 */
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
/* eslint-disable @typescript-eslint/no-explicit-any -- federation-internals' classes are used untyped here */
type Any = any;

const fi: Any = require("@apollo/federation-internals");
const operationsModule: Any = require("@apollo/federation-internals/dist/operations.js");
const shapingModule: Any = require("@apollo/gateway/dist/resultShaping.js");
const SUPPORTED = { gateway: "2.14.", internals: "2.14." };

/** Apollo's own computeResponse: the reference the replacement is tested against. */
export const apolloComputeResponse: (args: ComputeArgs) => { data: unknown; errors: unknown[] } = shapingModule.computeResponse;
const apolloOperationFromDocument: (schema: Any, document: Any, options?: Any) => Any = operationsModule.operationFromDocument;

interface ComputeArgs {
  operation: Any;
  variables?: Record<string, unknown>;
  input: Any;
  introspectionHandling: (selection: Any) => unknown;
}

// ---------------------------------------------------------------- operationFromDocument, remembered

interface RememberedOperation {
  schema: Any;
  rest: readonly unknown[];
  operation: Any;
}
const operationsByNode = new WeakMap<object, RememberedOperation>();

function rememberedOperationFromDocument(schema: Any, document: Any, options?: Any): Any {
  const definitions = document?.definitions;
  // Only executeQueryPlan's call: one operation first, its fragments after, no name, no validation.
  if (!options || options.validate !== false || options.operationName !== undefined || !Array.isArray(definitions) || definitions[0]?.kind !== "OperationDefinition") {
    return apolloOperationFromDocument(schema, document, options);
  }
  const head = definitions[0] as object;
  const known = operationsByNode.get(head);
  if (known && known.schema === schema && known.rest.length === definitions.length - 1 && known.rest.every((d, i) => d === definitions[i + 1])) return known.operation;
  const operation = apolloOperationFromDocument(schema, document, options);
  operationsByNode.set(head, { schema, rest: definitions.slice(1), operation });
  return operation;
}

// ---------------------------------------------------------------- computeResponse over compiled plans

const typename = "__typename";
const integerString = /^-?(?:0|[1-9][0-9]*)$/;
const hasOwn = Object.prototype.hasOwnProperty;

/** A directive condition: a constant, or a variable to read. */
type Condition = boolean | { variable: string; directive: Any } | undefined;

interface FieldStep {
  field: true;
  selection: Any;
  skip: Condition;
  include: Condition;
  responseName: string;
  /** The response name is `__proto__` (a legal alias): read and written as an own property. */
  protoName: boolean;
  introspection: boolean;
  isTypename: boolean;
  type: TypeStep;
  selectionSet: Any;
}
interface FragmentStep {
  field: false;
  skip: Condition;
  include: Condition;
  typeCondition: Any;
  /** typeCondition applies to a runtime type name ('' for "no __typename in the data"), per parent type. */
  applies: Map<Any, Map<string, boolean>>;
  selectionSet: Any;
}
type Step = FieldStep | FragmentStep;

type TypeStep =
  | { kind: "nonNull"; type: Any; of: TypeStep }
  | { kind: "list"; type: Any; of: TypeStep }
  | { kind: "composite"; type: Any }
  | { kind: "leaf"; type: Any; valid: (value: unknown) => boolean };

const plans = new WeakMap<object, Step[]>();
const typeSteps = new WeakMap<object, TypeStep>();

function condition(element: Any, directive: Any): Condition {
  const applied = element.appliedDirectivesOf(directive)[0];
  if (!applied) return undefined;
  const value = applied.arguments().if;
  if (value instanceof fi.Variable) return { variable: value.name, directive: applied };
  return value;
}

function conditionValue(c: Exclude<Condition, undefined>, variables: Record<string, unknown>): boolean {
  if (typeof c === "boolean") return c;
  const value = variables[c.variable];
  if (value === undefined || typeof value !== "boolean") throw new Error(`Unexpected value ${value} for variable $${c.variable} of ${c.directive}`);
  return value;
}

/** federation-internals' isValidLeafValue, with the type's answers decided once. */
function leafCheck(schema: Any, type: Any): (value: unknown) => boolean {
  if (fi.isCustomScalarType(type)) return () => true;
  const isBoolean = type === schema.booleanType();
  const isInt = type === schema.intType();
  const isIntOrId = isInt || type === schema.idType();
  const isFloat = type === schema.floatType();
  const isEnum = fi.isEnumType(type);
  return (value) => {
    if (typeof value === "boolean") return isBoolean;
    if (typeof value === "number" && isFinite(value)) return isIntOrId ? integerString.test(String(value)) : isFloat;
    if (typeof value === "string") return isEnum ? type.value(value) !== undefined : !isBoolean && !isInt && !isFloat;
    return false;
  };
}

function typeStep(schema: Any, type: Any): TypeStep {
  let step = typeSteps.get(type);
  if (step) return step;
  if (fi.isNonNullType(type)) step = { kind: "nonNull", type, of: typeStep(schema, type.ofType) };
  else if (fi.isListType(type)) step = { kind: "list", type, of: typeStep(schema, type.ofType) };
  else if (fi.isCompositeType(type)) step = { kind: "composite", type };
  else step = { kind: "leaf", type, valid: leafCheck(schema, type) };
  typeSteps.set(type, step);
  return step;
}

function plan(selectionSet: Any, schema: Any): Step[] {
  let steps = plans.get(selectionSet);
  if (steps) return steps;
  const skipDirective = schema.skipDirective();
  const includeDirective = schema.includeDirective();
  steps = [];
  for (const selection of selectionSet.selections()) {
    const element = selection.element;
    const skip = condition(element, skipDirective);
    const include = condition(element, includeDirective);
    if (selection.kind === "FieldSelection") {
      steps.push({
        field: true,
        selection,
        skip,
        include,
        responseName: element.responseName(),
        protoName: element.responseName() === "__proto__",
        introspection: element.definition.isSchemaIntrospectionField(),
        isTypename: element.name === typename,
        type: typeStep(schema, element.definition.type),
        selectionSet: selection.selectionSet,
      });
    } else {
      steps.push({ field: false, skip, include, typeCondition: element.typeCondition, applies: new Map(), selectionSet: selection.selectionSet });
    }
  }
  plans.set(selectionSet, steps);
  return steps;
}

interface Parameters {
  schema: Any;
  variables: Record<string, unknown>;
  errors: unknown[];
  introspectionHandling: (selection: Any) => unknown;
}

const OK = 0;
const NULL_BUBBLE_UP = 1;

function skipped(step: Step, variables: Record<string, unknown>): boolean {
  if (step.skip !== undefined && conditionValue(step.skip, variables)) return true;
  return step.include !== undefined && !conditionValue(step.include, variables);
}

function fragmentApplies(step: FragmentStep, schema: Any, name: unknown, parentType: Any): boolean {
  if (!step.typeCondition) return true;
  let byName = step.applies.get(parentType);
  if (!byName) step.applies.set(parentType, (byName = new Map()));
  const key = name ? (name as string) : "";
  let applies = byName.get(key);
  if (applies === undefined) {
    if (name) {
      const type = schema.type(name);
      applies = !!type && fi.isSubtype(step.typeCondition, type);
    } else applies = fi.isSubtype(step.typeCondition, parentType);
    byName.set(key, applies!);
  }
  return applies!;
}

/**
 * Output objects are plain `{}` (Apollo's are `Object.create(null)`, which V8 keeps in dictionary mode:
 * more memory per object and a slow path in JSON.stringify); the one response name that would touch a
 * plain object's prototype, `__proto__`, is read and written as an own property.
 */
function setOwn(output: Any, step: FieldStep, value: unknown) {
  if (step.protoName) Object.defineProperty(output, "__proto__", { value, enumerable: true, writable: true, configurable: true });
  else output[step.responseName] = value;
}

function applySelectionSet(input: Any, selectionSet: Any, output: Any, parameters: Parameters, path: (string | number)[], parentType: Any): number {
  const { schema, variables } = parameters;
  for (const step of plan(selectionSet, schema)) {
    if ((step.skip !== undefined || step.include !== undefined) && skipped(step, variables)) continue;
    if (step.field) {
      const responseName = step.responseName;
      const outputValue = step.protoName ? (hasOwn.call(output, responseName) ? output[responseName] : undefined) : output[responseName];
      if (step.introspection) {
        if (outputValue === undefined) setOwn(output, step, parameters.introspectionHandling(step.selection));
        continue;
      }
      let inputValue = hasOwn.call(input, responseName) ? input[responseName] : undefined;
      if (inputValue === undefined) inputValue = null;
      if (step.isTypename) {
        if (outputValue === undefined) {
          if (inputValue === null && responseName !== typename) inputValue = input[typename] ?? null;
          const type = inputValue !== null && typeof inputValue === "string" ? (schema.type(inputValue) ?? parentType) : parentType;
          if (!fi.isObjectType(type)) return NULL_BUBBLE_UP;
          setOwn(output, step, type.name);
        }
        continue;
      }
      path.push(responseName);
      const updated = updateOutputValue(outputValue, step.type, inputValue, step.selectionSet, path, parameters, parentType);
      const state = lastState;
      setOwn(output, step, updated);
      path.pop();
      if (state & INVALID) return NULL_BUBBLE_UP;
    } else {
      const name = input[typename];
      if (name && typeof name !== "string") throw new Error(`Got unexpected value for __typename: ${name}`);
      if (fragmentApplies(step, schema, name, parentType)) {
        const res = applySelectionSet(input, step.selectionSet, output, parameters, path, step.typeCondition ?? parentType);
        if (res === NULL_BUBBLE_UP) return NULL_BUBBLE_UP;
      }
    }
  }
  return OK;
}

function lastElementDescription(path: (string | number)[], currentType: Any, parentType: Any): string {
  const element = path[path.length - 1];
  return typeof element === "string" ? `field ${parentType}.${element}` : `array element of type ${currentType} at index ${element}`;
}

/**
 * What Apollo's updateOutputValue returns besides the value (isInvalid, hasErrors), as bits of
 * `lastState`, set by every return of updateOutputValue and read by its caller straight after the call:
 * no result object per value.
 */
const INVALID = 1;
const HAS_ERRORS = 2;
let lastState = 0;

function done(updated: unknown, state: number): unknown {
  lastState = state;
  return updated;
}

function updateOutputValue(outputValue: Any, type: TypeStep, inputValue: Any, selectionSet: Any, path: (string | number)[], parameters: Parameters, parentType: Any): unknown {
  if (inputValue === undefined) throw new Error("Should not pass undefined for `inputValue` to this method");
  if (outputValue === null || (outputValue !== undefined && !selectionSet)) return done(outputValue, 0);
  switch (type.kind) {
    case "nonNull": {
      const updated = updateOutputValue(outputValue, type.of, inputValue, selectionSet, path, parameters, parentType);
      if (updated === null) {
        if (!(lastState & HAS_ERRORS)) {
          parameters.errors.push(
            fi.ERRORS.INVALID_GRAPHQL.err(`Cannot return null for non-nullable ${lastElementDescription(path, type.type.ofType, parentType)}.`, { path: Array.from(path) }),
          );
        }
        return done(updated, INVALID | HAS_ERRORS);
      }
      return done(updated, 0);
    }
    case "list": {
      if (inputValue === null) return done(null, 0);
      if (!Array.isArray(inputValue)) throw new Error(`Invalid non-list value ${inputValue} returned by subgraph for list type ${type.type}`);
      if (outputValue !== undefined && !Array.isArray(outputValue)) throw new Error(`Invalid non-list value ${outputValue} returned by subgraph for list type ${type.type}`);
      if (outputValue !== undefined && inputValue.length !== outputValue.length) throw new Error(`[${inputValue}].length (${inputValue.length}) !== [${outputValue}].length (${outputValue.length})`);
      let shouldNullify = false;
      let hasErrors = false;
      const updated = new Array(inputValue.length);
      for (let i = 0; i < inputValue.length; i++) {
        path.push(i);
        const element = updateOutputValue(outputValue === undefined ? undefined : outputValue[i], type.of, inputValue[i], selectionSet, path, parameters, parentType);
        path.pop();
        if (lastState & INVALID) shouldNullify = true;
        if (lastState & HAS_ERRORS) hasErrors = true;
        updated[i] = element;
      }
      return done(shouldNullify ? null : updated, hasErrors ? HAS_ERRORS : 0);
    }
    case "composite": {
      if (inputValue === null) return done(null, 0);
      if (!selectionSet) throw new Error(`Invalid empty selection set for composite type ${type.type}`);
      if (typeof inputValue !== "object") throw new Error(`Invalid non-object value ${inputValue} returned by subgraph for composite type ${type.type}`);
      if (outputValue !== undefined && typeof outputValue !== "object") throw new Error(`Invalid non-object value ${inputValue} returned by subgraph for composite type ${type.type}`);
      const inputTypename = inputValue[typename];
      if (inputTypename !== undefined && typeof inputTypename !== "string") throw new Error(`Invalid non-string value ${inputTypename} for __typename at ${path}`);
      let objectType = type.type;
      if (inputTypename) {
        const typenameType = parameters.schema.type(inputTypename);
        if (!typenameType || !fi.isCompositeType(typenameType)) {
          parameters.errors.push(fi.ERRORS.INVALID_GRAPHQL.err(`Invalid __typename found for object at ${lastElementDescription(path, type.type, parentType)}.`, { path: Array.from(path) }));
          return done(null, HAS_ERRORS);
        }
        objectType = typenameType;
      }
      const outputObject = outputValue === undefined ? {} : outputValue;
      const res = applySelectionSet(inputValue, selectionSet, outputObject, parameters, path, objectType);
      const hasErrors = res === NULL_BUBBLE_UP;
      return done(hasErrors ? null : outputObject, hasErrors ? HAS_ERRORS : 0);
    }
    case "leaf": {
      if (inputValue === null) return done(null, 0);
      if (outputValue !== undefined) throw new Error(`Excepted output to be undefined but got ${type.type} for type ${type.type}`);
      if (type.valid(inputValue)) return done(inputValue, 0);
      parameters.errors.push(fi.ERRORS.INVALID_GRAPHQL.err(`Invalid value found for ${lastElementDescription(path, type.type, parentType)}.`, { path: Array.from(path) }));
      return done(null, HAS_ERRORS);
    }
  }
}

const defaultedVariables = new WeakMap<object, Record<string, unknown>>();

export function computeResponse({ operation, variables, input, introspectionHandling }: ComputeArgs): { data: unknown; errors: unknown[] } {
  if (!input) return { data: input, errors: [] };
  let defaults = defaultedVariables.get(operation);
  if (!defaults) defaultedVariables.set(operation, (defaults = operation.collectDefaultedVariableValues() as Record<string, unknown>));
  const schema = operation.schema();
  const parameters: Parameters = { schema, variables: { __proto__: null, ...defaults, ...variables } as Record<string, unknown>, errors: [], introspectionHandling };
  const data = {};
  const res = applySelectionSet(input, operation.selectionSet, data, parameters, [], schema.schemaDefinition.rootType(operation.rootKind));
  return { data: res === NULL_BUBBLE_UP ? null : data, errors: parameters.errors };
}

let installed: boolean | undefined;

/** Puts both in place of Apollo's (once per process); false when the installed versions are not the ones this was written for. */
export function installResultShaping(): boolean {
  if (installed !== undefined) return installed;
  const gatewayVersion: string = require("@apollo/gateway/package.json").version;
  const internalsVersion: string = require("@apollo/federation-internals/package.json").version;
  installed = gatewayVersion.startsWith(SUPPORTED.gateway) && internalsVersion.startsWith(SUPPORTED.internals);
  if (installed) {
    operationsModule.operationFromDocument = rememberedOperationFromDocument;
    shapingModule.computeResponse = computeResponse;
  }
  return installed;
}
