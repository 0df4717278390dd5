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
});
