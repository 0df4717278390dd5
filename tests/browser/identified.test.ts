/**
 * Issue 24, as a reader meets it: the multiverse opens on the defensible specifications (in both languages) with
 * "All choices" one click away and the view in the URL, Stouffer's Z never alone, significant shares by measure and
 * by number of moving partners; the mechanism page says how many partners identify each area and leads with a
 * permutation test where fewer than 5 move; the what-if slider of every score stops at the range the data show
 * (read here from the site's own panel.csv, not from the page's code), with effects per 0.02 step.
 * Screenshots: tests/browser/screenshots/issue24_{multiverse,mechanism,whatif}.{en,zh}.{1280,390}.png.
 */
import {mkdirSync, readdirSync, readFileSync} from "node:fs";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {parseCsv} from "../helpers/fixtures.js";
import {DIST, SCREENSHOTS, settle, visit, watch, withBrowser} from "./harness.js";

/** 1,024 specifications (DSTRI overall, lags 0-1, iid/HC1 off, all partners): 512 of them defensible. */
const GRID = "v=2&off=key:1.2.3.4.5,lag:2,vcov:0.1.4.5,sample:1.2.4.5,estimator:1.2.3";

/** The panel the site serves (dist/_file/data/panel.<hash>.csv). */
function servedPanel() {
  const dir = join(DIST, "_file", "data");
  const name = readdirSync(dir).find((f) => /^panel\.[0-9a-f]+\.csv$/.test(f));
  if (!name) throw new Error(`no panel.<hash>.csv in ${dir}: run npm run build`);
  return parseCsv(readFileSync(join(dir, name), "utf8"));
}

