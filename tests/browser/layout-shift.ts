/**
 * Cumulative layout shift of the built site's pages (Chromium's layout-shift entries without recent input, summed
 * over the first 5 s after navigation), in both languages at 1280 and 390 px: `npx tsx tests/browser/layout-shift.ts
 * [path ...]` prints a table; tests/browser/layout-shift.test.ts holds pages to <= 0.1. The worst shifts' sources
 * are listed, so a page's author sees which block to reserve space for.
 */
import type {Page} from "playwright-core";
import {openSession, sitePages, type Session} from "./harness.js";

export interface ShiftReport {
  path: string;
  lang: "en" | "zh";
  width: number;
  cls: number;
  /** The largest shifts: value and the elements that moved. */
  worst: Array<{value: number; at: number; sources: string[]}>;
}

const OBSERVER = `(() => {
  window.__shifts = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (e.hadRecentInput) continue;
      window.__shifts.push({value: e.value, at: Math.round(e.startTime), sources: (e.sources || []).map((s) => {
        const n = s.node;
        if (!n || n.nodeType !== 1) return n ? "#text" : "?";
        return n.tagName.toLowerCase() + (n.id ? "#" + n.id : "") + (typeof n.className === "string" && n.className ? "." + n.className.trim().split(/\\s+/).slice(0, 2).join(".") : "");
      })});
    }
  }).observe({type: "layout-shift", buffered: true});
})();`;

export async function measureShift(session: Session, page: Page, path: string, lang: "en" | "zh", width: number, windowMs = 5000): Promise<ShiftReport> {
  await page.setViewportSize({width, height: width <= 400 ? 844 : 900});
  await page.goto(session.url(`${path}?lang=${lang}`), {waitUntil: "domcontentloaded"});
  await page.waitForFunction((ms) => performance.now() >= ms, windowMs, {timeout: windowMs + 60_000, polling: 100});
  const shifts = (await page.evaluate(() => (window as unknown as {__shifts: ShiftReport["worst"]}).__shifts)) ?? [];
  const early = shifts.filter((s) => s.at <= windowMs);
  return {path, lang, width, cls: early.reduce((a, s) => a + s.value, 0), worst: [...early].sort((a, b) => b.value - a.value).slice(0, 3)};
}

/** Measure `paths` (default: every page) in both languages at both widths, `parallel` pages at a time. */
export async function measureAll(paths = sitePages(), parallel = 3): Promise<ShiftReport[]> {
  const s = await openSession();
  try {
    const jobs: Array<[string, "en" | "zh", number]> = [];
    for (const p of paths) for (const lang of ["en", "zh"] as const) for (const w of [1280, 390]) jobs.push([p, lang, w]);
    const out: ShiftReport[] = [];
    await Promise.all(Array.from({length: parallel}, async () => {
      const page = await s.newPage();
      await page.addInitScript(OBSERVER);
      for (let job = jobs.shift(); job; job = jobs.shift()) out.push(await measureShift(s, page, ...job));
      await page.close();
    }));
    return out.sort((a, b) => a.path.localeCompare(b.path) || a.lang.localeCompare(b.lang) || b.width - a.width);
  } finally {
    await s.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  (async () => {
    const paths = process.argv.slice(2);
    const rows = await measureAll(paths.length ? paths : undefined);
    for (const r of rows) console.log(`${r.path.padEnd(34)} ${r.lang} ${String(r.width).padStart(4)}  CLS ${r.cls.toFixed(3)}  ${r.cls > 0.1 ? JSON.stringify(r.worst.map((w) => [w.value.toFixed(3), w.at, w.sources.slice(0, 3).join(" ")])) : ""}`);
  })();
}
