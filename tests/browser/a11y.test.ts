/**
 * Accessibility: axe-core 4 (WCAG 2.0 / 2.1, levels A and AA) on every page of the built site, in English and in
 * Chinese. No serious or critical violation is allowed. The rules run on the page as rendered (charts drawn,
 * collapsed sections opened), so contrast, names of controls, chart groups, lists, scroll boxes and the
 * viewport's zoom setting are all checked. Helpers: tests/browser/checks.ts.
 */
import {expect} from "vitest";
import {axeViolations, forEveryPage} from "./checks.js";
import {visit} from "./harness.js";

forEveryPage("axe-core on every page", "has no serious or critical violation", async ({page, url}) => {
  await visit(page, url);
  const found = await axeViolations(page);
  expect(found.map((v) => `${v.id} (${v.impact}, ${v.nodes} nodes): ${v.help} ${v.targets.join(" ")}`)).toEqual([]);
  // The viewport must let readers zoom (WCAG 1.4.4): Framework's maximum-scale=1 is removed at boot.
  expect(await page.getAttribute('meta[name="viewport"]', "content")).not.toMatch(/maximum-scale|user-scalable=no/);
});
