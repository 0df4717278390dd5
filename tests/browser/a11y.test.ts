/**
 * Accessibility: axe-core 4 (WCAG 2.0 / 2.1, levels A and AA) on every page of the built site, in English and in
 * Chinese. No serious or critical violation is allowed. The rules run on the page as rendered (charts drawn,
 * collapsed sections opened), so contrast, names of controls, chart groups, lists, scroll boxes and the
 * viewport's zoom setting are all checked. Helpers: tests/browser/checks.ts.
 */
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {axeViolations, LANGS} from "./checks.js";
import {openSession, sitePages, visit, type Session} from "./harness.js";

const pages = sitePages();
let session: Session & {close(): Promise<void>};
beforeAll(async () => {
  session = await openSession();
});
afterAll(async () => {
  await session?.close();
});

describe("axe-core on every page", () => {
  it("has pages to check", () => expect(pages.length).toBeGreaterThanOrEqual(9));
  for (const lang of LANGS) {
    it.each(pages)(`%s has no serious or critical violation (${lang})`, async (path) => {
      const page = await session.newPage();
      try {
        await visit(page, session.url(`${path}?lang=${lang}`));
        const found = await axeViolations(page);
        expect(found.map((v) => `${v.id} (${v.impact}, ${v.nodes} nodes): ${v.help} ${v.targets.join(" ")}`)).toEqual([]);
        // The viewport must let readers zoom (WCAG 1.4.4): Framework's maximum-scale=1 is removed at boot.
        expect(await page.getAttribute('meta[name="viewport"]', "content")).not.toMatch(/maximum-scale|user-scalable=no/);
      } finally {
        await page.close();
      }
    });
  }
});
