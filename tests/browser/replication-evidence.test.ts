/**
 * /replication after issue 24, in the built site: the Table 4 (2) reading states the within SD and whether the
 * paper's effect lies inside our interval (both recomputed here in Node on the panel the page loaded); Table 7 runs
 * on the years with both the DSTRI and exports, shows plm's numbers (L.dstri and Hansen p against the fixture), is
 * read by sign with its Hansen and AR(2) p-values (no engine warning), and counts partner-years; the endogenous-DSTRI option
 * gives the engine's numbers on the years where the DSTRI and exports both exist, which equal plm's pgmm
 * (tests/fixtures/gmm-table7-overlap/) and says why in one sentence; the event-study section renders its chart with
 * the pre-trend p equal to Node's. English and Chinese, 1280 and 390 px screenshots (whole page and the Table 7 area
 * with the endogenous option).
 */
import {readdirSync, readFileSync} from "node:fs";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import type {Page} from "playwright-core";
import {estimate} from "../../src/lib/engine/estimate.js";
import {eventStudy} from "../../src/lib/engine/event-study.js";
import {criticalValue} from "../../src/lib/engine/tdist.js";
import {parseArrow} from "../../src/lib/table/arrow.js";
import {endogenousGmmModels, overlapYears, replicationModels} from "../../src/lib/replication/models.js";
import {eventStudyTask} from "../../src/lib/replication/event-study.js";
import {readPaperTables} from "../../src/lib/replication/paper-node.js";
import {DIST, SCREENSHOTS, screenshot, settle, visit, watch, withBrowser} from "./harness.js";

const dist = process.env.DTB_TEST_DIST ?? DIST;
const CN = {column: "lnexport_cn", region: "cn", label: "China"};

function builtFrame() {
  const dir = join(dist, "_file", "data");
  const name = readdirSync(dir).find((f) => /^panel\.[0-9a-f]+\.arrow$/.test(f));
  if (!name) throw new Error(`no panel.*.arrow in ${dir}`);
  return parseArrow(new Uint8Array(readFileSync(join(dir, name))), name).frame;
}

const readingText = (page: Page, model: string) => page.$eval(`.reading[data-model="${model}"]`, (e) => e.textContent ?? "");

// plm pgmm on the panel cut to the overlap years (scripts/reference/gmm-table7-overlap.R).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const plmOverlap: any = JSON.parse(readFileSync(join(import.meta.dirname, "../fixtures/gmm-table7-overlap/expected.json"), "utf8"));

/** Choose the endogenous-DSTRI option, check its sample sentence, and screenshot Table 7's area (heading to the endogenous table). */
async function endogenousTable7(page: Page, lang: "en" | "zh", name: string) {
  await page.check('input[name="gmm-dstri"][value="endogenous"]');
  await page.waitForSelector(".endo-gmm[data-status=done]", {timeout: 120_000});
  const [lo, hi] = plmOverlap.meta.years;
  const note = (await page.textContent(".endo-gmm .endo-sample")) ?? "";
  expect(note).toContain(lang === "en" ? `Estimated on ${lo}–${hi}` : `估计样本为 ${lo}–${hi} 年`);
  expect(note).toContain("system is exactly singular");
  expect(note).toContain(lang === "en" ? "the engine gives the same numbers" : "估计引擎的结果与之相同");
  expect(await page.textContent(".endo-gmm")).not.toMatch(/not identified|没有被识别|pseudo-inverse solution|广义逆解/);
  await settle(page);
  const clip = await page.evaluate(() => {
    const h = Array.from(document.querySelectorAll("h2")).find((e) => /^(Table 7|表 7)/.test(e.textContent ?? "") && (e as HTMLElement).offsetParent !== null)!;
    const end = document.querySelector(".endo-gmm[data-status=done]")!;
    const top = h.getBoundingClientRect().top + window.scrollY;
    return {x: 0, y: top, width: document.documentElement.clientWidth, height: end.getBoundingClientRect().bottom + window.scrollY - top};
  });
  await page.screenshot({path: join(SCREENSHOTS, `${name}.png`), fullPage: true, clip});
}

