/**
 * Both languages everywhere: on every page shown in Chinese no visible block of prose (paragraph, list item,
 * table cell, caption, heading, label, legend, chart text, tooltip or accessible name) is English only, and on
 * every page shown in English none is Chinese. Each page must also have a minimum number of blocks in its
 * language, so the test cannot pass on an empty or broken page. The classification rules are documented on
 * `proseLanguage` in tests/browser/checks.ts.
 */
import {expect} from "vitest";
import {forEveryPage, proseLanguage} from "./checks.js";
import {visit} from "./harness.js";

/** Blocks of prose each page has at least (the smallest page, the home page, has about 20 in each language). */
const MIN_BLOCKS = 12;
/** Pages that are short by design. */
const MIN_FOR: Record<string, number> = {"/404": 1, "/classroom/sheet": 8};

forEveryPage("prose in the language being read", "has no block in the other language only", async ({page, path, lang, url}) => {
  await visit(page, url);
  const report = await proseLanguage(page, lang);
  expect(report.offenders).toEqual([]);
  expect(report.checked, `${path} (${lang}): blocks of prose found`).toBeGreaterThanOrEqual(MIN_FOR[path] ?? MIN_BLOCKS);
});
