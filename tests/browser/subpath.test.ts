/**
 * Hosted anywhere (issue 19): the built site served under a sub-path, as GitHub Pages serves a project site
 * (https://host/org/repo/). dist/ is served under /a/b/ only (anything else is 404) and crawled from /a/b/:
 * every same-origin link found on a page is followed, and a link, asset, data file or worker script that fails
 * or leaves /a/b/ is a failure. The notebook runs a SQL cell (DuckDB's worker and engine) and a lesson runs its
 * Monte Carlo worker, so workers are loaded under the sub-path too.
 */
import {expect, it} from "vitest";
import {encodeNotebook} from "../../src/lib/notebook/codec.js";
import {openSession, sitePages, visit, watch} from "./harness.js";

const BASE = "/a/b/";

it("serves every page, asset and worker under /a/b/ (crawl: no broken link, asset or worker)", async () => {
  const s = await openSession(undefined, {base: BASE});
  try {
    const page = await s.newPage();
    const problems = watch(page, s.origin);
    const outside: string[] = [];
    const workers: string[] = [];
    page.on("request", (req) => {
      const u = new URL(req.url());
      if (u.origin === s.origin && !u.pathname.startsWith(BASE)) outside.push(`${req.url()} (from ${page.url()})`);
    });
    page.on("worker", (w) => workers.push(w.url()));
    const seen = new Set<string>();
    const queue = [s.url("/")];
    while (queue.length) {
      const url = queue.shift()!;
      await visit(page, url, problems);
      const links = await page.$$eval("a[href]", (as) => as.map((a) => (a as HTMLAnchorElement).href));
      for (const href of links) {
        const u = new URL(href);
        if (u.origin !== s.origin || u.protocol === "blob:" || u.protocol === "data:") continue;
        if (!u.pathname.startsWith(BASE)) {
          outside.push(`link ${href} on ${url}`);
          continue;
        }
        // Downloads and files: fetched, not rendered.
        const key = u.pathname.replace(/\/index$/, "/");
        if (seen.has(key)) continue;
        seen.add(key);
        if (/\.[a-z0-9]+$/i.test(u.pathname) && !u.pathname.endsWith(".html")) {
          const res = await page.request.get(u.href);
          if (res.status() >= 400) problems.push(`HTTP ${res.status()}: ${u.href} (linked from ${url})`);
          continue;
        }
        queue.push(u.origin + u.pathname + "?lang=en");
      }
    }
    // Every built page was reached by following links from the home page.
    const reached = [...seen].filter((p) => !/\.[a-z0-9]+$/i.test(p)).map((p) => "/" + p.slice(BASE.length)).sort();
    expect(reached).toEqual(expect.arrayContaining(sitePages().filter((p) => p !== "/404")));
    // Workers under the sub-path: DuckDB's (a notebook SQL cell) and a lesson's Monte Carlo lab.
    const hash = await encodeNotebook({v: 1, panel: {id: "iso3", time: "year"}, cells: [{type: "sql", name: "t", sql: "SELECT count(*) AS n FROM panel"}]});
    await page.goto(s.url(`/notebook?lang=en#nb=${hash}`), {waitUntil: "domcontentloaded"});
    await page.waitForSelector(".nb-app[data-ready=true]", {timeout: 120_000});
    expect(await page.locator(".nb-cell .nb-out .nb-meta").first().textContent()).toMatch(/^t: 1 rows? × 1 column/);
    console.info(`sub-path crawl: ${seen.size} URLs under ${BASE}; workers started: ${workers.map((w) => new URL(w).pathname).join(", ")}`);
    expect(workers.some((w) => w.includes("duckdb-browser-eh.worker"))).toBe(true);
    expect(workers.every((w) => new URL(w).pathname.startsWith(BASE) || w.startsWith("blob:"))).toBe(true);
    expect(outside).toEqual([]);
    expect(problems).toEqual([]);
  } finally {
    await s.close();
  }
}, 600_000);
