/**
 * The support-system explorer (/support) in the built site: renders in English and Chinese without a problem,
 * the counts follow the filters (checked against counts computed here from data/support/*.json), the URL keeps
 * and restores the filters, and the language switch keeps them too.
 */
import {readFileSync} from "node:fs";
import {resolve} from "node:path";
import {describe, expect, it} from "vitest";
import type {Page} from "playwright-core";
import {DIST, screenshot, visit, watch, withBrowser as withBrowserIn} from "./harness.js";

// Other engineers rebuild dist/ while this runs on a shared machine: DTB_DIST may point at a private copy.
const withBrowser = <T>(fn: Parameters<typeof withBrowserIn<T>>[0]) => withBrowserIn(fn, process.env.DTB_DIST ?? DIST);

const ROOT = resolve(import.meta.dirname, "../..");
interface M {id: string; level: string; areas: string[]; source: {seed: string}; tags?: string[]}
interface C {id: string; theme: string; levels: string[]; areas: string[]; implements: string[]; source: {seed: string}}
const measures: M[] = JSON.parse(readFileSync(resolve(ROOT, "data/support/measures.json"), "utf8")).measures;
const cases: C[] = JSON.parse(readFileSync(resolve(ROOT, "data/support/cases.json"), "utf8")).cases;

type F = {level?: string; area?: string; theme?: string; seed?: string};
/** Expected counts, written out here independently of the page's own filtering code. */
function expected(f: F): {measures: number; cases: number} {
  const ms = measures.filter((m) =>
    (!f.level || m.level === f.level) &&
    (!f.area || m.areas.includes(f.area)) &&
    (!f.seed || m.source.seed === f.seed) &&
    (!f.theme || (m.tags ?? []).includes(f.theme) || cases.some((c) => c.theme === f.theme && c.implements.includes(m.id)))
  );
  const cs = cases.filter((c) =>
    (!f.level || c.levels.includes(f.level)) &&
    (!f.area || c.areas.includes(f.area)) &&
    (!f.seed || c.source.seed === f.seed) &&
    (!f.theme || c.theme === f.theme)
  );
  return {measures: ms.length, cases: cs.length};
}

async function shown(page: Page): Promise<{measures: number; cases: number}> {
  const d = await page.$eval(".sx-summary-line", (e) => ({m: (e as HTMLElement).dataset.measures, c: (e as HTMLElement).dataset.cases}));
  return {measures: Number(d.m), cases: Number(d.c)};
}

/** Text of the visible level-1 heading. */
async function visibleH1(page: Page): Promise<string> {
  return page.$$eval("#observablehq-main h1", (hs) => hs.filter((h) => (h as HTMLElement).offsetParent !== null).map((h) => h.textContent ?? "").join("|"));
}

