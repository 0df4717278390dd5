/**
 * /support after issue 24, in the built site: every area of the "by barrier area" view shows its estimate per 0.02
 * step, 95% interval and changing partners, equal to the area models estimated here in Node on the same panel; an
 * area moved by fewer than 5 partners says "identified by only N partners" and never leads "where to start"; the
 * China-for-Zhejiang caveat and the editorial-link wording are there. English and Chinese, 1280 and 390 px.
 */
import {readdirSync, readFileSync} from "node:fs";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {estimateAreas} from "../../src/lib/mechanism/area-models.js";
import {parseArrow} from "../../src/lib/table/arrow.js";
import {DIST, screenshot, settle, visit, watch, withBrowser} from "./harness.js";

const dist = process.env.DTB_DIST ?? DIST;

function builtFrame() {
  const dir = join(dist, "_file", "data");
  const name = readdirSync(dir).find((f) => /^panel\.[0-9a-f]+\.arrow$/.test(f));
  if (!name) throw new Error(`no panel.*.arrow in ${dir}`);
  return parseArrow(new Uint8Array(readFileSync(join(dir, name))), name).frame;
}

describe("/support: per-area evidence (issue 24)", () => {
  it("shows each area's estimate, interval and changing partners, with the caveats", async () => {
    const areas = estimateAreas(builtFrame());
    await withBrowser(async (s) => {
      const page = await s.newPage();
      await page.setViewportSize({width: 1280, height: 900});
      const problems = watch(page, s.origin);
      await visit(page, s.url("/support?lang=en&view=areas"), problems);
      await page.waitForSelector(".sx-area-estimate");
      const shown = await page.$$eval(".sx-area-estimate", (els) => els.map((e) => ({...(e as HTMLElement).dataset, text: e.textContent ?? ""}) as Record<string, string>));
      expect(shown.map((d) => d.area).sort()).toEqual(areas.map((a) => a.area.key).sort());
      for (const a of areas) {
        const d = shown.find((x) => x.area === a.area.key)!;
        expect(Math.abs(Number(d.estimate) - a.coef.beta * 0.02)).toBeLessThan(1e-12);
        expect(Math.abs(Number(d.lo) - a.coef.lo * 0.02)).toBeLessThan(1e-12);
        expect(Math.abs(Number(d.hi) - a.coef.hi * 0.02)).toBeLessThan(1e-12);
        expect(Number(d.movers)).toBe(a.movers);
        expect(d.text).toContain(`changed in ${a.movers} of ${a.n_groups} partners`);
        expect(d.text).toContain("China's exports stand in for Zhejiang's");
        expect(d.text.includes(`Identified by only ${a.movers} partners`)).toBe(a.movers < 5);
      }
      // Where to start never leads with an area moved by fewer than 5 partners.
      const lead = await page.getAttribute(".sx-start-area", "data-area");
      expect(areas.find((a) => a.area.key === lead)!.movers).toBeGreaterThanOrEqual(5);
      expect(await page.textContent(".sx-start")).toContain("editorial links, not evaluations");
      expect(await page.locator(".sx-area .sx-area-estimate").count()).toBe(5);
      await settle(page);
      await screenshot(page, "support-issue24-en-1280");
      await visit(page, s.url("/support?lang=en"), problems);
      expect(await page.locator(".sx-chip-area").first().textContent()).toMatch(/^Eases the cost of: /);
      await page.setViewportSize({width: 390, height: 844});
      await visit(page, s.url("/support?lang=en&view=areas"), problems);
      await screenshot(page, "support-issue24-en-390");
      await visit(page, s.url("/support?lang=zh&view=areas"), problems);
      await page.waitForSelector(".sx-area-estimate");
      expect(await page.textContent(".sx-area-estimate")).toContain("中国的出口只是浙江出口的替代");
      await screenshot(page, "support-issue24-zh-390");
      await page.setViewportSize({width: 1280, height: 900});
      await visit(page, s.url("/support?lang=zh&view=areas"), problems);
      await screenshot(page, "support-issue24-zh-1280");
      expect(problems).toEqual([]);
    }, dist);
  }, 300_000);
});
