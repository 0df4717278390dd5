/**
 * The menu on a phone (390 x 844, issue 19): a button of at least 44 x 44 px with a name in the reader's language,
 * covering nothing on the page (no visible text, chart, image or control under it), that opens the list of pages;
 * choosing a page navigates and the new page opens with the menu closed.
 */
import {describe, expect, it} from "vitest";
import type {Page} from "playwright-core";
import {sitePages, visit, watch, withBrowser} from "./harness.js";

/** Elements of the page (not the menu) whose box intersects the menu button's box. */
async function underButton(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const t = document.getElementById("observablehq-sidebar-toggle")!.getBoundingClientRect();
    const hit: string[] = [];
    for (const el of Array.from(document.querySelectorAll("#observablehq-center *"))) {
      const own = Array.from(el.childNodes).some((n: ChildNode) => n.nodeType === 3 && n.textContent!.trim());
      const leaf = own || /^(svg|img|input|select|button|textarea|canvas|video)$/i.test(el.tagName);
      if (!leaf || el.closest("svg") !== null && el.tagName.toLowerCase() !== "svg") continue;
      if (!(el as HTMLElement).checkVisibility?.({visibilityProperty: true})) continue;
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      if (r.left < t.right && r.right > t.left && r.top < t.bottom && r.bottom > t.top) hit.push(`${el.tagName.toLowerCase()}.${el.className}: ${(el.textContent ?? "").trim().slice(0, 40)}`);
    }
    return hit;
  });
}

const menuOpen = (page: Page) =>
  page.evaluate(() => {
    const r = document.getElementById("observablehq-sidebar")!.getBoundingClientRect();
    return getComputedStyle(document.getElementById("observablehq-sidebar")!).visibility !== "hidden" && r.right > 10;
  });

describe("phone menu", () => {
  it("is a named 44 x 44 px button over nothing, on every page, and closes after navigation", async () => {
    await withBrowser(async (s) => {
      const page = await s.newPage();
      await page.setViewportSize({width: 390, height: 844});
      const problems = watch(page, s.origin);
      for (const [i, path] of sitePages().entries()) {
        const lang = i % 2 ? "zh" : "en";
        await visit(page, s.url(`${path}?lang=${lang}`), problems);
        const box = (await page.locator("#observablehq-sidebar-toggle").boundingBox())!;
        expect(box.width, path).toBeGreaterThanOrEqual(44);
        expect(box.height, path).toBeGreaterThanOrEqual(44);
        const name = (await page.getAttribute("#observablehq-sidebar-toggle", "aria-label")) ?? "";
        expect(name, path).toMatch(lang === "zh" ? /菜单/ : /^Menu/);
        expect(await underButton(page), `${path} (${lang})`).toEqual([]);
      }
      // Open the menu on the home page, choose "Data": the data page opens with the menu closed.
      await visit(page, s.url("/?lang=zh"), problems);
      expect(await menuOpen(page)).toBe(false);
      await page.locator("#observablehq-sidebar-toggle").click();
      await page.waitForTimeout(300);
      expect(await menuOpen(page)).toBe(true);
      await Promise.all([page.waitForURL(/\/data/), page.locator("#observablehq-sidebar a[href*='data']").first().click()]);
      await page.waitForLoadState("domcontentloaded");
      await page.waitForTimeout(300);
      expect(await menuOpen(page)).toBe(false);
      expect(await page.locator("#observablehq-sidebar-toggle").isChecked()).toBe(false);
      expect(problems).toEqual([]);
    });
  }, 300_000);
});
