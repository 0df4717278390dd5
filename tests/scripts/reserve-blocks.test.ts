// scripts/reserve-blocks.js: each late-drawn block gets its measured height before the first paint (issue 19).
import {describe, expect, it} from "vitest";
import {readFileSync} from "node:fs";
// @ts-expect-error plain JavaScript without type declarations.
import {reserve, reservationCss, pagePath} from "../../scripts/reserve-blocks.js";

const PAGE = '<html><head><title>x</title></head><body><div class="observablehq observablehq--block"><!--:0a1b2c3d:--></div><p>text</p><div class="observablehq observablehq--block"><!--:ffffffff-1:--></div></body></html>';

describe("reserve-blocks", () => {
  it("names every block by its cell id and writes the heights per language and width into the head", () => {
    const out = reserve(PAGE, {"0a1b2c3d": {"en-1280": 300.7, "en-390": 520, "zh-1280": 280, "zh-390": 500}});
    expect(out).toContain('<div class="observablehq observablehq--block" data-cell="0a1b2c3d"><!--:0a1b2c3d:-->');
    expect(out).toContain('<div class="observablehq observablehq--block" data-cell="ffffffff-1"><!--:ffffffff-1:-->');
    const css = out.match(/<style data-reserve>(.*?)<\/style>/)?.[1] ?? "";
    expect(out.indexOf("<style data-reserve>")).toBeLessThan(out.indexOf("</head>"));
    expect(css).toContain('@media (min-width:1240px){html:not([lang="zh-CN"]) [data-cell="0a1b2c3d"]:is(:empty,html:not([data-reserve="off"]) *){min-height:300px}html[lang="zh-CN"] [data-cell="0a1b2c3d"]:is(:empty,html:not([data-reserve="off"]) *){min-height:280px}}');
    expect(css).toContain('@media (max-width:440.98px){html:not([lang="zh-CN"]) [data-cell="0a1b2c3d"]:is(:empty,html:not([data-reserve="off"]) *){min-height:520px}');
    // Between the measured widths: the smaller height, so a reservation never leaves more room than a drawn block.
    expect(css).toContain('@media (min-width:441px) and (max-width:1239.98px){html:not([lang="zh-CN"]) [data-cell="0a1b2c3d"]:is(:empty,html:not([data-reserve="off"]) *){min-height:300px}');
  });
  it("is idempotent (a rebuilt page keeps one style block) and leaves pages without measurements unstyled", () => {
    const once = reserve(PAGE, {"0a1b2c3d": {"en-1280": 10}});
    expect(reserve(once, {"0a1b2c3d": {"en-1280": 10}})).toBe(once);
    expect(reserve(PAGE, {})).not.toContain("<style");
  });
  it("refuses a key that is not a cell id (it would be written into CSS)", () => {
    expect(() => reservationCss({'x"]{}body{display:none': {"en-1280": 1}})).toThrow(/not a Framework cell id/);
  });
  it("names pages as the browser tests do", () => {
    expect(pagePath("/d", "/d/index.html")).toBe("/");
    expect(pagePath("/d", "/d/classroom/index.html")).toBe("/classroom/");
    expect(pagePath("/d", "/d/data.html")).toBe("/data");
  });
  it("the committed measurements are well formed (positive pixel heights keyed by page, cell id and language-width)", () => {
    const all = JSON.parse(readFileSync(new URL("../../scripts/block-heights.json", import.meta.url), "utf8"));
    expect(Object.keys(all).length).toBeGreaterThan(10);
    for (const [page, cells] of Object.entries(all as Record<string, Record<string, Record<string, number>>>)) {
      expect(page).toMatch(/^\//);
      for (const [id, h] of Object.entries(cells)) {
        expect(id).toMatch(/^[0-9a-f]{8}(-\d+)?$/);
        for (const [k, px] of Object.entries(h)) {
          expect(k).toMatch(/^(en|zh)-(1280|390)$/);
          expect(px).toBeGreaterThan(0);
        }
      }
    }
  });
});
