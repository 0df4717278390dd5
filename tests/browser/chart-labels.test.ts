/**
 * Chart text never collides (issue 19): on the home chart, in English and Chinese, at 1280 and 390 px, the
 * bounding boxes of the texts (tick labels, axis titles, partner names) do not intersect one another, and every
 * dot lies inside the frame (clear of the tick labels: left of the y axis' labels is outside, below the x axis'
 * labels is outside).
 */
import {describe, expect, it} from "vitest";
import type {Page} from "playwright-core";
import {visit, watch, withBrowser} from "./harness.js";

interface Box {x: number; y: number; w: number; h: number; t: string}

async function chartBoxes(page: Page): Promise<{texts: Box[]; dots: Box[]}> {
  return page.evaluate(() => {
    const svg = Array.from(document.querySelectorAll("figure svg")).find((s) => (s as SVGSVGElement).checkVisibility?.() && s.querySelector("circle"));
    if (!svg) return {texts: [], dots: []};
    const box = (e: Element, t = "") => {
      const r = e.getBoundingClientRect();
      return {x: r.left, y: r.top, w: r.width, h: r.height, t};
    };
    return {
      texts: Array.from(svg.querySelectorAll("text")).filter((t) => (t.textContent ?? "").trim()).map((t) => box(t, t.textContent!.trim())),
      dots: Array.from(svg.querySelectorAll("circle")).map((c) => box(c))
    };
  });
}

const overlap = (a: Box, b: Box) => a.x < b.x + b.w - 0.5 && b.x < a.x + a.w - 0.5 && a.y < b.y + b.h - 0.5 && b.y < a.y + a.h - 0.5;

describe("home chart text", () => {
  it("no two labels intersect and every dot is inside the frame (en, zh; 1280, 390 px)", async () => {
    await withBrowser(async (s) => {
      const page = await s.newPage();
      const problems = watch(page, s.origin);
      for (const width of [1280, 390]) {
        await page.setViewportSize({width, height: 900});
        for (const lang of ["en", "zh"]) {
          await visit(page, s.url(`/?lang=${lang}`), problems);
          const {texts, dots} = await chartBoxes(page);
          const where = `${lang} ${width} px`;
          expect(texts.length, where).toBeGreaterThan(10);
          expect(dots.length, where).toBeGreaterThan(10);
          const clashes: string[] = [];
          for (let i = 0; i < texts.length; i++) for (let j = i + 1; j < texts.length; j++) if (overlap(texts[i], texts[j])) clashes.push(`"${texts[i].t}" / "${texts[j].t}"`);
          expect(clashes, where).toEqual([]);
          // The frame: right of the y tick labels (numbers ending in %), above the x tick labels (signed decimals).
          const yTicks = texts.filter((t) => /%$/.test(t.t) && !/\s/.test(t.t));
          const xTicks = texts.filter((t) => /^[+−-]?\d\.\d\d$/.test(t.t) || t.t === "0.00");
          expect(yTicks.length, where).toBeGreaterThan(2);
          expect(xTicks.length, where).toBeGreaterThan(2);
          const left = Math.max(...yTicks.map((t) => t.x + t.w));
          const bottom = Math.min(...xTicks.map((t) => t.y));
          const outside = dots.filter((d) => d.x < left || d.y + d.h > bottom);
          expect(outside.length, `${where}: dots outside the frame`).toBe(0);
        }
      }
      expect(problems).toEqual([]);
    });
  });
});
