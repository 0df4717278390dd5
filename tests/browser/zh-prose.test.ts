/**
 * Both languages everywhere: on every page shown in Chinese no visible block of prose (paragraph, list item,
 * table cell, caption, heading, label, legend, chart text, tooltip or accessible name) is English only, and on
 * every page shown in English none is Chinese. Each page must also have a minimum number of blocks in its
 * language, so the test cannot pass on an empty or broken page. The classification rules are documented on
 * `proseLanguage` in tests/browser/checks.ts.
 */
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {LANGS, proseLanguage} from "./checks.js";
import {openSession, sitePages, visit, type Session} from "./harness.js";

const pages = sitePages();
/** Blocks of prose each page has at least (the smallest page, the home page, has about 20 in each language). */
const MIN_BLOCKS = 12;
/** Pages that are short by design. */
const MIN_FOR: Record<string, number> = {"/404": 1};

let session: Session & {close(): Promise<void>};
beforeAll(async () => {
  session = await openSession();
});
afterAll(async () => {
  await session?.close();
});

describe("prose in the language being read", () => {
  it("has pages to check", () => expect(pages.length).toBeGreaterThanOrEqual(9));
  for (const lang of LANGS) {
    it.each(pages)(`%s has no block in the other language only (${lang})`, async (path) => {
      const page = await session.newPage();
      try {
        await visit(page, session.url(`${path}?lang=${lang}`));
        const report = await proseLanguage(page, lang);
        expect(report.offenders).toEqual([]);
        expect(report.checked, `${path} (${lang}): blocks of prose found`).toBeGreaterThanOrEqual(MIN_FOR[path] ?? MIN_BLOCKS);
      } finally {
        await page.close();
      }
    });
  }
});
