// Strict JSON: the same values as JSON.parse on valid JSON; repeated keys, deep nesting and bad syntax refused
// with one line naming the place.
import fc from "fast-check";
import {describe, expect, it} from "vitest";
import {parseJsonStrict} from "../../../src/lib/json/strict.js";

describe("parseJsonStrict", () => {
  it("equals JSON.parse on any JSON without repeated keys", () => {
    fc.assert(fc.property(fc.jsonValue({maxDepth: 6}), (v) => {
      const text = JSON.stringify(v, null, 1);
      expect(parseJsonStrict(text)).toEqual(JSON.parse(text));
    }), {numRuns: 300, seed: 13});
  });
  it("keeps __proto__ as an ordinary key", () => {
    const v = parseJsonStrict('{"__proto__": {"polluted": 1}}') as Record<string, unknown>;
    expect(Object.keys(v)).toEqual(["__proto__"]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
  it.each([
    ['{"a": 1, "a": 2}', /key "a" is repeated \(first at line 1 column 2\) at line 1 column 10/],
    ["[".repeat(65) + "]".repeat(65), /nesting deeper than 64 levels at line 1 column 65/],
    ['{"a": [1, 2,]}', /unexpected "]" at line 1 column 13/],
    ['{"a": "x\ny"}', /control character inside a string at line 1 column 9/],
    ['{"a": 1}\n{"b": 2}', /unexpected "{" at line 2 column 1/],
    ["", /unexpected end of input at line 1 column 1/],
    ['{"a": tru}', /unexpected "t" at line 1 column 7/]
  ])("%j", (text, pattern) => {
    expect(() => parseJsonStrict(text, "spec")).toThrow(pattern);
    expect(() => parseJsonStrict(text, "spec")).toThrow(/^spec is not valid JSON: /);
  });
  it("64 levels are fine", () => {
    expect(parseJsonStrict("[".repeat(64) + "]".repeat(64))).toBeDefined();
  });
});
