/**
 * Offline after one visit (issue 19): a reader opens the home page once (the service worker, dist/sw.js, installs
 * and precaches the site) and runs one notebook SQL cell (DuckDB's engine is fetched once and kept). Then the
 * network goes away: the browser is set offline AND the local server is stopped, so nothing can answer but the
 * worker's caches. Every page of the site must open without a failed request, console error or error cell, and a
 * notebook SQL cell must run again. The site is served under a sub-path (/a/b/, as on GitHub Pages), so the
 * worker's scope and file list are proved there too.
 */
import {expect, it} from "vitest";
import type {Page} from "playwright-core";
import {encodeNotebook} from "../../src/lib/notebook/codec.js";
import {openSession, sitePages, settle, visit, watch} from "./harness.js";

const SQL_NOTEBOOK = {
  v: 1 as const,
  panel: {id: "iso3", time: "year"},
  cells: [{type: "sql" as const, name: "recent", sql: "SELECT iso3, year, dstri FROM panel WHERE year >= 2018"}]
};

async function runSqlNotebook(page: Page, url: string): Promise<string | null> {
  await page.goto(url, {waitUntil: "domcontentloaded"});
  await page.waitForSelector(".nb-app[data-ready=true]", {timeout: 120_000});
  return page.locator(".nb-cell").first().locator(".nb-out .nb-meta").first().textContent();
}

it("works offline after one visit: every page, and a notebook SQL cell", async () => {
  const s = await openSession(undefined, {serviceWorkers: "allow", base: "/a/b/"});
  try {
    const page = await s.newPage();
    const problems = watch(page, s.origin);
    await visit(page, s.url("/?lang=en"), problems);
    // The worker installs (precaching every file) and takes control of the page.
    const cached = await page.evaluate(async () => {
      const reg = await navigator.serviceWorker.ready;
      if (!navigator.serviceWorker.controller) await new Promise((ok) => navigator.serviceWorker.addEventListener("controllerchange", ok, {once: true}));
      const names = await caches.keys();
      let n = 0;
      for (const name of names) n += (await (await caches.open(name)).keys()).length;
      return {scope: reg.scope, names, n};
    });
    console.info(`service worker: scope ${cached.scope}, caches ${cached.names.join(", ")}, ${cached.n} entries`);
    expect(cached.n).toBeGreaterThan(100);
    expect(new URL(cached.scope).pathname).toBe("/a/b/");
    const hash = await encodeNotebook(SQL_NOTEBOOK);
    expect(await runSqlNotebook(page, s.url(`/notebook?lang=en#nb=${hash}`))).toMatch(/^recent: \d+ rows × 3 columns/);
    await page.waitForLoadState("networkidle");
    expect(problems).toEqual([]);
    // DuckDB's engine (not in the precache list) is now kept by the worker.
    const wasm = await page.evaluate(async () => (await (await caches.open("dtb-wasm")).keys()).map((r) => new URL(r.url).pathname));
    expect(wasm.some((p) => p.endsWith("/duckdb-eh.wasm")), wasm.join(", ")).toBe(true);

    // Offline: no network and no server.
    await s.context.setOffline(true);
    await s.stopServer();
    // The 404 page is served for missing URLs at any depth: its base is the build's DTB_BASE_PATH (scripts/base-path.js),
    // "/" here, so under /a/b/ it is not one of the pages a reader opens.
    const pages = sitePages().filter((p) => p !== "/404");
    expect(pages.length).toBeGreaterThan(10);
    for (const [i, path] of pages.entries()) {
      const lang = i % 2 ? "zh" : "en";
      const list = watch(page, s.origin);
      const report = await visit(page, s.url(`${path}?lang=${lang}`), list);
      expect(await page.getAttribute("html", "lang"), path).toBe(lang === "zh" ? "zh-CN" : "en");
      expect(await page.locator("h1").count(), `${path}: a heading`).toBeGreaterThan(0);
      expect(report.problems, `${path} offline`).toEqual([]);
      page.removeAllListeners("console");
      page.removeAllListeners("pageerror");
      page.removeAllListeners("request");
      page.removeAllListeners("requestfailed");
      page.removeAllListeners("response");
    }
    const list = watch(page, s.origin);
    expect(await runSqlNotebook(page, s.url(`/notebook?lang=zh#nb=${hash}`))).toMatch(/^recent\D+\d+/);
    await settle(page);
    expect(list).toEqual([]);
  } finally {
    await s.close();
  }
}, 600_000);
