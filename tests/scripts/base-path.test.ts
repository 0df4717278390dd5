// scripts/base-path.js: the 404 page's base for a site served under a sub-path (GitHub Pages project sites).
import {describe, expect, it} from "vitest";
// @ts-expect-error plain JavaScript without type declarations.
import {normaliseBase, withBase} from "../../scripts/base-path.js";

describe("base-path", () => {
  it("normalises the path", () => {
    expect(normaliseBase("/a/b")).toBe("/a/b/");
    expect(normaliseBase("repo/")).toBe("/repo/");
    expect(normaliseBase("/")).toBe("/");
    expect(normaliseBase("")).toBe("/");
  });
  it("refuses what is not a plain path (quotes, markup, schemes, spaces)", () => {
    for (const bad of ['/a"><script>', "https://x.y/", "/a b/", "/a/../b/"]) expect(() => normaliseBase(bad), bad).toThrow(/DTB_BASE_PATH must be a path/);
  });
  it("rewrites Framework's <base href=\"/\"> only", () => {
    expect(withBase('<head><base href="/"><link href="./_import/a.css">', "/org/repo/")).toBe('<head><base href="/org/repo/"><link href="./_import/a.css">');
    expect(withBase("<head></head>", "/x/")).toBe("<head></head>");
  });
});