describe("support page", () => {
  it("renders in English and in Chinese with no problem", async () => {
    await withBrowser(async (b) => {
      const page = await b.newPage();
      const problems = watch(page, b.origin);

      await visit(page, b.url("/support?lang=en"), problems);
      expect(await page.getAttribute("html", "lang")).toBe("en");
      expect(await visibleH1(page)).toBe("The support system");
      expect(await shown(page)).toEqual({measures: measures.length, cases: cases.length});
      expect(await page.locator(".sx-measure").count()).toBe(measures.length);
      expect(await page.locator("#observablehq-sidebar a", {hasText: "Support system"}).count()).toBe(1);
      // Internal links carry the language; the switch is there.
      expect(await page.getAttribute("#observablehq-sidebar a:text-is('Data')", "href")).toBe("./data?lang=en");
      expect(await page.locator(".lang-switch a[aria-current]").textContent()).toBe("English");
      console.log("screenshot:", await screenshot(page, "support-en"));

      await visit(page, b.url("/support?lang=zh"), problems);
      expect(await page.getAttribute("html", "lang")).toBe("zh-CN");
      expect(await visibleH1(page)).toBe("支持体系");
      expect(await page.locator(".sx-summary-line").textContent()).toMatch(/显示措施 74 \/ 74 项/);
      expect(await page.locator(".sx-measure .sx-title").first().textContent()).toMatch(/\p{Script=Han}/u);
      expect(await page.locator("#observablehq-sidebar a", {hasText: "支持体系"}).count()).toBe(1);
      expect(await page.title()).toMatch(/^支持体系 \| 数字贸易壁垒与跨境电商出口$/);
      // English prose is hidden, Chinese shown.
      expect(await page.locator(".lang-en").first().isVisible()).toBe(false);
      expect(await page.locator(".lang-zh").first().isVisible()).toBe(true);
      console.log("screenshot:", await screenshot(page, "support-zh"));

      // The choice is remembered for a link without ?lang=.
      await visit(page, b.url("/support"), problems);
      expect(await page.getAttribute("html", "lang")).toBe("zh-CN");
      expect(problems).toEqual([]);
    });
  });

  it("filters change the counts as the catalogue says", async () => {
    await withBrowser(async (b) => {
      const page = await b.newPage();
      const problems = watch(page, b.origin);
      await visit(page, b.url("/support?lang=en"), problems);

      await page.selectOption("select[name=level]", "government");
      expect(await shown(page)).toEqual(expected({level: "government"}));
      expect(new URL(page.url()).searchParams.get("level")).toBe("government");
      expect(new URL(page.url()).searchParams.get("lang")).toBe("en");

      await page.selectOption("select[name=area]", "etrans");
      expect(await shown(page)).toEqual(expected({level: "government", area: "etrans"}));

      await page.selectOption("select[name=level]", "");
      await page.selectOption("select[name=theme]", "logistics");
      expect(await shown(page)).toEqual(expected({area: "etrans", theme: "logistics"}));

      await page.selectOption("select[name=area]", "");
      expect(await shown(page)).toEqual(expected({theme: "logistics"}));

      // Counts printed next to each option agree too (other filters kept: theme=logistics).
      for (const level of ["government", "industry", "enterprise"]) {
        const d = await page.$eval(`select[name=level] option[value=${level}]`, (o) => ({m: (o as HTMLElement).dataset.measures, c: (o as HTMLElement).dataset.cases}));
        expect({measures: Number(d.m), cases: Number(d.c)}).toEqual(expected({level, theme: "logistics"}));
      }

      await page.selectOption("select[name=theme]", "");
      await page.selectOption("select[name=seed]", "003");
      expect(await shown(page)).toEqual(expected({seed: "003"}));

      // The cases view lists exactly the filtered cases.
      await page.click("button.sx-reset");
      await page.selectOption("select[name=area]", "payment");
      await page.check("input[name=view][value=cases]");
      expect(await page.locator(".sx-results .sx-case").count()).toBe(expected({area: "payment"}).cases);

      // Search in Chinese.
      await page.fill("input[name=q]", "海外仓");
      const n = await shown(page);
      expect(n.cases).toBeGreaterThan(0);
      expect(n.cases).toBeLessThan(expected({area: "payment"}).cases + 1);
      expect(problems).toEqual([]);
    });
  });

  it("a link restores the filters, reports unknown values, and the language switch keeps them", async () => {
    await withBrowser(async (b) => {
      const page = await b.newPage();
      const problems = watch(page, b.origin);
      await visit(page, b.url("/support?lang=en&level=industry&area=infra&view=areas#x"), problems);
      expect(await page.inputValue("select[name=level]")).toBe("industry");
      expect(await page.inputValue("select[name=area]")).toBe("infra");
      expect(await page.isChecked("input[name=view][value=areas]")).toBe(true);
      expect(await shown(page)).toEqual(expected({level: "industry", area: "infra"}));
      expect(await page.locator(".sx-area").count()).toBe(1);
      expect(await page.locator(".sx-area[data-area=infra] .sx-area-desc").textContent()).toMatch(/communication networks/);

      // Switch to Chinese: same filters, hash kept, now in Chinese.
      await page.click(".lang-switch a[data-lang-switch=zh]");
      await page.waitForLoadState("networkidle");
      const u = new URL(page.url());
      expect(u.searchParams.get("lang")).toBe("zh");
      expect(u.searchParams.get("level")).toBe("industry");
      expect(u.searchParams.get("view")).toBe("areas");
      expect(u.hash).toBe("#x");
      expect(await page.getAttribute("html", "lang")).toBe("zh-CN");
      await page.waitForSelector(".sx-area");
      expect(await page.locator(".sx-area-title").textContent()).toBe("基础设施与互联互通");
      // The evidence link goes to the mechanism page once the sidebar lists it, keeping the language.
      if (await page.locator("#observablehq-sidebar a[href^='./mechanism']").count()) {
        expect(await page.getAttribute(".sx-area[data-area=infra] .sx-evidence a", "href")).toBe("./mechanism?lang=zh#evidence-by-area");
      }
      await page.selectOption("select[name=area]", "");
      console.log("screenshot:", await screenshot(page, "support-zh-areas"));

      await visit(page, b.url("/support?lang=en&level=bogus&theme=logistics"), problems);
      expect(await page.locator(".sx-note").textContent()).toContain("level=bogus");
      expect(await page.inputValue("select[name=level]")).toBe("");
      expect(await shown(page)).toEqual(expected({theme: "logistics"}));
      expect(problems).toEqual([]);
    });
  });
});

describe("support page for a busy reader (issue 19)", () => {
  it("at 390 px: says what it is for in the first screen, starts with the strongest evidence, and is a third of its old height", async () => {
    const withCases = new Set(cases.flatMap((c) => c.implements));
    await withBrowser(async (b) => {
      const page = await b.newPage();
      await page.setViewportSize({width: 390, height: 844});
      const problems = watch(page, b.origin);
      for (const lang of ["en", "zh"] as const) {
        await visit(page, b.url(`/support?lang=${lang}`), problems);
        // The first screenful: the heading and the lede saying what the page is for.
        const lede = await page.$$eval(`.lang-${lang} .lede`, (els) => els.map((e) => e.getBoundingClientRect().bottom));
        expect(lede[0], lang).toBeLessThanOrEqual(844);
        // Where to start: areas ranked by the evidence, each linked to it, with measures aimed at it.
        const start = page.locator("[data-testid=support-start] .sx-start-area");
        expect(await start.count()).toBeGreaterThanOrEqual(1);
        expect(await start.first().locator("a").getAttribute("href")).toBe(`./mechanism?lang=${lang}#evidence-by-area`);
        expect(await start.first().locator("li").count()).toBeGreaterThan(0);
        // Catalogue grouped by area, collapsed; no empty "implemented by" boxes.
        expect(await page.locator("details.sx-group-box").count()).toBeGreaterThanOrEqual(5);
        expect(await page.locator("details.sx-group-box[open]").count()).toBe(0);
        expect(await page.locator(".sx-measure .sx-side").count()).toBe(measures.filter((m) => withCases.has(m.id)).length);
        // Before expanding anything: at most a third of the 25,087 px the page was at 390 px before.
        const height = await page.evaluate(() => document.documentElement.scrollHeight);
        console.info(`support page at 390 px (${lang}): ${height} px before expanding (was 25,087 px)`);
        expect(height).toBeLessThanOrEqual(Math.floor(25_087 / 3));
        await screenshot(page, `support-390-${lang}`);
      }
      expect(problems).toEqual([]);
    });
  });
});
