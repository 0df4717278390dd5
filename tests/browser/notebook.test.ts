/**
 * The notebook page in Chromium, from the built site:
 * - a notebook with SQL, model, chart and text cells runs from a URL (no console error, no request
 *   to another host); cold time to the first SQL result and the bytes loaded before DuckDB are printed;
 * - a SQL error shows under its cell and the other cells still run; SQL cannot reach the network;
 * - hostile links (malformed, oversized, script in cell text, unknown cell type) are refused or shown
 *   as text, and nothing in them executes.
 */
import {resolve} from "node:path";
import {describe, expect, it} from "vitest";
import type {Page} from "playwright-core";
import {encodeNotebook} from "../../src/lib/notebook/codec.js";
import type {Notebook} from "../../src/lib/notebook/cells.js";
import {screenshot, visit, watch, withBrowser} from "./harness.js";

const PANEL = {id: "iso3", time: "year"};

const FULL: Notebook = {
  v: 1,
  panel: PANEL,
  cells: [
    {type: "text", md: "## My analysis\nA **first** look at recent years."},
    {type: "sql", name: "recent", sql: "SELECT iso3, year, lnexport_cn, dstri, lngdp, lnpopu, oecd FROM panel WHERE year >= 2014 AND dstri IS NOT NULL"},
    {type: "model", models: "feols(lnexport_cn ~ dstri + lngdp | iso3 + year, vcov = ~iso3)\nfeols(lnexport_cn ~ dstri + dstri:lngdp + lngdp | iso3 + year, data = recent, vcov = ~iso3)"},
    {type: "chart", table: "recent", mark: "dot", x: "dstri", y: "lnexport_cn", color: "oecd", facet: ""}
  ]
};

async function ready(page: Page): Promise<void> {
  await page.waitForSelector(".nb-app[data-ready=true]", {timeout: 120_000});
}

const cellOut = (page: Page, i: number) => page.locator(".nb-cell").nth(i).locator(".nb-out");