async function waitEvent(page: Page) {
  await page.waitForSelector("#event-study .event-study[data-status=done] svg", {timeout: 120_000});
}

describe("/replication: issue 24 readings, honest GMM and the event study", () => {
  it("states the within SD and the paper's effect against our interval, shows plm's Table 7 read by sign, shows the event study", async () => {
    const frame = builtFrame();
    const paper = readPaperTables();
    const specs = replicationModels(CN);
    const t4 = estimate(frame, specs[1].spec);
    const within = (t4.info!.within_sd as Record<string, number>).dstri;
    await withBrowser(async (s) => {
      const page = await s.newPage();
      await page.setViewportSize({width: 1280, height: 900});
      const problems = watch(page, s.origin);
      await visit(page, s.url("/replication?lang=en"), problems);
      await page.waitForSelector('.reading[data-model="t4_ctrl_cn"]');

      // Table 4 (2): the within SD, and whether the paper's per-SD effect lies inside our 95% interval.
      const text = await readingText(page, "t4_ctrl_cn");
      expect(text).toContain(`the DSTRI's SD within partner and year is ${within.toFixed(3)}`);
      const pm = paper.models.find((m) => m.id === "t4_m2")!;
      const sdPaper = paper.table2.find((r) => r.variable === "DSTRI")!.sd;
      const x = Array.from(frame.columns.dstri as Float64Array).filter((v) => v === v);
      const mean = x.reduce((a, b) => a + b, 0) / x.length;
      const sdTotal = Math.sqrt(x.reduce((a, b) => a + (b - mean) ** 2, 0) / (x.length - 1));
      const q = criticalValue(t4.df_t);
      const lo = (t4.coef[0] - q * t4.se[0]) * sdTotal;
      const hi = (t4.coef[0] + q * t4.se[0]) * sdTotal;
      const eff = pm.terms.DSTRI.coef * sdPaper;
      expect(text).toContain(lo <= eff && eff <= hi ? "lies inside it" : "lies outside it");

      // Table 7: estimated on the years with both the DSTRI and exports, where it equals plm pgmm (the fixture) and the
      // engine warns on nothing, so it is read by sign, with the Hansen and AR(2) p-values; partner-years beside plm's rows.
      const t7 = replicationModels(CN, undefined, frame).filter((m) => m.table === 7);
      for (const m of t7) {
        const id = m.id;
        const r = estimate(frame, m.spec);
        const j = r.terms.indexOf("L.dstri");
        const plm = plmOverlap.models.find((e: {id: string}) => e.id === `${m.spec.estimator === "gmm-diff" ? "diff" : "sys"}_exo`).expected;
        expect(r.warnings).toEqual([]);
        const shown = await page.$eval(`[data-col="${id}"][data-term="LDSTRI"][data-kind="coef"]`, (e) => Number((e as HTMLElement).dataset.value));
        expect(Math.abs(shown - plm.coef[j]) / Math.max(Math.abs(plm.coef[j]), 1), `${id} L.dstri vs plm`).toBeLessThan(1e-8);
        const hansen = await page.$eval(`tr[data-kind="hansen_p"] [data-col="${id}"] [data-value]`, (e) => Number((e as HTMLElement).dataset.value));
        expect(Math.abs(hansen - plm.hansen.pvalue), `${id} Hansen p vs plm`).toBeLessThan(1e-8);
        expect(await page.getAttribute(`.reading[data-model="${id}"]`, "data-sign")).not.toBe("n/a");
        const g = await readingText(page, id);
        expect(g).not.toContain("No sign or size reading");
        expect(g).toMatch(/Same sign|Opposite sign/);
        expect(g).toContain(`Hansen J p = ${plm.hansen.pvalue.toFixed(3)}`);
        expect(g).toContain(`AR(2) p = ${plm.ar2.pvalue.toFixed(3)}`);
        expect(g).toContain("enters as exogenous");
        expect(await page.$eval(`tr[data-kind="partner_years"] [data-col="${id}"] [data-value]`, (e) => Number((e as HTMLElement).dataset.value))).toBe(r.info!.partner_years);
      }
      const intro = (await page.textContent("#observablehq-main")) ?? "";
      expect(intro).toContain(`the DSTRI and the exports are both observed (${plmOverlap.meta.years[0]}–${plmOverlap.meta.years[1]} for China's exports)`);
      expect(intro).not.toContain("cannot check these numbers");

      // The DSTRI endogenous: the engine's GMM with its own lags as instruments, run in the worker on the years where
      // the DSTRI and exports both exist; equal to Node and to plm pgmm on the cut panel; no engine warning, so read.
      await endogenousTable7(page, "en", "replication-table7-endo-en-1280");
      expect(overlapYears(frame, "lnexport_cn")!.years).toEqual(plmOverlap.meta.years);
      for (const m of endogenousGmmModels(CN, frame)) {
        const r = estimate(frame, m.spec);
        const j = r.terms.indexOf("L.dstri");
        const shown = await page.$eval(`.endo-gmm [data-col="${m.id}"][data-term="LDSTRI"][data-kind="coef"]`, (e) => Number((e as HTMLElement).dataset.value));
        expect(Math.abs(shown - r.coef[j])).toBeLessThan(1e-10);
        const plm = plmOverlap.models.find((e: {id: string}) => e.id === `${m.spec.estimator === "gmm-diff" ? "diff" : "sys"}_endo`).expected;
        expect(Math.abs(shown - plm.coef[j]) / Math.max(Math.abs(plm.coef[j]), 1)).toBeLessThan(1e-8);
        expect(r.warnings).toEqual([]);
        const g = await readingText(page, m.id);
        expect(g).toContain("The DSTRI is treated as endogenous");
        expect(g).not.toContain("No sign or size reading");
      }

      // The event study: chart, coefficients and pre-trend p equal to the engine in Node.
      await waitEvent(page);
      const task = eventStudyTask(CN);
      const es = eventStudy(frame, task.spec, task.es);
      const p = await page.getAttribute("#event-study .event-study", "data-pretrend-p");
      expect(Math.abs(Number(p) - es.pretrend.p_f)).toBeLessThan(1e-10);
      const reading = await page.textContent("#event-study .reading");
      expect(reading).toContain(`p = ${es.pretrend.p_f.toFixed(3)}`);
      expect(reading).toContain("Leaving out one partner at a time");
      const k0 = es.event_time.indexOf(0);
      expect(await page.textContent('#event-study tr[data-j="0"] td')).toBe(es.coef[k0].toFixed(3));
      await settle(page);
      await screenshot(page, "replication-issue24-en-1280");

      await page.setViewportSize({width: 390, height: 844});
      await visit(page, s.url("/replication?lang=en"), problems);
      await waitEvent(page);
      await screenshot(page, "replication-issue24-en-390");
      await endogenousTable7(page, "en", "replication-table7-endo-en-390");

      await visit(page, s.url("/replication?lang=zh"), problems);
      await waitEvent(page);
      expect(await readingText(page, "t7_sys_cn")).not.toContain("不做符号和大小的比较");
      expect(await readingText(page, "t7_sys_cn")).toContain("Hansen 检验在 5% 水平上拒绝工具变量有效");
      expect(await page.textContent("#observablehq-main")).toContain(`中国出口为 ${plmOverlap.meta.years[0]}–${plmOverlap.meta.years[1]} 年`);
      expect(await page.textContent("#event-study .reading")).toContain("事前趋势检验");
      expect(await readingText(page, "t4_ctrl_cn")).toContain(`DSTRI 在伙伴和年份之内的标准差为 ${within.toFixed(3)}`);
      await screenshot(page, "replication-issue24-zh-390");
      await endogenousTable7(page, "zh", "replication-table7-endo-zh-390");
      await page.setViewportSize({width: 1280, height: 900});
      await visit(page, s.url("/replication?lang=zh"), problems);
      await waitEvent(page);
      await screenshot(page, "replication-issue24-zh-1280");
      await endogenousTable7(page, "zh", "replication-table7-endo-zh-1280");
      expect(problems).toEqual([]);
    }, dist);
  }, 600_000);
});
