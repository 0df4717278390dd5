/**
 * Pages that hold still (issue 19): cumulative layout shift <= 0.1 over the first 5 s (Chromium's layout-shift
 * entries), English and Chinese, 1280 and 390 px, on the pages whose late blocks have their space reserved. The
 * other pages are measured and printed (not yet held to 0.1: see the README); `npx tsx tests/browser/layout-shift.ts`
 * measures any page.
 */
import {expect, it} from "vitest";
import {sitePages} from "./harness.js";
import {measureAll} from "./layout-shift.js";

/** Pages held to 0.1 (add a page here once its late blocks reserve their space). */
const HELD = ["/support", "/whatif", "/customs", "/404"];

it("holds still: layout shift <= 0.1 on the pages that reserve space (en, zh; 1280, 390 px)", async () => {
  const pages = sitePages().filter((p) => HELD.includes(p));
  expect(pages.length).toBe(HELD.length);
  const rows = await measureAll(pages);
  for (const r of rows) console.info(`${r.path} ${r.lang} ${r.width}px CLS ${r.cls.toFixed(3)}`);
  const over = rows.filter((r) => r.cls > 0.1).map((r) => `${r.path} ${r.lang} ${r.width}px: ${r.cls.toFixed(3)} ${JSON.stringify(r.worst)}`);
  expect(over).toEqual([]);
}, 300_000);
