/** scripts/prerender.ts: the home chart drawn at build time, in both languages and two widths, from the built data. */
import {mkdirSync, mkdtempSync, readFileSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {prerender} from "../../scripts/prerender.ts";
import {changes} from "../../src/lib/home/changes.ts";

function site(html: string): string {
  const dist = mkdtempSync(join(tmpdir(), "dtb-prerender-"));
  mkdirSync(join(dist, "_file/data"), {recursive: true});
  const rows = ["AAA", "BBB", "CCC", "DDD"].flatMap((iso3, i) => [
    {iso3, country: `Country ${iso3}`, country_zh: `国家${i}`, year: 2014, dstri: 0.1 * i, exports_cn_usd: 100},
    {iso3, country: `Country ${iso3}`, country_zh: `国家${i}`, year: 2020, dstri: 0.1 * i + 0.05 * i, exports_cn_usd: 100 * (1 + i)}
  ]);
  writeFileSync(join(dist, "_file/data/home-changes.0123abcd.json"), JSON.stringify(changes(rows)));
  writeFileSync(join(dist, "index.html"), html);
  return dist;
}

describe("prerender", () => {
  it("fills the placeholder with the chart in English and Chinese, wide and narrow", async () => {
    const dist = site('<main><div class="prerender" data-prerender="home-changes"></div><p>after</p></main>');
    expect(await prerender(dist)).toBe(1);
    const html = readFileSync(join(dist, "index.html"), "utf8");
    for (const cls of ["lang-en prerender-wide", "lang-en prerender-narrow", "lang-zh prerender-wide", "lang-zh prerender-narrow"]) {
      expect(html).toContain(`<div class="${cls}"><figure`);
    }
    expect(html.match(/<svg /g)?.length).toBe(4);
    expect(html).toMatch(/width="912"/);
    expect(html).toMatch(/width="326"/);
    // Titles in each language, computed from the data (4 partners; a rising DSTRI with rising exports).
    expect(html).toContain("Partners that raised their digital barriers still bought more from China");
    expect(html).toContain("提高数字壁垒的伙伴从中国进口反而更多");
    expect(html).toContain("国家3");
    expect(html).toContain("<p>after</p>");
    // A second run finds no empty placeholder left and changes nothing.
    expect(await prerender(dist)).toBe(0);
  }, 30_000);
  it("refuses an unknown chart name with one line", async () => {
    const dist = site('<div class="prerender" data-prerender="nope"></div>');
    await expect(prerender(dist)).rejects.toThrow(/^prerender: unknown chart "nope" \(known: home-changes\)$/);
  });
});
