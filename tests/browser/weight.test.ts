// #12 "speed for readers", measured on the built site served by scripts/serve.js, each page cold (fresh context):
// at most 60 requests a page; compressed responses; the home page's bytes before its first chart within 500 KB;
// DuckDB-wasm (34 MB) never downloaded by pages that do not query; unknown URLs get the styled 404 page.
// Times are printed for the report, and only held to the budget loosely (the machine is shared).
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {openSession, sitePages, type Session} from "./harness.js";
import {measurePage, type PageWeight} from "./measure.js";

/**
 * Pages allowed to download DuckDB on arrival: none. The customs page should load it only when a file is chosen;
 * that change belongs to #13 (lazy loading), so it is exempt here until it lands (then empty this set).
 */
const QUERYING = new Set<string>(["/customs"]);

let session: Session & {close(): Promise<void>};
const weights = new Map<string, PageWeight>();

beforeAll(async () => {
  session = await openSession();
  for (const path of sitePages()) {
    const context = await session.browser.newContext({viewport: {width: 1280, height: 900}});
    try {
      weights.set(path, await measurePage(await context.newPage(), session.origin, path));
    } finally {
      await context.close();
    }
  }
  const kb = (n: number | null) => (n === null ? "-" : `${(n / 1024).toFixed(0)} KB`);
  console.log([...weights.values()].map((w) =>
    `${w.path}: ${w.requests} requests, ${kb(w.transferred)} on the wire (${kb(w.decoded)} decoded), ${kb(w.beforeFirstChart)} before the first chart at ${w.firstChartMs ?? "-"} ms, main thread ${w.mainThreadMs} ms, DuckDB ${w.duckdb ? "yes" : "no"}`
  ).join("\n"));
}, 600_000);
afterAll(async () => session?.close());

describe("page weight", () => {
  it("no page makes more than 60 requests", () => {
    expect(weights.size).toBeGreaterThanOrEqual(9);
    for (const w of weights.values()) expect(w.requests, w.path).toBeLessThanOrEqual(60);
  });

  it("every text or wasm response over 1 KB comes compressed", () => {
    for (const w of weights.values()) expect(w.uncompressed, w.path).toEqual([]);
    for (const w of weights.values()) if (w.decoded > 20_000) expect(w.transferred, w.path).toBeLessThan(w.decoded * 0.6);
  });

  it("the home page moves at most 500 KB before its first chart", () => {
    const home = weights.get("/")!;
    expect(home.firstChartMs).not.toBeNull();
    expect(home.beforeFirstChart!).toBeLessThanOrEqual(500 * 1024);
    // The budget is 1 s on an idle machine; CI machines are shared, so only a gross regression fails here.
    expect(home.firstChartMs!).toBeLessThan(15_000);
  });

  it("pages that do not query never download DuckDB", () => {
    for (const w of weights.values()) if (!QUERYING.has(w.path)) expect(w.duckdb, w.path).toBe(false);
  });
});

describe("404", () => {
  it("an unknown URL gets the bilingual 404 page, status 404, linking home, in both languages", async () => {
    const page = await session.newPage();
    for (const lang of ["en", "zh"]) {
      const res = await page.goto(session.url(`/no/such/page?lang=${lang}`), {waitUntil: "load"});
      expect(res?.status()).toBe(404);
      expect(res?.headers()["content-type"]).toBe("text/html; charset=utf-8");
      const visible = page.locator(lang === "zh" ? ".lang-zh" : ".lang-en").first();
      await expect.poll(() => visible.isVisible()).toBe(true);
      const text = await visible.innerText();
      expect(text).toMatch(lang === "zh" ? /找不到这个页面/ : /This page does not exist/);
      const home = visible.locator("a.home");
      expect(new URL(await home.evaluate((a) => (a as HTMLAnchorElement).href)).pathname).toBe("/");
      // Styled: the site's stylesheet applies (relative asset paths work from a nested unknown URL).
      expect(await page.evaluate(() => getComputedStyle(document.body).fontFamily)).not.toMatch(/^"?Times/);
    }
    await page.close();
  });
});
