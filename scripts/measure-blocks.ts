#!/usr/bin/env -S npx tsx
// Measures how much room each code block of each built page takes once drawn, in English and Chinese at 1280 and
// 390 px, and writes scripts/block-heights.json, which scripts/reserve-blocks.js (postbuild) turns into min-heights
// so that pages hold still while they load (issue 19; tests/browser/layout-shift.test.ts).
//
// A block's room is measured as the page lays it out: the footer's position with the block drawn, minus its
// position with the block's content hidden and a 1 px min-height (the state a reservation starts from, margins
// collapsing exactly as they will), plus that 1 px. Each page is measured after its blocks have settled and after
// the layout-shift window (5 s) has passed, with every reservation switched off.
// Usage, after `npm run build`: npx tsx scripts/measure-blocks.ts [path ...]   (default: every page; the measured
// pages replace their entries, the others are kept). Then `node scripts/reserve-blocks.js dist` or rebuild.
import {readFileSync, renameSync, writeFileSync, existsSync} from "node:fs";
import {resolve} from "node:path";
import type {Page} from "playwright-core";
import {openSession, settle, sitePages, type Session} from "../tests/browser/harness.js";

const OUT = resolve(import.meta.dirname, "block-heights.json");
const WIDTHS = [1280, 390] as const;
/** Blocks smaller than this are not worth a rule (a hidden language's block measures 0). */
const MIN_PX = 4;

type Heights = Record<string, Record<string, Record<string, number>>>;

const MEASURE = `(() => {
  document.documentElement.setAttribute("data-reserve", "off");
  const footer = document.querySelector("#observablehq-footer");
  const top = () => footer.getBoundingClientRect().top;
  const out = {};
  for (const block of document.querySelectorAll("#observablehq-main div.observablehq--block")) {
    const mark = [...block.childNodes].find((n) => n.nodeType === 8 && /^:[0-9a-f]{8}(?:-\\d+)?:$/.test(n.data));
    if (!mark) continue;
    const drawn = top();
    const saved = [...block.children].map((c) => [c, c.style.display]);
    const minHeight = block.style.minHeight;
    for (const [c] of saved) c.style.display = "none";
    block.style.minHeight = "1px";
    const empty = top();
    for (const [c, d] of saved) c.style.display = d;
    block.style.minHeight = minHeight;
    out[mark.data.slice(1, -1)] = Math.round(drawn - empty + 1);
  }
  return out;
})()`;

async function measure(session: Session, page: Page, path: string, lang: "en" | "zh", width: number): Promise<Record<string, number>> {
  await page.setViewportSize({width, height: width <= 400 ? 844 : 900});
  await page.goto(session.url(`${path}?lang=${lang}`), {waitUntil: "domcontentloaded"});
  await settle(page, 90_000).catch(() => undefined);
  await page.waitForFunction(() => performance.now() >= 6000, undefined, {timeout: 60_000, polling: 200});
  return page.evaluate(MEASURE) as Promise<Record<string, number>>;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  (async () => {
    const only = process.argv.slice(2);
    const paths = only.length ? only : sitePages();
    const all: Heights = existsSync(OUT) ? JSON.parse(readFileSync(OUT, "utf8")) : {};
    const fresh: Heights = {};
    const jobs: Array<[string, "en" | "zh", number]> = [];
    for (const p of paths) for (const lang of ["en", "zh"] as const) for (const w of WIDTHS) jobs.push([p, lang, w]);
    const session = await openSession();
    try {
      await Promise.all(Array.from({length: 3}, async () => {
        const page = await session.newPage();
        for (let job = jobs.shift(); job; job = jobs.shift()) {
          const [path, lang, width] = job;
          const heights = await measure(session, page, path, lang, width);
          for (const [id, px] of Object.entries(heights)) {
            if (px < MIN_PX) continue;
            ((fresh[path] ??= {})[id] ??= {})[`${lang}-${width}`] = px;
          }
          console.log(`${path} ${lang} ${width}px: ${Object.values(heights).filter((px) => px >= MIN_PX).length} blocks`);
        }
        await page.close();
      }));
    } finally {
      await session.close();
    }
    for (const p of paths) {
      if (fresh[p]) all[p] = Object.fromEntries(Object.entries(fresh[p]).sort(([a], [b]) => a.localeCompare(b)));
      else delete all[p];
    }
    const sorted = Object.fromEntries(Object.entries(all).sort(([a], [b]) => a.localeCompare(b)));
    writeFileSync(`${OUT}.tmp`, JSON.stringify(sorted, null, 1) + "\n");
    renameSync(`${OUT}.tmp`, OUT);
    console.log(`measure-blocks: wrote ${OUT}`);
  })();
}
