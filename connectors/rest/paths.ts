/**
 * @module Paths into a core's JSON ("data.accounts[].iban", "$" for the whole body) and request
 * templates with `{placeholders}`. Only own properties are read, so "__proto__" or "constructor"
 * in a path or an answer reach nothing but data.
 */

export interface PathStep {
  key: string;
  /** `[]`: every element of the list here. */
  each: boolean;
  /** `[n]`: one element. */
  index?: number;
}

export interface ParsedPath {
  source: string;
  steps: PathStep[];
  /** Whether the path passes through a `[]` and so yields a list. */
  many: boolean;
}

export class PathShapeError extends Error {
  override name = "PathShapeError";
}

const STEP = /^([^.[\]]*)(?:\[(\d*)\])?$/;

/** Throws a message fit to follow "… is not a path:" when `source` is no path. */
export function parsePath(source: string): ParsedPath {
  if (source === "$") return { source, steps: [], many: false };
  if (typeof source !== "string" || source === "") throw new Error(`expected a path such as "data.accounts[].iban"`);
  const steps = source.split(".").map((part, position): PathStep => {
    const match = STEP.exec(part);
    const bracket = match?.[2];
    if (!match || (match[1] === "" && (bracket === undefined || position > 0))) {
      throw new Error(`"${part}" in "${source}" is not a name, name[] or name[n]`);
    }
    return { key: match[1]!, each: bracket === "", ...(bracket ? { index: Number(bracket) } : {}) };
  });
  return { source, steps, many: steps.some((s) => s.each) };
}

const own = (value: unknown, key: string): unknown =>
  value !== null && typeof value === "object" && !Array.isArray(value) && Object.hasOwn(value, key) ? (value as Record<string, unknown>)[key] : undefined;

/** A single value (undefined when missing), or for a `many` path the list of values found. */
export function readPath(root: unknown, path: ParsedPath): unknown {
  let values: unknown[] = [root];
  for (const step of path.steps) {
    const next: unknown[] = [];
    for (const value of values) {
      const here = step.key === "" ? value : own(value, step.key);
      if (step.each) {
        if (here === undefined || here === null) continue;
        if (!Array.isArray(here)) throw new PathShapeError(`expected a list at "${step.key}[]" of "${path.source}", got ${describe(here)}`);
        next.push(...here);
      } else if (step.index !== undefined) {
        next.push(Array.isArray(here) ? here[step.index] : undefined);
      } else {
        next.push(here);
      }
    }
    values = next;
  }
  return path.many ? values.filter((v) => v !== undefined) : values[0];
}

export function describe(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  return typeof value === "object" ? "an object" : `a ${typeof value}`;
}

export type TemplateValue = string | number | boolean | readonly string[] | undefined;
export type TemplateValues = Record<string, TemplateValue>;

const PLACEHOLDER = /\{([A-Za-z]\w*)\}/g;
const WHOLE = /^\{([A-Za-z]\w*)\}$/;

/** Every placeholder name used anywhere in a template (a string, or JSON holding strings). */
export function placeholdersOf(template: unknown): string[] {
  if (typeof template === "string") return [...template.matchAll(PLACEHOLDER)].map((m) => m[1]!);
  if (Array.isArray(template)) return template.flatMap(placeholdersOf);
  if (template && typeof template === "object") return Object.values(template).flatMap(placeholdersOf);
  return [];
}

const text = (value: TemplateValue) => (Array.isArray(value) ? value.join(",") : value === undefined ? "" : String(value));

/** Each value is one path segment: "/" and "?" are encoded, and so are "." and ".." (no climbing out of the base path). */
const segment = (value: TemplateValue) => {
  const raw = text(value);
  return raw === "." || raw === ".." ? raw.replace(/\./g, "%2E") : encodeURIComponent(raw);
};

export function renderPath(template: string, values: TemplateValues): string {
  return template.replace(PLACEHOLDER, (_all, name: string) => segment(values[name]));
}

/** A parameter whose template is one placeholder with no value is left out. */
export function renderQuery(query: Record<string, string> | undefined, values: TemplateValues): string {
  const params = new URLSearchParams();
  for (const [name, template] of Object.entries(query ?? {})) {
    const whole = WHOLE.exec(template);
    if (whole && values[whole[1]!] === undefined) continue;
    params.set(name, template.replace(PLACEHOLDER, (_all, key: string) => text(values[key])));
  }
  const rendered = params.toString();
  return rendered ? `?${rendered}` : "";
}

/** A string that is one placeholder becomes the value itself (list, number, …); a key whose value is missing is left out. */
export function renderBody(template: unknown, values: TemplateValues): unknown {
  if (typeof template === "string") {
    const whole = WHOLE.exec(template);
    if (whole) return values[whole[1]!];
    return template.replace(PLACEHOLDER, (_all, key: string) => text(values[key]));
  }
  if (Array.isArray(template)) return template.map((item) => renderBody(item, values) ?? null);
  if (template && typeof template === "object") {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(template)) {
      const rendered = renderBody(item, values);
      if (rendered !== undefined) out[key] = rendered;
    }
    return out;
  }
  return template;
}
