/**
 * Print: every page laid out for print (print media, the printable width of an A4 page, the browser's
 * "beforeprint" event) in both languages shows no sidebar, no contents list, no controls and no language switch;
 * every collapsed section is open; nothing is wider than the page or cut inside a scroll box; the other
 * language stays hidden. Set DTB_SHOTS=1 to save screenshots of the print layout and a PDF of each page to
 * tests/browser/screenshots/print_<page>.<lang>.{png,pdf}.
 */
import {mkdirSync} from "node:fs";
import {join} from "node:path";
import {expect} from "vitest";
import {forEveryPage, printLayout} from "./checks.js";
import {screenshot, SCREENSHOTS, visit} from "./harness.js";

forEveryPage("print layout", "prints clean", async ({page, path, lang, url}) => {
  await visit(page, url);
  const r = await printLayout(page, lang);
  expect(r.tooWide).toEqual([]);
  expect(r.controlsShown).toEqual([]);
  expect(r.closedDetails).toBe(0);
  expect(r.otherLanguage).toBe(0);
  if (process.env.DTB_SHOTS) {
    const name = `print/${path === "/" ? "index" : path}.${lang}`;
    await screenshot(page, name);
    mkdirSync(SCREENSHOTS, {recursive: true});
    await page.pdf({path: join(SCREENSHOTS, `${name.replace(/\//g, "_")}.pdf`), format: "A4"});
  }
});
