/**
 * Reusable browser-test harness: serves dist/ on a free local port, drives Debian's Chromium through
 * playwright-core, and collects everything that counts as a page failure.
 *
 *   await withBrowser(async (b) => {
 *     const page = await b.newPage();
 *     const report = await visit(page, b.url("/data"));
 *     expect(report.problems).toEqual([]);
 *   });
 *
 * A "problem" is: a console error (or a warning that reads like an error), an uncaught page error, a
 * Framework error cell (`.observablehq--error`), a failed or 4xx/5xx request, or any request to a host
 * other than the local server (the site must make no third-party request).
 */
import {mkdtempSync, readdirSync, rmSync, mkdirSync} from "node:fs";
import {tmpdir} from "node:os";
import {join, relative, resolve, sep} from "node:path";
import type {AddressInfo} from "node:net";
import type {Server} from "node:http";
import {chromium, type Browser, type BrowserContext, type Page} from "playwright-core";
// @ts-expect-error scripts/serve.js is plain JavaScript without type declarations.
import {serve} from "../../scripts/serve.js";

/** The built site under test: dist/, or $DTB_DIST (e.g. a private copy while others rebuild dist/). */
export const DIST = resolve(process.env.DTB_DIST ?? resolve(import.meta.dirname, "../../dist"));
export const SCREENSHOTS = resolve(import.meta.dirname, "screenshots");

// DTB_CHROMIUM_EXTRA adds space-separated flags for diagnostics, e.g. DTB_CHROMIUM_EXTRA=--js-flags=--single-threaded
// when asking whether V8's background threads slow the multiverse's workers (bench/multiverse-browser.ts).
const CHROMIUM_ARGS = [
  "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync"
];

export interface Session {
  browser: Browser;
  context: BrowserContext;
  /** Origin of the local server, e.g. http://127.0.0.1:41234 */
  origin: string;
  /** Absolute URL of a site path (under the session's base path, "/" unless served under a sub-path). */
  url(path: string): string;
  newPage(): Promise<Page>;
}

export interface VisitReport {
  url: string;
  problems: string[];
  /** Milliseconds from navigation start to the first chart (`figure svg`), or null if the page has none. */
  firstChartMs: number | null;
  /** Milliseconds from navigation start until rendering settled. */
  settledMs: number;
}

export interface SessionOptions {
  /** Serve the site under this sub-path (e.g. "/a/b/", as GitHub Pages does); default "/". */
  base?: string;
  /**
   * Service workers: blocked by default, so that the other tests see the network as a first-time reader does and
   * do not each download the offline cache (15 MB); the offline test allows them.
   */
  serviceWorkers?: "allow" | "block";
}

/** Start the static server on 127.0.0.1 with a free port. */
export async function startServer(dir = DIST, base = "/"): Promise<{server: Server; origin: string}> {
  const server: Server = await serve(dir, {port: 0, host: "127.0.0.1", base});
  const {port} = server.address() as AddressInfo;
  return {server, origin: `http://127.0.0.1:${port}`};
}

/**
 * Start a server, a fresh browser profile and context. Call `close()` when done (e.g. in afterAll);
 * `withBrowser` does both for a single callback.
 */
export async function openSession(dir = DIST, options: SessionOptions = {}): Promise<Session & {close(): Promise<void>; stopServer(): Promise<void>}> {
  const base = "/" + (options.base ?? "/").replace(/^\/+|\/+$/g, "");
  const {server, origin} = await startServer(dir, base);
  const sockets = new Set<import("node:net").Socket>();
  server.on("connection", (s) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  let serverOpen = true;
  const stopServer = async () => {
    if (!serverOpen) return;
    serverOpen = false;
    const closed = new Promise((ok) => server.close(ok));
    for (const s of sockets) s.destroy();
    await closed;
  };
  const profile = mkdtempSync(join(tmpdir(), "dtb-chromium-"));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [...CHROMIUM_ARGS, ...(process.env.DTB_CHROMIUM_EXTRA ? process.env.DTB_CHROMIUM_EXTRA.split(" ") : [])],
      viewport: {width: 1280, height: 900},
      serviceWorkers: options.serviceWorkers ?? "block"
    });
  } catch (error) {
    await stopServer();
    rmSync(profile, {recursive: true, force: true});
    throw error;
  }
  return {
    browser: context.browser() as Browser,
    context,
    origin,
    url: (path) => new URL(path.startsWith("/") && base !== "/" ? base + path : path, origin).href,
    newPage: () => context.newPage(),
    /** Stop the local server (every open connection too): from then on nothing answers but the browser's caches. */
    stopServer,
    async close() {
      await context.close();
      await stopServer();
      rmSync(profile, {recursive: true, force: true});
    }
  };
}

