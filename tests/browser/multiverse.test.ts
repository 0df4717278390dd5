/**
 * The multiverse page (/multiverse): the default grid (55,296 specifications) runs in a Web Worker with a
 * progress bar; the curve, dashboard and summary render; clicking the curve opens a specification whose
 * explorer link is the same model (same spec, same coefficient in the explorer); the URL restores the view;
 * cancel stops a run and resume finishes it; the null bootstrap runs with progress. No console errors, no
 * third-party request. The page's own timings are logged (specifications/s in the browser).
 * DTB_MULTIVERSE_NULL_DRAWS=500 measures the target (500 draws of the 1,024-specification grid).
 */
import {describe, expect, it} from "vitest";
import {parseState, toSpec} from "../../src/lib/explorer/state.js";
import {screenshot, visit, watch, withBrowser} from "./harness.js";

const NULL_DRAWS = Number(process.env.DTB_MULTIVERSE_NULL_DRAWS ?? 20);
/** The 1,024-specification grid: DSTRI overall, lags 0-1, all controls and FE, clustered SE, all partners. */
const NULL_GRID = "off=key:1.2.3.4.5,lag:2,vcov:0.1.4.5,sample:1.2.4.5,estimator:1.2.3";

describe("multiverse page", () => {
  it("runs the default grid with progress, draws the curve, opens specs in the explorer, restores from the URL, cancels and resumes", async () => {
    await withBrowser(async (s) => {
      const page = await s.newPage();
      const problems = watch(page, s.origin);
      await visit(page, s.url("/multiverse"), problems);
      await page.waitForSelector(".multiverse[data-state]", {timeout: 60_000});
      // Progress: the bar and the "done / total" line while it runs.
      const seen = await page.waitForFunction(() => {
        const st = document.querySelector(".mv-status")?.textContent ?? "";
        return /[\d,]+ \/ 55,296 specifications/.test(st) || document.querySelector(".multiverse")?.getAttribute("data-state") === "done" ? st : false;
      }, undefined, {timeout: 60_000});
      expect(String(await seen.jsonValue())).toMatch(/55,296/);
      await page.waitForSelector(".multiverse[data-state=done]", {timeout: 110_000});
      const runMs = Number(await page.getAttribute(".multiverse", "data-run-ms"));
      const drawMs = Number(await page.getAttribute(".mv-curve-box", "data-draw-ms"));
      console.log(`multiverse: default grid 55,296 specs in the browser ${runMs} ms (${Math.round(55296 / (runMs / 1000))} specs/s), curve drawn in ${drawMs} ms`);
      expect(await page.textContent(".mv-status")).toMatch(/55,296 specifications estimated/);
      expect(await page.$$eval(".mv-curve-box svg rect", (r) => r.length)).toBeGreaterThan(300);
      expect(await page.textContent(".mv-curve-box svg")).toMatch(/DSTRI/);
      // The summary opens on the defensible specifications (issue 24); "All choices" shows every one of them.
      expect(await page.getAttribute(".multiverse", "data-view")).toBe("defensible");
      const nDefensible = Number((await page.textContent('.mv-stats dd[data-stat="n"]'))!.split("/")[1].replace(/[^\d]/g, ""));
      expect(nDefensible).toBeGreaterThan(1000);
      expect(nDefensible).toBeLessThan(55_296);
      await page.click("#mv-view-all");
      await page.waitForFunction(() => document.querySelector(".multiverse")?.getAttribute("data-view") === "all");
      expect(await page.textContent('.mv-stats dd[data-stat="n"]')).toMatch(/\/ 55,296/);
      await page.click("#mv-view-defensible");
      await page.waitForFunction(() => document.querySelector(".multiverse")?.getAttribute("data-view") === "defensible");
      expect(await page.$$eval(".mv-bar-row", (r) => r.length)).toBeGreaterThan(5);
      await screenshot(page, "multiverse-default");

      // Keep one DSTRI measure (raw coefficients), run, click the curve: the selected spec and its explorer link.
      for (let k = 1; k < 6; k++) await page.uncheck(`#mv-key-${k}`);
      expect(await page.textContent(".mv-count")).toMatch(/9,216 specifications/);
      await page.click(".mv-run");
      await page.waitForSelector(".multiverse[data-state=done]", {timeout: 60_000});
      await page.waitForFunction(() => document.querySelector(".mv-status")?.textContent?.includes("9,216 specifications estimated"));
      const box = (await page.$(".mv-curve-box svg"))!;
      // The summaries above explain themselves (issue #21), so the curve may start below the first screen.
      await box.scrollIntoViewIfNeeded();
      const bb = (await box.boundingBox())!;
      await page.mouse.click(bb.x + bb.width * 0.6, bb.y + bb.height * 0.15);
      await page.waitForSelector(".mv-explorer-link");
      const spec = JSON.parse((await page.getAttribute(".mv-selected", "data-spec"))!);
      const href = (await page.getAttribute(".mv-explorer-link", "href"))!;
      const link = new URL(href, page.url());
      expect(link.pathname).toMatch(/\/explorer$/);
      const state = parseState(link.search).state;
      expect(toSpec(state, [])).toMatchObject({y: spec.y, x: spec.x, fe: spec.fe, vcov: spec.vcov});
      const keyTerm = spec.x[0];
      const coef = await page.$eval(`.mv-selected tr[data-term="${keyTerm}"] td[data-col="coef"]`, (td) => Number((td as HTMLElement).dataset.value));
      const viewUrl = page.url();
      expect(new URL(viewUrl).searchParams.get("sel")).toMatch(/^(\d+\.){7}\d+$/);

      // The explorer at that link shows the same coefficient.
      const ex = await s.newPage();
      watch(ex, s.origin).forEach((p) => problems.push(p));
      await visit(ex, link.href, problems);
      await ex.waitForSelector(".explorer[data-state=ok]", {timeout: 60_000});
      const exCoef = await ex.$eval(`tr[data-term="${keyTerm}"] td[data-col="coef"]`, (td) => Number((td as HTMLElement).dataset.value));
      expect(exCoef).toBe(coef);
      await ex.close();

      // The URL restores the view: options off, sort, the selected specification.
      await page.selectOption("#mv-sort", "fe");
      await page.waitForFunction(() => new URL(location.href).searchParams.get("sort") === "fe");
      const restoreUrl = page.url();
      const fresh = await s.newPage();
      watch(fresh, s.origin).forEach((p) => problems.push(p));
      await visit(fresh, restoreUrl, problems);
      await fresh.waitForSelector(".multiverse[data-state=done]", {timeout: 60_000});
      await fresh.waitForSelector(".mv-explorer-link");
      expect(JSON.parse((await fresh.getAttribute(".mv-selected", "data-spec"))!)).toEqual(spec);
      expect(await fresh.$eval("#mv-sort", (e) => (e as HTMLSelectElement).value)).toBe("fe");
      expect(await fresh.isChecked("#mv-key-1")).toBe(false);
      expect(await fresh.textContent(".mv-status")).toMatch(/9,216 specifications estimated/);
      await fresh.close();

      // Cancel, then resume.
      await page.check("#mv-key-1");
      // Run and cancel in the same task: the run (now well under a second for 18,432 specifications on an idle
      // machine) could otherwise finish between two separate clicks. Run enables Cancel synchronously.
      await page.evaluate(() => {
        (document.querySelector(".mv-run") as HTMLButtonElement).click();
        (document.querySelector(".mv-cancel") as HTMLButtonElement).click();
      });
      await page.waitForSelector(".multiverse[data-state=cancelled]", {timeout: 30_000});
      expect(await page.isVisible(".mv-resume")).toBe(true);
      await page.click(".mv-resume");
      await page.waitForSelector(".multiverse[data-state=done]", {timeout: 90_000});
      expect(await page.textContent(".mv-status")).toMatch(/18,432 specifications estimated/);

      expect(problems).toEqual([]);
    });
  }, 300_000);

  it(`runs the null bootstrap (${NULL_DRAWS} draws of the 1,024-specification grid) with progress`, async () => {
    await withBrowser(async (s) => {
      const page = await s.newPage();
      const problems = watch(page, s.origin);
      await visit(page, s.url(`/multiverse?${NULL_GRID}&draws=${NULL_DRAWS}`), problems);
      await page.waitForSelector(".multiverse[data-state=done]", {timeout: 90_000});
      expect(await page.textContent(".mv-status")).toMatch(/1,024 specifications estimated/);
      await page.click(".mv-null-run");
      await page.waitForFunction(() => /\d+ \/ \d+ draws/.test(document.querySelector(".mv-null-status")?.textContent ?? ""), undefined, {timeout: 60_000});
      await page.waitForSelector(".mv-null[data-done]", {timeout: 600_000});
      const ms = Number(await page.getAttribute(".mv-null", "data-ms"));
      console.log(`multiverse: null bootstrap, ${NULL_DRAWS} draws x 1,024 specs in the browser ${ms} ms`);
      for (const k of ["median", "share", "stouffer"]) {
        const p = Number(await page.$eval(`td[data-p="${k}"]`, (td) => td.textContent));
        expect(p).toBeGreaterThanOrEqual(0);
        expect(p).toBeLessThanOrEqual(1);
      }
      await screenshot(page, "multiverse-null");
      expect(problems).toEqual([]);
    });
  }, 700_000);

  it("shows the selected specification's engine notes in the reader's language (a repaired two-way variance)", async () => {
    await withBrowser(async (s) => {
      const page = await s.newPage();
      const problems = watch(page, s.origin);
      // Pooled OLS of lnexport_cn on DSTRI, lngdp and lnpopu, two-way clustered, non-OECD partners without 2020:
      // four partners, and a two-way variance with a negative diagonal that fixest repairs (engine vcov-cluster.ts).
      await visit(page, s.url("/multiverse?sel=0.0.0.6.0.3.5.0&lang=zh"), problems);
      await page.waitForSelector(".multiverse[data-state=done]", {timeout: 90_000});
      await page.waitForSelector(".mv-spec-notes");
      expect(await page.textContent(".mv-spec-notes")).toMatch(/^说明: 方差矩阵对角线上出现负值/);
      expect(await page.$eval('.mv-selected tr[data-term="dstri"] td[data-col="se"]', (td) => Number((td as HTMLElement).dataset.value))).toBeCloseTo(2.267, 3);
      expect(problems).toEqual([]);
    });
  }, 200_000);
});
