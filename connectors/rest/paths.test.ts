import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parsePath, PathShapeError, placeholdersOf, readPath, renderBody, renderPath, renderQuery } from "./paths.js";

const body = {
  data: { accounts: [{ iban: "DE1", holders: [{ login: "a" }, { login: "b" }] }, { iban: "DE2", holders: [] }] },
  meta: { count: 2 },
};

describe("paths into a core's JSON", () => {
  it("reads single values, lists and indexes", () => {
    expect(readPath(body, parsePath("meta.count"))).toBe(2);
    expect(readPath(body, parsePath("data.accounts[].iban"))).toEqual(["DE1", "DE2"]);
    expect(readPath(body, parsePath("data.accounts[1].iban"))).toBe("DE2");
    expect(readPath(body, parsePath("data.accounts[].holders[].login"))).toEqual(["a", "b"]);
    expect(readPath(body.data.accounts, parsePath("[].iban"))).toEqual(["DE1", "DE2"]);
    expect(readPath(body, parsePath("$"))).toBe(body);
    expect(readPath(body, parsePath("data.missing.deeper"))).toBeUndefined();
    expect(readPath({ holders: null }, parsePath("holders[].login"))).toEqual([]);
  });

  it("reads only own properties, so prototype names reach nothing", () => {
    const hostile = JSON.parse('{"__proto__": {"polluted": true}, "a": {}}') as unknown;
    expect(readPath(hostile, parsePath("__proto__.polluted"))).toBe(true);
    expect(readPath({ a: {} }, parsePath("a.constructor"))).toBeUndefined();
    expect(readPath({ a: {} }, parsePath("a.__proto__"))).toBeUndefined();
    expect(readPath({ a: "text" }, parsePath("a.length"))).toBeUndefined();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("refuses a non-list where the path says [] and malformed paths", () => {
    expect(() => readPath({ data: { accounts: "x" } }, parsePath("data.accounts[].iban"))).toThrow(PathShapeError);
    for (const bad of ["", "a..b", "a[x]", "a.[]", "a[]b"]) expect(() => parsePath(bad), bad).toThrow();
  });
});

describe("request templates", () => {
  it("lists placeholders anywhere in a template", () => {
    expect(placeholdersOf({ a: "{x}", b: ["{y}-{z}", 3], c: { d: "{x}" } })).toEqual(["x", "y", "z", "x"]);
  });

  it("fills a path segment by segment, never letting a value climb out", () => {
    expect(renderPath("/customers/{psuId}/accounts", { psuId: "max.musterman" })).toBe("/customers/max.musterman/accounts");
    expect(renderPath("/a/{ref}", { ref: "../x?y#z" })).toBe("/a/..%2Fx%3Fy%23z");
    expect(renderPath("/a/{ref}", { ref: ".." })).toBe("/a/%2E%2E");
  });

  it("encodes any value as exactly one segment that decodes back to it", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 40 }), (value) => {
        const rendered = renderPath("/{v}", { v: value }).slice(1);
        expect(rendered).not.toMatch(/[/?#]/);
        expect(decodeURIComponent(rendered)).toBe(value);
        expect([".", ".."]).not.toContain(rendered);
      }),
    );
  });

  it("leaves out a query parameter without a value, and joins lists", () => {
    expect(renderQuery({ state: "{s}", after: "{after}", ids: "{refs}" }, { s: "BOOKED", refs: ["a", "b"] })).toBe("?state=BOOKED&ids=a%2Cb");
    expect(renderQuery({ after: "{after}" }, {})).toBe("");
  });

  it("puts typed values into a body, and drops keys whose value is missing", () => {
    const template = { ids: "{refs}", amount: { value: "{amount}" }, note: "ref {ref}", date: "{when}", fixed: 7 };
    expect(renderBody(template, { refs: ["a"], amount: 1234, ref: "r1" })).toEqual({ ids: ["a"], amount: { value: 1234 }, note: "ref r1", fixed: 7 });
  });
});
