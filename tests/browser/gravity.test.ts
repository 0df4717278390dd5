/**
 * The gravity additions in the pages: the explorer's PPML estimator (outcome in levels), Driscoll-Kraay and
 * Newey-West standard errors and the wild cluster bootstrap switch (computed in a worker, equal to Node's
 * estimate() of the same spec); the replication page's gravity checks with the bootstrap filled in by the
 * worker. English and Chinese, 1280 and 390 px screenshots (tests/browser/screenshots/gravity-*.png).
 */
import {readdirSync, readFileSync} from "node:fs";
import {join} from "node:path";
import {DataType, tableFromIPC} from "apache-arrow";
import type {Page} from "playwright-core";
import {describe, expect, it} from "vitest";
import {estimate} from "../../src/lib/engine/estimate.js";
import type {Frame} from "../../src/lib/engine/types.js";
import {rowsToFrame} from "../../src/lib/table/rows-to-frame.js";
import {parseState, toSpec} from "../../src/lib/explorer/state.js";
import {compileModel} from "../../src/lib/formula/compile.js";
import {parseModel} from "../../src/lib/formula/parse.js";
import {encodeNotebook} from "../../src/lib/notebook/codec.js";
import type {Notebook} from "../../src/lib/notebook/cells.js";
import {DIST, screenshot, visit, watch, withBrowser} from "./harness.js";

const dist = process.env.DTB_DIST ?? DIST;

function servedPanel(): {frame: Frame; partners: Array<{iso3: string; oecd: boolean}>} {
  const dir = join(dist, "_file", "data");
  const file = readdirSync(dir).find((f) => /^panel\.[0-9a-f]+\.arrow$/.test(f));
  if (!file) throw new Error(`no panel.*.arrow in ${dir}: build the site first`);
  const table = tableFromIPC(readFileSync(join(dir, file)));
  const fields = table.schema.fields;
  const numeric = new Set(fields.filter((f) => DataType.isInt(f.type) || DataType.isFloat(f.type) || DataType.isDecimal(f.type)).map((f) => f.name));
  const rows: Array<Record<string, unknown>> = [];
  for (let i = 0; i < table.numRows; i++) {
    const r: Record<string, unknown> = {};
    for (const f of fields) {
      const v = table.getChild(f.name)!.get(i);
      r[f.name] = numeric.has(f.name) ? (v == null ? NaN : Number(v)) : v;
    }
    rows.push(r);
  }
  const seen = new Map<string, boolean>();
  for (const r of rows) if (!seen.has(r.iso3 as string)) seen.set(r.iso3 as string, r.oecd === true);
  return {frame: rowsToFrame(rows), partners: [...seen].map(([iso3, oecd]) => ({iso3, oecd}))};
}

const coefOf = (page: Page, term: string) => page.$eval(`tr[data-term="${term}"] td[data-col="coef"]`, (td) => Number((td as HTMLElement).dataset.value));