describe("notebook page", () => {
  it("runs a notebook with SQL, model, chart and text cells from a URL", async () => {
    const hash = await encodeNotebook(FULL);
    await withBrowser(async (s) => {
      const page = await s.newPage();
      const problems = watch(page, s.origin);
      const bytes: Array<{url: string; size: number; at: number}> = [];
      page.on("requestfinished", async (req) => {
        const sizes = await req.sizes().catch(() => null);
        bytes.push({url: req.url(), size: sizes ? sizes.responseBodySize + sizes.responseHeadersSize : 0, at: Date.now()});
      });
      await page.goto(s.url(`/notebook?lang=en#nb=${hash}`), {waitUntil: "domcontentloaded"});
      await ready(page);
      await page.waitForLoadState("networkidle");
      expect(problems).toEqual([]);
      // text
      await expect(cellOut(page, 0).locator("h2").textContent()).resolves.toBe("My analysis");
      // SQL: count, types, summary, rows
      const meta = await cellOut(page, 1).locator(".nb-meta").first().textContent();
      expect(meta).toMatch(/^recent: \d+ rows × 7 columns/);
      expect(await cellOut(page, 1).locator(".nb-type").allTextContents()).toContain("DOUBLE");
      expect(await cellOut(page, 1).locator(".nb-summary tbody tr").count()).toBe(7);
      // model: side-by-side table with both models and fixest names
      const etable = cellOut(page, 2).locator("table.nb-etable");
      expect(await etable.locator("thead th").allTextContents()).toEqual(["", "(1)", "(2)"]);
      const terms = await etable.locator("tbody th").allTextContents();
      expect(terms).toEqual(expect.arrayContaining(["dstri", "lngdp", "dstri:lngdp", "iso3 FE", "year FE", "Observations"]));
      expect(await cellOut(page, 2).locator(".nb-error").count()).toBe(0);
      // chart with a text alternative
      expect(await cellOut(page, 3).locator("figure svg").count()).toBeGreaterThan(0);
      expect(await cellOut(page, 3).locator("svg[role=img]").getAttribute("aria-label")).toMatch(/^Scatter plot of lnexport_cn against dstri from table recent/);
      const t = await page.evaluate(() => window.__notebook);
      const duckBytes = bytes.filter((b) => /duckdb/.test(b.url)).reduce((a, b) => a + b.size, 0);
      console.info(`notebook cold: first SQL result at ${Math.round(t!.firstSqlMs!)} ms after navigation start (DuckDB ready at ${Math.round(t!.duckStartMs!)} ms; steps ${JSON.stringify(Object.fromEntries(Object.entries(t!.marks).map(([k, v]) => [k, Math.round(v)])))}); DuckDB files ${(duckBytes / 1e6).toFixed(1)} MB`);
      // WCAG 2.1 AA (axe-core from node_modules) on the notebook with every kind of output.
      await page.addScriptTag({path: resolve(import.meta.dirname, "../../node_modules/axe-core/axe.min.js")});
      const violations = await page.evaluate(async () => {
        const axe = (window as unknown as {axe: {run: (ctx: unknown, o: unknown) => Promise<{violations: Array<{id: string; nodes: Array<{target: string[]}>}>}>}}).axe;
        const r = await axe.run({include: [[".nb-app"]]}, {runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}});
        return r.violations.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", ")}`);
      });
      expect(violations).toEqual([]);
      await screenshot(page, "notebook-full-en");
    });
  }, 240_000);

  it("loads no DuckDB before the first SQL cell; models on panel run without it", async () => {
    const nb: Notebook = {v: 1, panel: PANEL, cells: [{type: "text", md: "Only text"}, {type: "model", models: "lnexport_cn ~ dstri + lngdp | iso3 + year"}]};
    const hash = await encodeNotebook(nb);
    await withBrowser(async (s) => {
      const page = await s.newPage();
      const problems = watch(page, s.origin);
      const loaded: Array<{url: string; size: number}> = [];
      page.on("requestfinished", async (req) => {
        const sizes = await req.sizes().catch(() => null);
        loaded.push({url: req.url(), size: sizes ? sizes.responseBodySize + sizes.responseHeadersSize : 0});
      });
      await visit(page, s.url(`/notebook?lang=zh#nb=${hash}`), problems);
      await ready(page);
      await page.waitForLoadState("networkidle");
      expect(problems).toEqual([]);
      // The DuckDB JS module (tens of kB) may be preloaded; its wasm, worker and the SQL tables are not.
      // (The notebook's own model worker, workers/notebook.js, is expected: the model runs in it.)
      expect(loaded.filter((r) => /\.wasm|duckdb-browser-eh\.worker|notebook\/(dstri|wdi|exports)/.test(r.url))).toEqual([]);
      expect(loaded.some((r) => /_file\/workers\/notebook\.[0-9a-f]+\.js/.test(r.url))).toBe(true);
      const duckJs = loaded.filter((r) => /duckdb/.test(r.url)).reduce((a, b) => a + b.size, 0);
      expect(await cellOut(page, 1).locator("table.nb-etable").count()).toBe(1);
      const total = loaded.reduce((a, b) => a + b.size, 0);
      console.info(`notebook page weight before DuckDB: ${(total / 1024).toFixed(0)} kB in ${loaded.length} requests (panel model estimated; of which DuckDB JS module ${(duckJs / 1024).toFixed(0)} kB)`);
      await screenshot(page, "notebook-model-zh");
    });
  }, 240_000);

  it("a SQL error shows under its cell; other cells keep working; SQL cannot reach the network", async () => {
    const nb: Notebook = {
      v: 1,
      panel: PANEL,
      cells: [
        {type: "sql", name: "bad", sql: "SELECT nope FROM panel"},
        {type: "sql", name: "net", sql: "SELECT * FROM read_csv('http://example.com/x.csv')"},
        {type: "model", models: "lnexport_cn ~ dstri | iso3\nlnexport_cn ~ dstri + ) | iso3"},
        {type: "sql", name: "good", sql: "SELECT count(*) AS n FROM dstri"},
        {type: "chart", table: "bad", mark: "line", x: "year", y: "nope", color: "", facet: ""},
        {type: "text", md: "still *here*"}
      ]
    };
    const hash = await encodeNotebook(nb);
    await withBrowser(async (s) => {
      const page = await s.newPage();
      const problems = watch(page, s.origin);
      await page.goto(s.url(`/notebook?lang=en#nb=${hash}`), {waitUntil: "domcontentloaded"});
      await ready(page);
      await page.waitForLoadState("networkidle");
      const err0 = await cellOut(page, 0).locator(".nb-error").textContent();
      expect(err0).toMatch(/nope/);
      expect(err0!.split("\n")).toHaveLength(1);
      expect(await cellOut(page, 1).locator(".nb-error").textContent()).toMatch(/external access|disabled|not allowed|Permission/i);
      expect(await cellOut(page, 2).locator(".nb-error").textContent()).toBe("(2) formula: unexpected ')' (expected a column name) at character 23");
      expect(await cellOut(page, 2).locator("table.nb-etable").count()).toBe(1);
      expect(await cellOut(page, 3).locator(".nb-meta").first().textContent()).toMatch(/^good: 1 rows × 1 columns/);
      expect(await cellOut(page, 4).locator(".nb-error").textContent()).toMatch(/no table named 'bad'/);
      expect(await cellOut(page, 5).locator("em").textContent()).toBe("here");
      expect(problems.filter((p) => !/^console (error|warning)/.test(p))).toEqual([]);
      expect(problems.filter((p) => /third-party/.test(p))).toEqual([]);
      await screenshot(page, "notebook-errors-en");
    });
  }, 240_000);

  it("hostile links are refused with a message and never execute anything", async () => {
    const scripty: Notebook = {
      v: 1,
      panel: PANEL,
      cells: [
        {
          type: "text",
          md: '<script>window.__pwned = 1</script>\n\n<img src="http://example.com/x.png" onerror="window.__pwned = 2">\n\n[click](javascript:window.__pwned=3) ![pic](http://example.com/p.png) <a href="#" onclick="window.__pwned=4">a</a>'
        }
      ]
    };
    const hostile = [
      ["malformed", "#nb=%%%<script>"],
      ["not deflate", "#nb=QUFBQUFBQUFBQUFB"],
      ["oversized", "#nb=" + "A".repeat(30000)]
    ];
    await withBrowser(async (s) => {
      for (const [label, hash] of hostile) {
        const page = await s.newPage();
        const problems = watch(page, s.origin);
        await page.goto(s.url(`/notebook?lang=en${hash}`), {waitUntil: "domcontentloaded"});
        await ready(page);
        const banner = await page.locator(".nb-banner").textContent();
        expect(banner, label).toMatch(/^This link's notebook was refused: notebook link: /);
        expect(problems, label).toEqual([]);
        await page.close();
      }
      const page = await s.newPage();
      const problems = watch(page, s.origin);
      await page.goto(s.url(`/notebook?lang=en#nb=${await encodeNotebook(scripty)}`), {waitUntil: "domcontentloaded"});
      await ready(page);
      await page.waitForTimeout(300);
      const md = cellOut(page, 0).locator(".nb-md");
      expect(await md.textContent()).toContain("<script>window.__pwned = 1</script>");
      expect(await md.locator("script, img, [onerror], [onclick]").count()).toBe(0);
      const js = md.locator("a", {hasText: "click"});
      expect(await js.getAttribute("href")).toBeNull();
      await js.click();
      for (const href of await md.locator("a").evaluateAll((as) => as.map((a) => a.getAttribute("href")))) expect(href ?? "").not.toMatch(/^javascript:/i);
      expect(await page.evaluate(() => (window as unknown as {__pwned?: number}).__pwned)).toBeUndefined();
      expect(problems).toEqual([]);
      // An unknown cell type (e.g. raw HTML) is refused as a whole.
      const raw = btoa(String.fromCharCode(...(await deflate(JSON.stringify({v: 1, panel: PANEL, cells: [{type: "html", html: "<script>window.__pwned=5</script>"}]})))))
        .replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
      const p2 = await s.newPage();
      const problems2 = watch(p2, s.origin);
      await p2.goto(s.url(`/notebook?lang=en#nb=${raw}`), {waitUntil: "domcontentloaded"});
      await ready(p2);
      expect(await p2.locator(".nb-banner").textContent()).toMatch(/refused: notebook link: cells\[0\]\.type must be one of sql, model, chart, text/);
      expect(await p2.evaluate(() => (window as unknown as {__pwned?: number}).__pwned)).toBeUndefined();
      expect(problems2).toEqual([]);
    });
  }, 240_000);
});

async function deflate(text: string): Promise<Uint8Array> {
  const s = new Blob([text]).stream().pipeThrough(new CompressionStream("deflate-raw"));
  return new Uint8Array(await new Response(s).arrayBuffer());
}
