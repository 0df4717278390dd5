/**
 * Phones: every page, loaded at 390 x 844 CSS px (an iPhone 12-15) in both languages, never scrolls sideways
 * (wide tables scroll inside their own box), and no chart or diagram text is drawn smaller than 11 px.
 * Set DTB_SHOTS=1 to save full-page screenshots to tests/browser/screenshots/mobile_<page>.<lang>.png.
 */
import {expect} from "vitest";
import {forEveryPage, sidewaysOverflow, smallChartText} from "./checks.js";
import {screenshot, visit} from "./harness.js";

forEveryPage("390 px wide", "fits the screen", async ({page, path, lang, url}) => {
  await page.setViewportSize({width: 390, height: 844});
  await visit(page, url);
  const o = await sidewaysOverflow(page);
  expect(o.offenders).toEqual([]);
  expect(o.scrollWidth).toBeLessThanOrEqual(o.viewport);
  expect(o.viewport).toBe(390);
  expect(await smallChartText(page)).toEqual([]);
  if (process.env.DTB_SHOTS) await screenshot(page, `mobile/${path === "/" ? "index" : path}.${lang}`);
});