/** Run `fn` with a fresh server, browser and context; everything is closed afterwards, even on failure. */
export async function withBrowser<T>(fn: (session: Session) => Promise<T>, dir = DIST, options: SessionOptions = {}): Promise<T> {
  const session = await openSession(dir, options);
  try {
    return await fn(session);
  } finally {
    await session.close();
  }
}

const FIRST_CHART_SCRIPT = `(() => {
  const observer = new MutationObserver(() => {
    if (window.__firstChart === undefined && document.querySelector("figure svg")) {
      window.__firstChart = performance.now();
      observer.disconnect();
    }
  });
  observer.observe(document, {childList: true, subtree: true});
})();`;

/** Start recording problems on a page; returns the live list. Call before navigating. */
export function watch(page: Page, origin: string): string[] {
  const problems: string[] = [];
  const local = new URL(origin).host;
  // Timestamp the first chart in the page itself (performance.now() counts from navigation start).
  // Passed as a string: a function would be serialised with the transpiler's helpers (e.g. tsx's __name).
  void page.addInitScript(FIRST_CHART_SCRIPT);
  page.on("console", (msg) => {
    const text = msg.text();
    if (msg.type() === "error") problems.push(`console error: ${text}${msg.location()?.url ? ` (${msg.location().url})` : ""}`);
    else if (msg.type() === "warning" && /error|fail|uncaught/i.test(text)) problems.push(`console warning: ${text}`);
  });
  page.on("pageerror", (err) => problems.push(`page error: ${err.message}`));
  page.on("request", (req) => {
    const u = new URL(req.url());
    if ((u.protocol === "http:" || u.protocol === "https:" || u.protocol === "ws:" || u.protocol === "wss:") && u.host !== local) {
      problems.push(`third-party request: ${req.url()}`);
    }
  });
  page.on("requestfailed", (req) => {
    // Navigations away, aborted by the test itself, are not site failures.
    const why = req.failure()?.errorText ?? "failed";
    if (why !== "net::ERR_ABORTED" || !req.isNavigationRequest()) problems.push(`request failed (${why}): ${req.url()}`);
  });
  page.on("response", (res) => {
    if (res.status() >= 400) problems.push(`HTTP ${res.status()}: ${res.url()}`);
  });
  return problems;
}

/** Wait until the network is idle and Framework has no loading cells left. */
export async function settle(page: Page, timeout = 60_000): Promise<void> {
  await page.waitForLoadState("networkidle", {timeout});
  await page.waitForFunction(() => !document.querySelector(".observablehq--loading"), undefined, {timeout});
  // Components may render one frame later (e.g. after a resize observer); let them.
  await page.waitForTimeout(100);
}

/** Framework error cells, as text. */
export async function errorCells(page: Page): Promise<string[]> {
  return page.$$eval(".observablehq--error", (els) => els.map((e) => `error cell: ${e.textContent?.trim()}`));
}

/**
 * Navigate to `url`, wait for rendering, and return every problem seen plus timings.
 * Pass a `problems` list from an earlier `watch` to keep one list across several visits.
 */
export async function visit(page: Page, url: string, problems?: string[]): Promise<VisitReport> {
  const list = problems ?? watch(page, new URL(url).origin);
  const start = Date.now();
  await page.goto(url, {waitUntil: "domcontentloaded"});
  await settle(page);
  const t = await page.evaluate(() => (window as unknown as {__firstChart?: number}).__firstChart ?? null);
  const firstChartMs = t === null ? null : Math.round(t);
  list.push(...(await errorCells(page)));
  return {url, problems: list, firstChartMs, settledMs: Date.now() - start};
}

/** Site paths of every page in dist (from dist/**\/*.html), skipping `_`-prefixed directories. */
export function sitePages(dir = DIST): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, {withFileTypes: true})) {
      if (e.name.startsWith("_")) continue;
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith(".html")) out.push(p);
    }
  };
  walk(dir);
  return out
    .map((p) => "/" + relative(dir, p).split(sep).join("/").replace(/\.html$/, "").replace(/(^|\/)index$/, "$1"))
    .sort();
}

/** Save a full-page screenshot to tests/browser/screenshots/<name>.png and return its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, {recursive: true});
  const file = join(SCREENSHOTS, `${name.replace(/^\/+|\/+$/g, "").replace(/\//g, "_") || "index"}.png`);
  await page.screenshot({path: file, fullPage: true});
  return file;
}
