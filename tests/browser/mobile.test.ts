/**
 * Phones: every page, loaded at 390 x 844 CSS px (an iPhone 12-15) in both languages, never scrolls sideways
 * (wide tables scroll inside their own box), and no chart or diagram text is drawn smaller than 11 px.
 * Set DTB_SHOTS=1 to save full-page screenshots to tests/browser/screenshots/mobile_<page>.<lang>.png.
 */
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {LANGS, sidewaysOverflow, smallChartText} from "./checks.js";
import {openSession, screenshot, sitePages, visit, type Session} from "./harness.js";

const pages = sitePages();
let session: Session & {close(): Promise<void>};
beforeAll(async () => {
  session = await openSession();
});
afterAll(async () => {
  await session?.close();
});

describe("390 px wide", () => {
  it("has pages to check", () => expect(pages.length).toBeGreaterThanOrEqual(9));
  for (const lang of LANGS) {
    it.each(pages)(`%s fits the screen (${lang})`, async (path) => {
      const page = await session.newPage();
      try {
        await page.setViewportSize({width: 390, height: 844});
        await visit(page, session.url(`${path}?lang=${lang}`));
        const o = await sidewaysOverflow(page);
        expect(o.offenders).toEqual([]);
        expect(o.scrollWidth).toBeLessThanOrEqual(o.viewport);
        expect(o.viewport).toBe(390);
        expect(await smallChartText(page)).toEqual([]);
        if (process.env.DTB_SHOTS) await screenshot(page, `mobile/${path === "/" ? "index" : path}.${lang}`);
      } finally {
        await page.close();
      }
    });
  }
});
