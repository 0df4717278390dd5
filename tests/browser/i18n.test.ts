/**
 * English / Chinese on every page of the built site (src/lib/i18n-boot.js): `<html lang>` follows `?lang=`, the
 * switch is there and keeps the other query parameters and the hash, internal links carry the language, the
 * sidebar is translated, and no page shows both languages' prose at once.
 */
import {describe, expect, it} from "vitest";
import {DIST, settle, sitePages, visit, watch, withBrowser} from "./harness.js";

const dir = process.env.DTB_DIST ?? DIST;

describe("i18n on every page", () => {
  it("switches every page to Chinese and back", async () => {
    await withBrowser(async (b) => {
      const page = await b.newPage();
      const problems = watch(page, b.origin);
      for (const path of sitePages(dir)) {
        const sep = path.includes("?") ? "&" : "?";
        await visit(page, b.url(`${path}${sep}lang=zh&keep=1#top`), problems);
        expect(await page.getAttribute("html", "lang"), path).toBe("zh-CN");
        expect(await page.locator(".lang-switch a[aria-current]").textContent(), path).toBe("中文");
        // The sidebar's home link is the site title, translated.
        expect(await page.locator("#observablehq-sidebar a").first().textContent(), path).toBe("数字贸易壁垒与跨境电商出口");
        // Internal links carry lang=zh; none of the other language's blocks is visible.
        const hrefs = await page.$$eval("#observablehq-sidebar a", (as) => as.map((a) => a.getAttribute("href") ?? ""));
        for (const h of hrefs) expect(h, `${path}: ${h}`).toMatch(/[?&]lang=zh/);
        const visibleEn = await page.$$eval(".lang-en", (els) => els.filter((e) => (e as HTMLElement).offsetParent !== null).length);
        expect(visibleEn, path).toBe(0);

        const english = await page.getAttribute(".lang-switch a[data-lang-switch=en]", "href");
        const u = new URL(english!, b.origin);
        expect(u.searchParams.get("lang"), path).toBe("en");
        expect(u.searchParams.get("keep"), path).toBe("1");
        expect(u.hash, path).toBe("#top");
        await page.click(".lang-switch a[data-lang-switch=en]");
        // Let the English page finish loading: leaving it half-loaded would abort its requests.
        await settle(page);
        expect(await page.getAttribute("html", "lang"), path).toBe("en");
        const visibleZh = await page.$$eval(".lang-zh", (els) => els.filter((e) => (e as HTMLElement).offsetParent !== null).length);
        expect(visibleZh, path).toBe(0);
      }
      expect(problems).toEqual([]);
    }, dir);
  });
});
