/**
 * /mechanism renders cleanly in English and Chinese; the impact diagram responds to a click with the node's
 * explanation; the coefficient plot shows five areas. Screenshots: mechanism-en.png, mechanism-zh.png.
 */
import {describe, expect, it} from "vitest";
import {screenshot, visit, watch, withBrowser} from "./harness.js";

describe("mechanism page", () => {
  for (const lang of ["en", "zh"] as const) {
    it(`renders cleanly (${lang})`, async () => {
      await withBrowser(async (s) => {
        const page = await s.newPage();
        const problems = watch(page, s.origin);
        await visit(page, s.url(`/mechanism?lang=${lang}`), problems);
        expect(await page.getAttribute("html", "lang")).toBe(lang === "zh" ? "zh-CN" : "en");
        // Mapping diagram, impact diagram, coefficient plot, heatmap, change chart.
        expect(await page.$$eval("figure svg", (els) => els.length)).toBeGreaterThanOrEqual(5);
        expect(await page.$$eval(".mechanism-graph [data-node]", (els) => els.length)).toBe(13);
        await page.click('.mechanism-graph [data-node="volume"]');
        const panel = await page.textContent(".mechanism-panel");
        expect(panel).toMatch(lang === "zh" ? /出口规模下降/ : /Lower export volume/);
        expect(panel).toMatch(lang === "zh" ? /本站已检验/ : /tested on this site/);
        await page.focus('.mechanism-graph [data-edge="ipr->trade-costs"]');
        expect(await page.textContent(".mechanism-panel")).toMatch(lang === "zh" ? /论文论述/ : /argued in the paper/);
        const title = await page.$$eval("figure > h2", (hs) => hs.map((h) => h.textContent ?? ""));
        expect(title.some((t) => (lang === "zh" ? t.includes("各 DSTRI 领域") : t.includes("Effect of each DSTRI area")))).toBe(true);
        await screenshot(page, `mechanism-${lang}`);
        expect(problems).toEqual([]);
      });
    });
  }

  it("at 390 px: the heatmap shows all six columns without sideways scrolling; the coefficient axis has ticks", async () => {
    await withBrowser(async (s) => {
      const page = await s.newPage();
      await page.setViewportSize({width: 390, height: 844});
      const problems = watch(page, s.origin);
      for (const lang of ["en", "zh"] as const) {
        await visit(page, s.url(`/mechanism?lang=${lang}`), problems);
        const r = await page.evaluate(() => {
          const figs = Array.from(document.querySelectorAll("figure")).filter((f) => (f as HTMLElement).checkVisibility());
          const heat = figs.find((f) => f.querySelectorAll("svg rect").length > 100)!;
          const svg = heat.querySelector("svg:not([class*=ramp])") as SVGSVGElement;
          const box = svg.getBoundingClientRect();
          const cells = Array.from(svg.querySelectorAll("rect")).map((c) => c.getBoundingClientRect());
          const coef = figs.find((f) => /DSTRI/.test(f.querySelector("h2")?.textContent ?? "") && f.querySelectorAll("svg circle").length === 5)!;
          const ticks = Array.from(coef.querySelectorAll("svg text")).filter((t) => /^[−-]?\d+(\.\d+)?$/.test(t.textContent ?? "") && !/\./.test(t.textContent ?? "x.")).length;
          let scroller: Element | null = svg.parentElement;
          let scrolls = false;
          for (; scroller && scroller !== document.body; scroller = scroller.parentElement) if (scroller.scrollWidth > scroller.clientWidth + 1 && getComputedStyle(scroller).overflowX !== "visible") scrolls = true;
          return {right: Math.max(...cells.map((c) => c.right)), svgRight: box.right, vw: document.documentElement.clientWidth, scrolls, ticks};
        });
        expect(r.right, lang).toBeLessThanOrEqual(r.vw);
        expect(r.svgRight, lang).toBeLessThanOrEqual(r.vw);
        expect(r.scrolls, lang).toBe(false);
        expect(r.ticks, `${lang}: integer ticks on the coefficient axis`).toBeGreaterThanOrEqual(2);
        await screenshot(page, `mechanism-390-${lang}`);
      }
      expect(problems).toEqual([]);
    });
  });
});
