/**
 * Models side by side (issue #21): pin three models in the explorer, the pinned set travels in the URL, the LaTeX
 * download has three labelled columns; Replication's "pin" adds to the same set. Screenshots of the explorer with
 * three pinned models in both languages at 1280 and 390 px (tests/browser/screenshots/issue21_explorer.*).
 */
import {readFileSync} from "node:fs";
import {describe, expect, it} from "vitest";
import {sidewaysOverflow} from "./checks.js";
import {visit, watch, withBrowser} from "./harness.js";
import {SCREENSHOTS} from "./harness.js";
import {join} from "node:path";
import {mkdirSync} from "node:fs";

describe("pinned models", () => {
  it("pin 3 models, keep them in the URL, export LaTeX with 3 labelled columns", async () => {
    await withBrowser(async (s) => {
      const page = await s.newPage();
      const problems = watch(page, s.origin);
      const ready = () => page.waitForSelector(".explorer[data-state='ok']");
      for (const q of ["", "d2020=1", "est=gmm-diff&lag=1&d2020=1"]) {
        await visit(page, s.url(`/explorer?lang=en&${q}`), problems);
        await ready();
        await page.click(".cmp-pin");
      }
      await page.waitForSelector(".cmp[data-pins='3']");
      const heads = await page.$$eval(".cmp-table thead tr:first-child th", (ths) => ths.map((t) => t.textContent!.replace("×", "").trim()));
      expect(heads).toEqual(["", "(1)", "(2)", "(3)"]);
      // The broken GMM's warnings are in the table's warnings row.
      const warn = await page.$$eval(".cmp-table tr[data-kind='warnings'] td", (tds) => tds.map((t) => t.textContent));
      expect(warn[0]).toBe("none");
      expect(warn[2]).toMatch(/gmm_singular_weights/);
      const url = page.url();
      expect(url).toMatch(/#pin=[^|]+\|[^|]+\|[^|]+$/);

      const [download] = await Promise.all([page.waitForEvent("download"), page.click(".cmp button[data-format='latex']")]);
      const tex = readFileSync((await download.path())!, "utf8");
      expect(tex).toMatch(/\\begin\{tabular\}\{lccc\}/);
      expect(tex).toContain(" & (1) & (2) & (3) \\\\");
      expect(tex).toMatch(/^DSTRI \(overall\) & /m);
      expect(tex).toMatch(/\\label\{tab:dtb-models\}/);
      expect(tex).toMatch(/\\toprule[\s\S]*\\bottomrule/);

      // The link alone restores the three (storage cleared).
      await page.evaluate(() => localStorage.clear());
      await visit(page, url, problems);
      await ready();
      await page.waitForSelector(".cmp[data-pins='3']");

      // Screenshots with three pinned models.
      mkdirSync(SCREENSHOTS, {recursive: true});
      for (const lang of ["en", "zh"]) {
        for (const width of [1280, 390]) {
          await page.setViewportSize({width, height: width === 390 ? 844 : 800});
          await visit(page, url.replace("lang=en", `lang=${lang}`), problems);
          await ready();
          await page.waitForSelector(".cmp[data-pins='3']");
          if (width === 390) expect((await sidewaysOverflow(page)).offenders).toEqual([]);
          await page.$eval(".cmp", (e) => e.scrollIntoView({block: "start"}));
          await page.screenshot({path: join(SCREENSHOTS, `issue21_explorer.${lang}.${width}.png`)});
        }
      }

      // Replication: "pin" on Table 4's baseline adds a fourth.
      await page.setViewportSize({width: 1280, height: 800});
      await visit(page, s.url("/replication?lang=en"), problems);
      await page.click(".col-actions li[data-model='t4_base_cn'] .pin-button");
      const status = await page.textContent(".col-actions li[data-model='t4_base_cn'] .pin-status");
      expect(status).toMatch(/^Pinned; compare the 4 pinned models/);
      const href = await page.$eval(".col-actions li[data-model='t4_base_cn'] .pin-status a", (a) => (a as HTMLAnchorElement).href);
      await visit(page, href, problems);
      await ready();
      await page.waitForSelector(".cmp[data-pins='4']");
      expect(problems).toEqual([]);
    });
  }, 300_000);
});
