/**
 * Checks a response (status, headers, body) against the derived Berlin Group OpenAPI file with ajv:
 * the operation is found by method and path template, the status must be one it declares, every
 * required header must be there and match its schema, and the body must match the declared content
 * (or be empty when none is declared).
 */
import { Ajv, type ValidateFunction } from "ajv";
import formatsPlugin from "ajv-formats";
import { derivedSpec, type Spec } from "./derived-spec.js";

export interface ObservedResponse {
  method: string;
  /** Path without query, e.g. /v1/consents/abc. */
  path: string;
  status: number;
  headers: Headers;
  text: string;
}

/** OpenAPI 3.0's boolean exclusiveMinimum/exclusiveMaximum, in JSON Schema's numeric form (a change of spelling, not of meaning). */
function toJsonSchemaKeywords(node: any): any {
  if (Array.isArray(node)) return node.map(toJsonSchemaKeywords);
  if (!node || typeof node !== "object") return node;
  const out: any = {};
  for (const [key, value] of Object.entries(node)) out[key] = toJsonSchemaKeywords(value);
  for (const [bound, exclusive] of [["minimum", "exclusiveMinimum"], ["maximum", "exclusiveMaximum"]] as const) {
    if (typeof out[exclusive] === "boolean") {
      if (out[exclusive]) out[exclusive] = out[bound];
      else delete out[exclusive];
      if (out[exclusive] !== undefined) delete out[bound];
    }
  }
  return out;
}

const escape = (segment: string) => segment.replace(/~/g, "~0").replace(/\//g, "~1");

/**
 * A payment's information is a `oneOf` of single, periodic and bulk bodies that overlap (a periodic body
 * carries every field a single one requires), so a valid periodic answer matches two branches. The path
 * says which service answered: the body must match that branch.
 */
const PAYMENT_INFORMATION = "/components/responses/OK_200_PaymentInitiationInformation";
const BRANCH_OF_SERVICE: Record<string, number> = { payments: 0, "periodic-payments": 1, "bulk-payments": 2 };

export class Conformance {
  private readonly ajv: Ajv;
  private readonly compiled = new Map<string, ValidateFunction>();
  private readonly templates: { template: string; pattern: RegExp; literals: number }[];
  /** Every response checked, as "METHOD template status", for the report. */
  readonly seen: string[] = [];

  constructor(private readonly spec: Spec = derivedSpec()) {
    this.ajv = new Ajv({ strict: false, allErrors: true, validateFormats: true });
    // ajv-formats is CommonJS: under NodeNext its default import is the module object.
    const addFormats = ((formatsPlugin as unknown as { default?: typeof formatsPlugin }).default ?? formatsPlugin) as unknown as (ajv: Ajv) => void;
    addFormats(this.ajv);
    this.ajv.addFormat("url", /^(?:[a-z][a-z0-9+.-]*:\/\/[^\s]+|\/[^\s]*)$/i);
    this.ajv.addSchema(toJsonSchemaKeywords(this.spec), "spec");
    this.templates = Object.keys(this.spec.paths)
      .map((template) => ({
        template,
        pattern: new RegExp(`^${template.replace(/\{[^}]+\}/g, "[^/]+").replace(/\./g, "\\.")}$`),
        literals: template.split("/").filter((s) => s && !s.startsWith("{")).length,
      }))
      .sort((a, b) => b.literals - a.literals);
  }

  private validator(pointer: string): ValidateFunction {
    const cached = this.compiled.get(pointer);
    if (cached) return cached;
    const validate = this.ajv.compile({ $ref: `spec#${pointer}` });
    this.compiled.set(pointer, validate);
    return validate;
  }

  /** The problems of a response; empty when it conforms. */
  check(response: ObservedResponse): string[] {
    const method = response.method.toLowerCase();
    const match = this.templates.find((t) => t.pattern.test(response.path) && this.spec.paths[t.template][method]);
    if (!match) return [`no operation ${response.method} ${response.path} in the spec`];
    const operationPointer = `/paths/${escape(match.template)}/${method}`;
    const declared = this.spec.paths[match.template][method].responses[String(response.status)];
    this.seen.push(`${response.method} ${match.template} ${response.status}`);
    if (!declared) return [`status ${response.status} is not declared for ${response.method} ${match.template}`];
    let pointer = `${operationPointer}/responses/${response.status}`;
    let definition = declared;
    if (declared.$ref) {
      pointer = (declared.$ref as string).slice(1);
      definition = pointer.split("/").slice(1).reduce((n: any, key: string) => n[key.replace(/~1/g, "/").replace(/~0/g, "~")], this.spec);
    }
    const problems: string[] = [];
    for (const [name, raw] of Object.entries<any>(definition.headers ?? {})) {
      const headerPointer = raw.$ref ? (raw.$ref as string).slice(1) : `${pointer}/headers/${escape(name)}`;
      const header = raw.$ref ? headerPointer.split("/").slice(1).reduce((n: any, key: string) => n[key], this.spec) : raw;
      const value = response.headers.get(name);
      if (value === null) {
        if (header.required) problems.push(`required header ${name} is missing`);
        continue;
      }
      const validate = this.validator(`${headerPointer}/schema`);
      if (!validate(value)) problems.push(`header ${name}="${value}": ${this.ajv.errorsText(validate.errors)}`);
    }
    const content = definition.content as Record<string, unknown> | undefined;
    if (!content) {
      if (response.text.length > 0) problems.push(`status ${response.status} declares no body, got ${response.text.slice(0, 100)}`);
      return problems;
    }
    const type = (response.headers.get("content-type") ?? "").split(";")[0]!.trim();
    if (!content[type]) return [...problems, `content type "${type}" is not declared (${Object.keys(content).join(", ")})`];
    let body: unknown;
    try {
      body = JSON.parse(response.text);
    } catch {
      return [...problems, `body is not JSON: ${response.text.slice(0, 100)}`];
    }
    const branch = pointer === PAYMENT_INFORMATION ? BRANCH_OF_SERVICE[response.path.split("/")[2]!] : undefined;
    const validate = this.validator(`${pointer}/content/${escape(type)}/schema${branch === undefined ? "" : `/oneOf/${branch}`}`);
    if (!validate(body)) problems.push(`body: ${this.ajv.errorsText(validate.errors, { separator: "; " })}`);
    return problems;
  }
}
