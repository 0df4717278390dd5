/**
 * Phones (issue 19): at 390 px the explorer's t and p columns and the multiverse's specification curve are on
 * screen without scrolling sideways (neither the page nor a box around them scrolls), in English and Chinese.
 */
import {describe, expect, it} from "vitest";
import {visit, watch, withBrowser} from "./harness.js";

describe("phones reach every column", () => {
  it("the explorer's t and p and the multiverse curve fit 390 px (en, zh)", async () => {
    await withBrowser(async (s) => {
      const page = await s.newPage();
      const problems = watch(page, s.origin);
      await page.setViewportSize({width: 390, height: 844});
      for (const lang of ["en", "zh"]) {
        await visit(page, s.url(`/explorer?lang=${lang}`), problems);
        await page.waitForSelector("table.ex-table td[data-col=p]");
        const ex = await page.evaluate(() => {
          const cells = Array.from(document.querySelectorAll("table.ex-table td[data-col=t], table.ex-table td[data-col=p]")) as HTMLElement[];
          const wrap = document.querySelector("table.ex-table")!.closest(".table-wrap") as HTMLElement;
          return {n: cells.length, right: Math.max(...cells.map((c) => c.getBoundingClientRect().right)), left: Math.min(...cells.map((c) => c.getBoundingClientRect().left)),
            wrapScrolls: wrap.scrollWidth > wrap.clientWidth + 1, page: document.documentElement.scrollWidth, heads: Array.from(document.querySelectorAll("table.ex-table thead th")).map((h) => h.textContent)};
        });
        expect(ex.n, lang).toBeGreaterThanOrEqual(10);
        expect(ex.right, `${lang}: t and p inside the screen`).toBeLessThanOrEqual(390);
        expect(ex.left, lang).toBeGreaterThanOrEqual(0);
        expect(ex.wrapScrolls, `${lang}: the table's box does not scroll sideways`).toBe(false);
        expect(ex.page, lang).toBeLessThanOrEqual(390);

        await visit(page, s.url(`/multiverse?lang=${lang}`), problems);
        await page.waitForSelector(".mv-curve-box svg", {timeout: 60_000});
        const mv = await page.evaluate(() => {
          const box = document.querySelector(".mv-curve-box") as HTMLElement;
          const svg = box.querySelector("svg")!;
          const texts = Array.from(svg.querySelectorAll("text")).map((t) => t.getBoundingClientRect());
          return {boxScrolls: box.scrollWidth > box.clientWidth + 1, svgRight: svg.getBoundingClientRect().right, boxLeft: box.getBoundingClientRect().left, boxRight: box.getBoundingClientRect().right,
            textLeft: Math.min(...texts.map((r) => r.left)), textRight: Math.max(...texts.map((r) => r.right)), page: document.documentElement.scrollWidth};
        });
        expect(mv.boxScrolls, lang).toBe(false);
        expect(mv.svgRight, lang).toBeLessThanOrEqual(mv.boxRight + 0.5);
        expect(mv.textLeft, `${lang}: dashboard labels not cut on the left`).toBeGreaterThanOrEqual(mv.boxLeft - 0.5);
        expect(mv.textRight, lang).toBeLessThanOrEqual(mv.boxRight + 0.5);
        expect(mv.page, lang).toBeLessThanOrEqual(390);
      }
      expect(problems).toEqual([]);
    });
  }, 300_000);
});
