/**
 * Pages that hold still (issue 19): cumulative layout shift <= 0.1 over the first 5 s (Chromium's layout-shift
 * entries), English and Chinese, 1280 and 390 px, on every page of the built site. Blocks that pages draw late
 * have their drawn height reserved by scripts/reserve-blocks.js (postbuild) from scripts/block-heights.json; after
 * changing a page, `npm run build && npx tsx scripts/measure-blocks.ts /page && npm run build` remeasures it.
 * `npx tsx tests/browser/layout-shift.ts [path ...]` prints any page's table.
 */
import {expect, it} from "vitest";
import {sitePages} from "./harness.js";
import {measureAll} from "./layout-shift.js";

it("holds still: layout shift <= 0.1 on every page (en, zh; 1280, 390 px)", async () => {
  const pages = sitePages();
  expect(pages.length).toBeGreaterThan(15);
  const rows = await measureAll(pages);
  expect(rows.length).toBe(pages.length * 4);
  for (const r of rows) console.info(`${r.path} ${r.lang} ${r.width}px CLS ${r.cls.toFixed(3)}`);
  const over = rows.filter((r) => r.cls > 0.1).map((r) => `${r.path} ${r.lang} ${r.width}px: ${r.cls.toFixed(3)} ${JSON.stringify(r.worst)} (remeasure: npx tsx scripts/measure-blocks.ts ${r.path})`);
  expect(over).toEqual([]);
}, 900_000);