describe("issue 24: what identifies an estimate, on the pages", () => {
  it("the multiverse opens on the defensible view, 'All choices' is one click away, both languages", async () => {
    await withBrowser(async (s) => {
      const page = await s.newPage();
      const problems = watch(page, s.origin);
      mkdirSync(SCREENSHOTS, {recursive: true});
      for (const lang of ["en", "zh"] as const) {
        await page.setViewportSize({width: 1280, height: 900});
        await visit(page, s.url(`/multiverse?lang=${lang}&${GRID}`), problems);
        await page.waitForSelector(".multiverse[data-state=done]", {timeout: 120_000});
        expect(await page.getAttribute(".multiverse", "data-view")).toBe("defensible");
        expect(await page.isChecked("#mv-view-defensible")).toBe(true);
        // The link is left as given (no view parameter means the defensible view).
        expect(new URL(page.url()).searchParams.get("view")).toBeNull();
        // Partner or two-way effects x partner-clustered errors of the 1,024: 2 of 4 FE x 2 of 2 SE = 512.
        expect(await page.textContent('.mv-stats dd[data-stat="n"]')).toMatch(/\/ 512$/);
        expect(await page.getAttribute(".mv-curve-box", "data-in-view")).toBe("512");
        expect(await page.textContent("label[for=mv-view-all]")).toMatch(lang === "en" ? /All choices \(1,024 specifications\)/ : /全部选择（1024 个）/);
        // Stouffer's Z is not a headline before the bootstrap gives it a p-value.
        expect(await page.$('.mv-stats dd[data-stat="stouffer"]')).toBeNull();
        // Significant shares by measure and by number of moving partners.
        expect(await page.$$eval('.mv-shares[data-by="key"] tbody tr', (r) => r.length)).toBe(1);
        expect(await page.$$eval('.mv-shares[data-by="changers"] tbody tr', (r) => r.length)).toBeGreaterThanOrEqual(1);
        // The readout says how many partners identify the estimate.
        await page.focus(".mv-curve-box svg");
        await page.waitForSelector(".mv-readout[data-rank='0']");
        expect(await page.textContent(".mv-readout")).toMatch(lang === "en" ? /identified by \d+ partners?/ : /由 \d+ 个伙伴国识别/);
        await page.$eval(".mv-view-box", (e) => e.scrollIntoView({block: "start"}));
        await page.screenshot({path: join(SCREENSHOTS, `issue24_multiverse.${lang}.1280.png`)});

        // All choices: one click, no new run, in the URL, and a fresh visit of that URL restores it.
        await page.click("#mv-view-all");
        await page.waitForFunction(() => document.querySelector(".multiverse")?.getAttribute("data-view") === "all");
        expect(new URL(page.url()).searchParams.get("view")).toBe("all");
        expect(await page.textContent('.mv-stats dd[data-stat="n"]')).toMatch(/\/ 1,024$/);
        expect(await page.getAttribute(".mv-curve-box", "data-in-view")).toBe("1024");
        const allUrl = page.url();
        await page.click("#mv-view-defensible");
        await page.waitForFunction(() => new URL(location.href).searchParams.get("view") === "defensible");
        await visit(page, allUrl, problems);
        await page.waitForSelector(".multiverse[data-state=done]", {timeout: 120_000});
        expect(await page.isChecked("#mv-view-all")).toBe(true);

        await page.setViewportSize({width: 390, height: 844});
        await visit(page, s.url(`/multiverse?lang=${lang}&${GRID}`), problems);
        await page.waitForSelector(".multiverse[data-state=done]", {timeout: 120_000});
        await page.$eval(".mv-view-box", (e) => e.scrollIntoView({block: "start"}));
        await page.screenshot({path: join(SCREENSHOTS, `issue24_multiverse.${lang}.390.png`)});
      }
      expect(problems).toEqual([]);
    });
  }, 400_000);

  it("a selected multiverse specification identified by fewer than 5 partners leads with a permutation test", async () => {
    await withBrowser(async (s) => {
      const page = await s.newPage();
      const problems = watch(page, s.origin);
      // Electronic transactions (key 2), no lag, no controls, two-way effects, partner-clustered, all years and partners.
      await visit(page, s.url("/multiverse?lang=en&off=key:0.1.3.4.5,lag:1.2,vcov:0.1.4.5,sample:1.2.3.4.5,estimator:1.2.3&sel=0.2.0.0.3.2.0.0"), problems);
      await page.waitForSelector(".multiverse[data-state=done]", {timeout: 120_000});
      await page.waitForSelector(".mv-identified");
      const n = Number(await page.getAttribute(".mv-identified", "data-changers"));
      expect(n).toBeLessThan(5);
      expect(await page.textContent(".mv-identified")).toMatch(new RegExp(`^Identified by ${n} of \\d+ partners: too few`));
      await page.waitForSelector(".mv-selected .ri-test[data-state=done]", {timeout: 120_000});
      const p = Number(await page.getAttribute(".mv-selected .ri-test", "data-p"));
      expect(p).toBeGreaterThan(0);
      expect(p).toBeLessThanOrEqual(1);
      expect(await page.textContent(".mv-selected .ri-test")).toMatch(/^Permutation-test p = \d\.\d{3}/);
      // The permutation test stands before the clustered table.
      const order = await page.$eval(".mv-selected", (e) => {
        const ri = e.querySelector(".ri-test")!.getBoundingClientRect().top;
        const table = e.querySelector(".ex-table")!.getBoundingClientRect().top;
        return ri < table;
      });
      expect(order).toBe(true);
      expect(problems).toEqual([]);
    });
  }, 300_000);

  it("the mechanism page says how many partners identify each area and tests the few-changer areas by permutation", async () => {
    await withBrowser(async (s) => {
      const page = await s.newPage();
      const problems = watch(page, s.origin);
      for (const lang of ["en", "zh"] as const) {
        for (const width of [1280, 390]) {
          await page.setViewportSize({width, height: width === 390 ? 844 : 900});
          await visit(page, s.url(`/mechanism?lang=${lang}`), problems);
          await page.waitForSelector(".mech-area-table tbody tr");
          const rows = await page.$$eval(".mech-area-table tbody tr", (trs) => trs.map((tr) => ({changers: Number((tr as HTMLElement).dataset.changers), text: tr.textContent ?? "", ri: tr.querySelector(".ri-test") !== null})));
          expect(rows.length).toBe(5);
          for (const r of rows) {
            expect(r.text).toMatch(new RegExp(`${r.changers} / \\d+`));
            expect(r.ri, r.text).toBe(r.changers < 5);
          }
          // Electronic transactions moves in 3 partners (issue 24).
          expect(await page.getAttribute('.mech-area-table tr[data-area="dstri_etrans"]', "data-changers")).toBe("3");
          await page.waitForFunction(() => Array.from(document.querySelectorAll(".mech-area-table .ri-test")).every((e) => e.getAttribute("data-state") === "done"), undefined, {timeout: 180_000});
          const etrans = await page.textContent('.mech-area-table tr[data-area="dstri_etrans"] .mech-p');
          expect(etrans).toMatch(lang === "en" ? /^Permutation-test p = \d\.\d{3}.*Identified by 3 of \d+ partners/ : /^置换检验 p = \d\.\d{3}.*由 3 个伙伴国识别/);
          // The chart labels count the partners too, and no axis speaks of "1 point".
          const chart = await page.textContent(".mech-coef-slot");
          expect(chart).toMatch(lang === "en" ? /identified by 3 of/ : /国中的 3 国识别/);
          expect(chart).not.toMatch(/per 1 point|\+0\.1 in score|得分每增加 1/);
          await settle(page);
          await page.$eval(".mech-coef-slot", (e) => e.scrollIntoView({block: "start"}));
          await page.screenshot({path: join(SCREENSHOTS, `issue24_mechanism.${lang}.${width}.png`)});
        }
      }
      expect(problems).toEqual([]);
    });
  }, 600_000);

  it("the what-if slider of every score stops at the range observed in the data, with an effect per 0.02 step", async () => {
    const panel = servedPanel();
    await withBrowser(async (s) => {
      const page = await s.newPage();
      const problems = watch(page, s.origin);
      for (const lang of ["en", "zh"] as const) {
        await page.setViewportSize({width: 1280, height: 900});
        await visit(page, s.url(`/whatif?lang=${lang}`), problems);
        await page.waitForSelector('[data-testid="whatif-result"]');
        // The opening scenario moves a partner (not a zero change) and reads 2020, the exports' last year.
        expect(Math.abs(Number(await page.getAttribute('[data-testid="whatif-delta"]', "data-value")))).toBeGreaterThan(0.005);
        expect(await page.textContent(".whatif-now")).toMatch(/2020/);
        expect(await page.$('[data-testid="whatif-year-mismatch"]')).toBeNull();
        for (const column of ["dstri", "dstri_infra", "dstri_etrans", "dstri_payment", "dstri_ipr", "dstri_other"]) {
          await page.selectOption('.whatif-controls select[name="area"]', column);
          await settle(page);
          const col = panel.columns[column] as Float64Array;
          const values = [...col].filter((v) => Number.isFinite(v));
          const max = Math.ceil(Math.max(...values) * 100 - 1e-9) / 100;
          const min = Math.floor(Math.min(...values) * 100 + 1e-9) / 100;
          const [smin, smax] = await page.$eval('.whatif-controls input[type="range"]', (e) => [Number((e as HTMLInputElement).min), Number((e as HTMLInputElement).max)]);
          expect(smax, column).toBe(max);
          expect(smin, column).toBe(min);
          if (column !== "dstri") expect(smax, `${column}: an area's contribution is far below 1`).toBeLessThan(0.3);
          expect(await page.getAttribute('[data-testid="whatif-step-pct"]', "data-value")).not.toBeNull();
          expect(await page.textContent(".whatif-step")).toMatch(lang === "en" ? /^Per step: a score higher by 0\.02/ : /^每一步：得分提高 0\.02/);
        }
        const caveats = await page.textContent(".whatif-caveats");
        expect(caveats).toMatch(lang === "en" ? /contributions that add up to the overall index/ : /加总为总指数的组成部分/);
        for (const width of [1280, 390]) {
          await page.setViewportSize({width, height: width === 390 ? 844 : 900});
          await visit(page, s.url(`/whatif?lang=${lang}`), problems);
          await page.waitForSelector('[data-testid="whatif-result"]');
          await settle(page);
          await page.$eval(".whatif-controls", (e) => e.scrollIntoView({block: "start"}));
          await page.screenshot({path: join(SCREENSHOTS, `issue24_whatif.${lang}.${width}.png`)});
        }
      }
      expect(problems).toEqual([]);
    });
  }, 300_000);
});
