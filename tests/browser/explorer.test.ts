/**
 * The explorer (/explorer): default view, toggles that change the estimate and the URL, a copied URL that
 * restores the same estimate in a fresh page, a malformed URL shown as text, an engine error shown in place,
 * and the displayed coefficient equal to Node-side `estimate()` on the same panel file and spec.
 * DTB_DIST may point at another build output (default: dist/).
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
import {DIST, screenshot, visit, watch, withBrowser} from "./harness.js";

const dist = process.env.DTB_DIST ?? DIST;

/** The panel file the site serves, decoded as the page decodes it (numbers NaN for null, booleans kept). */
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

/** Full-precision coefficient of `term` as displayed. */
const coefOf = (page: Page, term: string) =>
  page.$eval(`tr[data-term="${term}"] td[data-col="coef"]`, (td) => Number((td as HTMLElement).dataset.value));

async function ready(page: Page): Promise<void> {
  await page.waitForSelector(".explorer[data-state]", {timeout: 60_000});
}

describe("explorer", () => {
  it("re-estimates on every change, keeps the state in the URL and matches the Node engine", async () => {
    const {frame, partners} = servedPanel();
    const nodeCoef = (search: string, term: string) => {
      const r = estimate(frame, toSpec(parseState(search).state, partners));
      return r.coef[r.terms.indexOf(term)];
    };

    await withBrowser(async (s) => {
      const page = await s.newPage();
      const problems = watch(page, s.origin);
      const dialogs: string[] = [];
      page.on("dialog", (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      });

      // Default view: the study's baseline, no error, no ignored-parameter note.
      await visit(page, s.url("/explorer"), problems);
      await ready(page);
      expect(await page.getAttribute(".explorer", "data-state")).toBe("ok");
      expect(await page.isVisible(".ex-ignored")).toBe(false);
      const base = await coefOf(page, "dstri");
      const baseUrl = new URL(page.url());
      expect(baseUrl.searchParams.get("fe")).toBe("both");
      expect(Math.abs(base - nodeCoef(baseUrl.search, "dstri"))).toBeLessThan(1e-10);
      expect(await page.$eval('tr[data-stat="nobs"] td', (td) => Number((td as HTMLElement).dataset.value))).toBeGreaterThan(0);
      expect(await page.textContent(".ex-timing")).toMatch(/estimated in [\d.]+ ms/);
      const ms = Number(await page.getAttribute(".explorer", "data-ms"));
      expect(JSON.parse((await page.evaluate(() => localStorage.getItem("dtb:explorer:spec")))!)).toMatchObject({y: "lnexport_cn", x: ["dstri", "lngdp", "lnpopu", "lngov", "urban"]});
      expect(await page.evaluate(() => localStorage.getItem("dtb:explorer:url"))).toBe(page.url());
      console.log(`explorer: default estimate in the browser ${ms.toFixed(2)} ms`);
      await screenshot(page, "explorer-default");

      // FE both -> none changes the estimate and the URL.
      await page.selectOption("#ex-fe", "none");
      await page.waitForFunction(() => new URL(location.href).searchParams.get("fe") === "none");
      const pooled = await coefOf(page, "dstri");
      expect(pooled).not.toBe(base);
      expect(await page.$$eval('tr[data-term="(Intercept)"]', (r) => r.length)).toBe(1);

      // Back to both, drop 2020, then DSTRI -> infrastructure area.
      await page.selectOption("#ex-fe", "both");
      await page.check("#ex-d2020");
      await page.waitForFunction(() => new URL(location.href).searchParams.get("d2020") === "1");
      const no2020 = await coefOf(page, "dstri");
      expect(no2020).not.toBe(base);
      await page.selectOption("#ex-x", "dstri_infra");
      await page.waitForFunction(() => new URL(location.href).searchParams.get("x") === "dstri_infra");
      const infra = await coefOf(page, "dstri_infra");
      const toggledUrl = page.url();
      expect(Math.abs(infra - nodeCoef(new URL(toggledUrl).search, "dstri_infra"))).toBeLessThan(1e-10);
      const times: number[] = [];
      for (const lag of ["1", "2", "0"]) {
        await page.selectOption("#ex-lag", lag);
        await page.waitForFunction((l) => new URL(location.href).searchParams.get("lag") === l, lag);
        times.push(Number(await page.getAttribute(".explorer", "data-ms")));
      }
      console.log(`explorer: re-estimation times in the browser (ms): ${times.map((t) => t.toFixed(2)).join(", ")}`);
      await screenshot(page, "explorer-toggled");

      // The copied URL restores the same estimate in a fresh page.
      const fresh = await s.newPage();
      watch(fresh, s.origin).forEach((p) => problems.push(p));
      await visit(fresh, toggledUrl, problems);
      await ready(fresh);
      expect(await coefOf(fresh, "dstri_infra")).toBe(infra);
      expect(await fresh.isChecked("#ex-d2020")).toBe(true);
      await fresh.close();

      // An engine error (no DSTRI before 2014) is shown in place, as text; the page keeps working.
      await visit(page, s.url("/explorer?yr=2008-2012"), problems);
      await ready(page);
      expect(await page.getAttribute(".explorer", "data-state")).toBe("error");
      expect((await page.textContent(".ex-error-text"))!.length).toBeGreaterThan(10);
      await page.selectOption("#ex-est", "ols");
      await page.fill("#ex-to", "2024");
      await page.dispatchEvent("#ex-to", "input");
      await page.waitForFunction(() => document.querySelector(".explorer")?.getAttribute("data-state") === "ok");

      // A malformed URL: the note lists what was ignored, as text; no markup from the URL; defaults used.
      const bad = "/explorer?fe=bogus&foo=<img src=x onerror=alert(1)>&yr=abc";
      await visit(page, s.url(bad), problems);
      await ready(page);
      expect(await page.isVisible(".ex-ignored")).toBe(true);
      const note = (await page.textContent(".ex-ignored"))!;
      expect(note).toContain("fe=bogus");
      expect(note).toContain("foo=<img src=x onerror=alert(1)>");
      expect(note).toContain("yr=abc");
      expect(await page.$$eval("img", (imgs) => imgs.length)).toBe(0);
      expect(await coefOf(page, "dstri")).toBe(base);
      expect(new URL(page.url()).searchParams.get("fe")).toBe("both");
      await screenshot(page, "explorer-malformed");

      // A customs CSV adds the regional outcome; choosing it re-estimates on lnexport_zj.
      const isos = partners.map((p) => p.iso3);
      // Not a pure partner x year product: an outcome the fixed effects explain exactly is an error (issue #13).
      const csv = ["region,partner_iso3,year,exports_usd", ...isos.flatMap((c, i) => [2014, 2015, 2016, 2017, 2018, 2019].map((y) => `zj,${c},${y},${1e6 * (1 + i) * (1 + (y - 2014) * 0.1) * (1 + 0.05 * ((i * 7 + y) % 5))}`))].join("\n");
      await visit(page, s.url("/explorer"), problems);
      await ready(page);
      await page.setInputFiles("#ex-customs", {name: "zj.csv", mimeType: "text/csv", buffer: Buffer.from(csv)});
      await page.waitForSelector('#ex-y option[value="lnexport_zj"]', {state: "attached"});
      await page.selectOption("#ex-y", "lnexport_zj");
      await page.waitForFunction(() => new URL(location.href).searchParams.get("y") === "lnexport_zj");
      expect(await page.getAttribute(".explorer", "data-state")).toBe("ok");
      expect(await page.textContent(".ex-table caption")).toContain("Zhejiang");

      expect(dialogs).toEqual([]);
      expect(problems).toEqual([]);
    }, dist);
  });

  it("gives the Chinese page's downloads Chinese headings, with the same numbers as the English ones", async () => {
    await withBrowser(async (s) => {
      const texts: Record<string, Record<string, string>> = {};
      for (const lang of ["en", "zh"]) {
        const page = await s.newPage();
        const problems = watch(page, s.origin);
        await visit(page, s.url(`/explorer?lang=${lang}`), problems);
        await ready(page);
        texts[lang] = {};
        for (const format of ["latex", "csv"]) {
          const [download] = await Promise.all([page.waitForEvent("download"), page.click(`.ex-downloads button[data-format="${format}"]`)]);
          texts[lang][format] = readFileSync((await download.path())!, "utf8");
        }
        expect(problems).toEqual([]);
        await page.close();
      }
      expect(texts.zh.csv.split("\n")[0]).toBe("项目,估计值,标准误,统计量,p值,说明");
      expect(texts.en.csv.split("\n")[0]).toBe("term,estimate,std_error,statistic,p_value,note");
      // Same rows of numbers below the header.
      expect(texts.zh.csv.split("\n")[1]).toBe(texts.en.csv.split("\n")[1]);
      expect(texts.zh.latex).toContain("观测值 &");
      expect(texts.zh.latex).toContain("% 括号内为标准误");
      expect(texts.zh.latex).not.toMatch(/Observations|Standard errors/);
      expect(texts.en.latex).toContain("Observations &");
    }, dist);
  });

  it("says how many partners identify the key coefficient, and flags fewer than 5 (issue 24)", async () => {
    await withBrowser(async (s) => {
      const page = await s.newPage();
      const problems = watch(page, s.origin);
      await visit(page, s.url("/explorer"), problems);
      await page.waitForSelector('[data-testid="ex-changers"]');
      expect(await page.textContent('[data-testid="ex-changers"]')).toMatch(/^Identified by 30 of 42 partners: for the others, DSTRI \(overall\) never changes/);
      await visit(page, s.url("/explorer?x=dstri_etrans&lang=zh"), problems);
      await page.waitForSelector('[data-testid="ex-changers"].ex-few');
      expect(await page.textContent('[data-testid="ex-changers"]')).toMatch(/^由 42 个伙伴中的 3 个识别.*应看置换检验/);
      expect(problems).toEqual([]);
    });
  });
});