describe("gravity estimators in the pages", () => {
  it("explorer: PPML, DK, NW and the wild bootstrap equal the Node engine; replication: gravity checks", async () => {
    const {frame, partners} = servedPanel();
    await withBrowser(async (s) => {
      for (const lang of ["en", "zh"]) {
        const page = await s.newPage();
        const problems = watch(page, s.origin);
        await page.setViewportSize({width: 1280, height: 900});
        // PPML with Driscoll-Kraay errors.
        const search = `?est=ppml&se=dk&lang=${lang}`;
        await visit(page, s.url(`/explorer${search}`), problems);
        await page.waitForSelector(".explorer[data-state]", {timeout: 60_000});
        expect(await page.getAttribute(".explorer", "data-state")).toBe("ok");
        const spec = toSpec(parseState(search).state, partners);
        expect(spec.y).toBe("exports_cn_usd");
        const node = estimate(frame, spec);
        expect(Math.abs((await coefOf(page, "dstri")) - node.coef[node.terms.indexOf("dstri")])).toBeLessThan(1e-10);
        expect(await page.isVisible('tr[data-stat="pseudo_r2"]')).toBe(true);
        await screenshot(page, `gravity-explorer-ppml-dk-${lang}-1280`);
        // Newey-West, OLS, with the wild bootstrap switched on.
        await page.selectOption("#ex-est", "ols");
        await page.selectOption("#ex-se", "nw");
        await page.check("#ex-boot");
        await page.waitForFunction(() => document.querySelector(".explorer")?.getAttribute("data-boot") === "done", null, {timeout: 60_000});
        const url = new URL(page.url());
        expect(url.searchParams.get("boot")).toBe("1");
        const bspec = toSpec(parseState(url.search).state, partners);
        const nodeBoot = estimate(frame, bspec).bootstrap!;
        expect(Number(await page.getAttribute('[data-testid="bootstrap"]', "data-p"))).toBe(nodeBoot.p_value);
        expect(await page.textContent('[data-testid="bootstrap"]')).toContain(lang === "en" ? "bootstrap p-value" : "自助法p值");
        await screenshot(page, `gravity-explorer-boot-${lang}-1280`);
        await page.setViewportSize({width: 390, height: 900});
        await screenshot(page, `gravity-explorer-boot-${lang}-390`);
        // Its Stata code: Newey-West by ivreghdfe (not a comment); then with clustered errors, boottest after reghdfe.
        await page.setViewportSize({width: 1280, height: 900});
        await page.selectOption("#ex-code-lang", "stata");
        const stata = await page.inputValue("textarea.ex-code[data-format=stata]");
        expect(stata).toContain("ivreghdfe lnexport_cn dstri lngdp lnpopu lngov urban, absorb(cid year) robust bw(`bw')");
        await page.selectOption("#ex-se", "country");
        await page.waitForFunction(() => document.querySelector(".explorer")?.getAttribute("data-boot") === "done", null, {timeout: 60_000});
        await page.selectOption("#ex-code-lang", "stata");
        expect(await page.inputValue("textarea.ex-code[data-format=stata]")).toContain("boottest dstri, cluster(cid) reps(9999) weighttype(rademacher) seed(1) nograph");
        const exportBox = await page.$(".ex-export");
        await exportBox!.screenshot({path: join(import.meta.dirname, "screenshots", `gravity-explorer-stata-${lang}-1280.png`)});
        await page.setViewportSize({width: 390, height: 900});
        await exportBox!.screenshot({path: join(import.meta.dirname, "screenshots", `gravity-explorer-stata-${lang}-390.png`)});

        // Replication: the gravity checks, the bootstrap filled in by the worker.
        await page.setViewportSize({width: 1280, height: 900});
        await visit(page, s.url(`/replication?lang=${lang}`), problems);
        await page.waitForSelector('.gravity-checks[data-boot="done"]', {timeout: 120_000});
        expect(await page.$$eval("table.gravity tbody tr", (r) => r.length)).toBe(3);
        expect((await page.textContent(".gravity-sentence"))!.length).toBeGreaterThan(40);
        const box = await page.$(".gravity-checks");
        await box!.screenshot({path: join(import.meta.dirname, "screenshots", `gravity-replication-${lang}-1280.png`)});
        await page.setViewportSize({width: 390, height: 900});
        await box!.screenshot({path: join(import.meta.dirname, "screenshots", `gravity-replication-${lang}-390.png`)});
        expect(problems).toEqual([]);
        await page.close();
      }
    }, dist);
  }, 300_000);

  it("multiverse: PPML and DK/NW options in both languages; a PPML x DK/NW grid equals estimate() alone", async () => {
    const {frame} = servedPanel();
    const ctl = Array.from({length: 31}, (_, i) => i + 1).join(".");
    const off = `v=2&view=all&off=key:1.2.3.4.5,lag:1.2,controls:${ctl},fe:0.1.2,vcov:0.1.2.3,sample:1.2.3.4.5,estimator:0.1.2`;
    await withBrowser(async (s) => {
      for (const lang of ["en", "zh"]) {
        const page = await s.newPage();
        const problems = watch(page, s.origin);
        await page.setViewportSize({width: 1280, height: 900});
        await visit(page, s.url(`/multiverse?${off}&lang=${lang}`), problems);
        await page.waitForSelector(".multiverse[data-state=done]", {timeout: 120_000});
        expect(await page.textContent(".mv-status")).toMatch(lang === "en" ? /\b2 specifications estimated/ : /2/);
        expect(await page.isChecked("#mv-estimator-3")).toBe(true);
        expect(await page.isChecked("#mv-vcov-4")).toBe(true);
        expect(await page.isChecked("#mv-vcov-5")).toBe(true);
        const labels = await page.$$eval('label[for^="mv-"]', (ls) => ls.map((l) => l.textContent ?? ""));
        expect(labels.some((t) => /PPML/.test(t))).toBe(true);
        expect(labels.some((t) => /Driscoll-Kraay/.test(t))).toBe(true);
        // The DK specification through estimate() alone.
        const r = estimate(frame, {id: "iso3", time: "year", y: "exports_cn_usd", x: ["dstri"], fe: ["iso3", "year"], vcov: "driscoll_kraay", estimator: "ppml"});
        expect(r.se[0]).toBeGreaterThan(0);
        // The null bootstrap re-estimates both (PPML with DK, PPML with NW) in every draw: none fails.
        await page.fill("#mv-draws", "20");
        await page.click(".mv-null-run");
        await page.waitForSelector(".mv-null[data-done]", {timeout: 120_000});
        const nullNote = (await page.textContent(".mv-null-out")) ?? "";
        expect(nullNote).toMatch(lang === "en" ? /20 draws.*2 specifications per draw/s : /20次抽样.*每次抽样2个设定/s);
        expect(nullNote).not.toMatch(lang === "en" ? /could not be estimated/ : /无法在重抽样数据上估计/);
        expect(await page.textContent(".mv-null")).toMatch(lang === "en" ? /2 PPML or Driscoll-Kraay\/Newey-West specifications/ : /2个为PPML或Driscoll-Kraay\/Newey-West设定/);
        await screenshot(page, `gravity-multiverse-${lang}-1280`);
        await page.setViewportSize({width: 390, height: 900});
        await screenshot(page, `gravity-multiverse-${lang}-390`);
        // A link from before PPML and DK/NW existed (no v; its off list cannot name them) opens with them off.
        await page.setViewportSize({width: 1280, height: 900});
        await visit(page, s.url(`/multiverse?off=key:1.2.3.4.5,lag:1.2,controls:${ctl},fe:0.1.2,vcov:0.1,sample:1.2.3.4.5,estimator:1.2&lang=${lang}`), problems);
        await page.waitForSelector(".multiverse[data-state=done]", {timeout: 120_000});
        expect(await page.isChecked("#mv-estimator-3")).toBe(false);
        expect(await page.isChecked("#mv-vcov-4")).toBe(false);
        expect(await page.isChecked("#mv-vcov-5")).toBe(false);
        expect(await page.isChecked("#mv-vcov-2")).toBe(true);
        if (lang === "en") expect(await page.textContent(".mv-status")).toMatch(/\b2 specifications estimated/);
        expect(problems).toEqual([]);
        await page.close();
      }
    }, dist);
  }, 300_000);
  it("notebook: a boottest line adds the wild bootstrap under its model, equal to the Node engine", async () => {
    const {frame} = servedPanel();
    const lines = [
      "feols(lnexport_cn ~ dstri + lngdp + lnpopu + lngov + urban | iso3 + year, vcov = ~iso3)",
      'fepois(exports_cn_usd ~ dstri + lngdp + lnpopu + lngov + urban | iso3 + year, vcov = "DK")',
      'boottest(m1, param = "dstri", clustid = ~iso3, B = 999, type = "webb", seed = 5)'
    ];
    const nb: Notebook = {v: 1, panel: {id: "iso3", time: "year"}, cells: [{type: "model", models: lines.join("\n")}]};
    const hash = await encodeNotebook(nb);
    const {frame: f, spec} = compileModel(parseModel(lines[0]), frame, {id: "iso3", time: "year"});
    const node = estimate(f, {...spec, bootstrap: {type: "wild", term: "dstri", cluster: "iso3", weights: "webb", reps: 999, seed: 5}}).bootstrap!;
    await withBrowser(async (s) => {
      for (const lang of ["en", "zh"]) {
        const page = await s.newPage();
        const problems = watch(page, s.origin);
        await page.setViewportSize({width: 1280, height: 900});
        await visit(page, s.url(`/notebook?lang=${lang}#nb=${hash}`), problems);
        await page.waitForSelector(".nb-app[data-ready=true]", {timeout: 120_000});
        const table = page.locator(".nb-cell").nth(0).locator("table.nb-etable");
        await table.waitFor({timeout: 120_000});
        const rows = await table.locator("tbody.foot tr").allTextContents();
        const pRow = rows.find((r) => r.startsWith(lang === "en" ? "Wild bootstrap p" : "野聚类自助法 p 值"));
        expect(pRow, rows.join(" | ")).toBeDefined();
        expect(pRow).toContain(`${node.p_value.toFixed(4)} (dstri)`);
        expect(rows.some((r) => r.includes("999 (Webb)"))).toBe(true);
        await screenshot(page, `gravity-notebook-boottest-${lang}-1280`);
        await page.setViewportSize({width: 390, height: 900});
        await screenshot(page, `gravity-notebook-boottest-${lang}-390`);
        expect(problems).toEqual([]);
        await page.close();
      }
    }, dist);
  }, 300_000);
});
