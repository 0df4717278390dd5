/**
 * Page weight and speed as a reader's browser sees them, cold (fresh profile, empty cache) from the local server:
 * requests, bytes on the wire (Resource Timing `transferSize`: compressed bodies plus headers), bytes before the
 * first chart, the first chart's time from navigation start, and whether DuckDB-wasm was downloaded.
 * Used by weight.test.ts and, run directly (`npx tsx tests/browser/measure.ts [paths...]`), prints a table for
 * the report. Timings are reported, never asserted except against the generous budgets.
 */
import type {Page} from "playwright-core";
import {DIST, openSession, settle, sitePages} from "./harness.js";

export interface PageWeight {
  path: string;
  requests: number;
  /** Bytes on the wire for the whole page (navigation + every resource). */
  transferred: number;
  /** Bytes of the bodies once decoded (what the site would move without compression). */
  decoded: number;
  /** Bytes on the wire that finished before the first chart (null when the page draws no chart). */
  beforeFirstChart: number | null;
  firstChartMs: number | null;
  /**
   * Main-thread busy time of the whole load (Chrome's TaskDuration), ms: the CPU the page needs. On a shared,
   * overloaded machine `firstChartMs` is mostly waiting for a core; this says what an idle machine would pay.
   */
  mainThreadMs: number;
  /** DuckDB-wasm's engine (the 34 MB .wasm or its worker) was downloaded. */
  duckdb: boolean;
  /** Responses of text-like types (js, css, html, json, wasm, arrow, csv) that came back without compression. */
  uncompressed: string[];
}

const INIT = `(() => {
  performance.setResourceTimingBufferSize(5000);
  const observer = new MutationObserver(() => {
    if (window.__firstChart === undefined && document.querySelector("figure svg")) {
      window.__firstChart = performance.now();
      observer.disconnect();
    }
  });
  observer.observe(document, {childList: true, subtree: true});
})();`;

const MEASURE = `(() => {
  const nav = performance.getEntriesByType("navigation")[0];
  const res = performance.getEntriesByType("resource");
  const chart = window.__firstChart ?? null;
  const all = [nav, ...res];
  const sum = (list, key) => list.reduce((s, e) => s + e[key], 0);
  return {
    transferred: sum(all, "transferSize"),
    decoded: sum(all, "decodedBodySize"),
    before: chart === null ? null : sum(all.filter((e) => e.responseEnd <= chart), "transferSize"),
    chart,
    duckdb: res.some((e) => /duckdb[^/]*(\\.wasm|worker)/i.test(e.name))
  };
})()`;

const COMPRESSIBLE = /\.(js|css|html|json|wasm|arrow|csv|svg|txt)$|\/[^./]*$/;

/** Load `path` in `page` (a fresh context: nothing cached) and measure it. */
export async function measurePage(page: Page, origin: string, path: string): Promise<PageWeight> {
  await page.addInitScript(INIT);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Performance.enable");
  let requests = 0;
  let duckdb = false;
  const uncompressed: string[] = [];
  // Request events include those of the page's workers (DuckDB fetches its wasm from its worker, which the page's
  // Resource Timing does not list).
  page.on("request", (req) => {
    requests++;
    if (/duckdb[^/]*(\.wasm|worker)/i.test(req.url())) duckdb = true;
  });
  page.on("response", async (res) => {
    const url = new URL(res.url());
    if (url.origin !== origin || res.status() !== 200) return;
    const headers = await res.allHeaders();
    const size = Number(headers["content-length"] ?? 0);
    if (!headers["content-encoding"] && COMPRESSIBLE.test(url.pathname) && size > 1024) uncompressed.push(url.pathname);
  });
  await page.goto(origin + path, {waitUntil: "domcontentloaded"});
  await settle(page);
  // A string, not a function: tsx would serialise a function with its own helpers (__name), unknown in the page.
  const m = (await page.evaluate(MEASURE)) as {transferred: number; decoded: number; before: number | null; chart: number | null; duckdb: boolean};
  const {metrics} = (await cdp.send("Performance.getMetrics")) as {metrics: Array<{name: string; value: number}>};
  const mainThreadMs = Math.round(1000 * (metrics.find((x) => x.name === "TaskDuration")?.value ?? NaN));
  return {
    path, requests, mainThreadMs, transferred: m.transferred, decoded: m.decoded, beforeFirstChart: m.before,
    firstChartMs: m.chart === null ? null : Math.round(m.chart), duckdb: duckdb || m.duckdb, uncompressed
  };
}

/** Measure every page, each in a fresh browser context (cold). */
export async function measureSite(paths = sitePages(), dir = DIST): Promise<PageWeight[]> {
  const session = await openSession(dir);
  const out: PageWeight[] = [];
  try {
    for (const path of paths) {
      const context = await session.browser.newContext({viewport: {width: 1280, height: 900}});
      try {
        out.push(await measurePage(await context.newPage(), session.origin, path));
      } finally {
        await context.close();
      }
    }
  } finally {
    await session.close();
  }
  return out;
}

const kb = (n: number | null) => (n === null ? "-" : `${(n / 1024).toFixed(0)} KB`);

if (import.meta.url === `file://${process.argv[1]}`) {
  const paths = process.argv.slice(2);
  const rows = await measureSite(paths.length ? paths : undefined);
  console.log("| page | requests | transferred | decoded | before 1st chart | 1st chart | main thread | DuckDB |");
  console.log("|---|---|---|---|---|---|---|---|");
  for (const r of rows) {
    console.log(`| ${r.path} | ${r.requests} | ${kb(r.transferred)} | ${kb(r.decoded)} | ${kb(r.beforeFirstChart)} | ${r.firstChartMs ?? "-"} ms | ${r.mainThreadMs} ms | ${r.duckdb ? "yes" : "no"} |`);
  }
}
