/**
 * Chart text (issue 19), in English and Chinese, at 1280 and 390 px: on the pages in CLEAN no two texts of a
 * chart intersect (tick labels, axis titles, mark labels: bounding boxes, half a pixel of tolerance), no text is cut
 * by the chart's own box; on every page with a chart, at 390 px none is smaller than 12 px. Complements chart-labels.test.ts (the home
 * chart's frame). Charts drawn only after a run are checked where a test runs them (multiverse: its default curve
 * is drawn on load; replication: its event study, estimated in a worker on load).
 */
import {describe, expect, it} from "vitest";
import type {Page} from "playwright-core";
import {visit, watch, withBrowser} from "./harness.js";
import {smallChartText} from "./checks.js";

/** Pages whose charts are held to no collision and no cut text. */
const CLEAN = ["/", "/data", "/explorer", "/multiverse", "/whatif", "/mechanism", "/replication", "/classroom/coefficients", "/classroom/demeaning", "/classroom/forking-paths"];
/** Pages whose charts are held to 12 px text at 390 px (every page with a chart drawn on load): all of them now. */
const PAGES = CLEAN;

/** Pairs of intersecting texts and texts outside their chart, per visible chart. */
const CLASHES = String.raw`(function () {
  var out = [];
  var charts = Array.from(document.querySelectorAll("#observablehq-main figure svg, #observablehq-main svg[role=img]"))
    // Colour legends (Plot's ramp) are not charts: their end labels hang over the ramp by design.
    .filter(function (s) { return !s.parentElement.closest("svg") && s.checkVisibility() && s.getBoundingClientRect().width > 50 && !/-ramp\b/.test(s.getAttribute("class") || ""); });
  charts.forEach(function (svg, k) {
    var sb = svg.getBoundingClientRect();
    var clip = svg.closest(".scroll-x, .table-wrap");
    // Rotated labels are left out: their axis-aligned boxes overlap where the glyphs do not.
    var own = function (t) { return Array.from(t.childNodes).filter(function (n) { return n.nodeName !== "title"; }).map(function (n) { return n.textContent; }).join("").trim(); };
    var texts = Array.from(svg.querySelectorAll("text")).filter(function (t) { var m = t.getCTM(); return own(t) && t.checkVisibility() && getComputedStyle(t).opacity !== "0" && (!m || Math.abs(m.b) < 1e-3); })
      .map(function (t) { var r = t.getBoundingClientRect(); return {x: r.left, y: r.top, w: r.width, h: r.height, t: own(t).slice(0, 40)}; })
      .filter(function (b) { return b.w > 0 && b.h > 0; });
    var name = (svg.getAttribute("aria-label") || svg.closest("figure")?.querySelector("h2")?.textContent || svg.getAttribute("class") || "chart " + k).slice(0, 40);
    for (var i = 0; i < texts.length; i++) {
      var a = texts[i];
      if (!clip && (a.x < sb.left - 1 || a.x + a.w > sb.right + 1)) out.push(name + ": \"" + a.t + "\" is cut by the chart's edge");
      for (var j = i + 1; j < texts.length; j++) {
        var b = texts[j];
        if (a.x < b.x + b.w - 0.5 && b.x < a.x + a.w - 0.5 && a.y < b.y + b.h - 0.5 && b.y < a.y + a.h - 0.5) out.push(name + ": \"" + a.t + "\" / \"" + b.t + "\"");
      }
    }
  });
  return {charts: charts.length, clashes: out.slice(0, 20)};
})()`;

async function clashes(page: Page): Promise<{charts: number; clashes: string[]}> {
  return page.evaluate(CLASHES) as Promise<{charts: number; clashes: string[]}>;
}

describe("chart text", () => {
  it("never collides, is never cut, and is at least 12 px on a phone (en, zh; 1280, 390 px)", async () => {
    await withBrowser(async (s) => {
      const page = await s.newPage();
      const problems = watch(page, s.origin);
      const found: string[] = [];
      let charts = 0;
      for (const width of [1280, 390]) {
        await page.setViewportSize({width, height: 900});
        for (const path of PAGES) for (const lang of ["en", "zh"]) {
          await visit(page, s.url(`${path}?lang=${lang}`), problems);
          if (path === "/multiverse") await page.waitForSelector(".mv-curve-box svg", {timeout: 60_000});
          // The event study is estimated in a worker on load: its chart is checked once drawn.
          if (path === "/replication") await page.waitForSelector(".event-study[data-status=done] svg", {timeout: 120_000});
          const r = await clashes(page);
          charts += r.charts;
          if (CLEAN.includes(path)) found.push(...r.clashes.map((c) => `${path} ${lang} ${width}px: ${c}`));
          if (width === 390) found.push(...(await smallChartText(page, 12)).map((c) => `${path} ${lang} ${width}px: under 12 px: ${c}`));
        }
      }
      expect(charts).toBeGreaterThan(PAGES.length);
      expect(found).toEqual([]);
      expect(problems).toEqual([]);
    });
  }, 600_000);
});
