/**
 * Words (issue 19): reader-facing prose shows labels, not the data's column codes (codes stay in code, formulas,
 * the explorer's code line under each label, and downloads), on the pages whose prose names variables; and on
 * every page shown in Chinese, a run of four or more English words (a cited title, a quotation) is marked
 * lang="en" so that it is read in English.
 */
import {expect} from "vitest";
import {describe, it} from "vitest";
import {visit, watch, withBrowser, sitePages} from "./harness.js";

const PROSE_PAGES = ["/explorer", "/multiverse", "/whatif"];

const CODES = String.raw`(function () {
  var BLOCK = "p, li, dd, dt, td, th, figcaption, caption, h1, h2, h3, h4, h5, h6, summary, label, legend, button, blockquote, .reading, .lede, [role=status], [role=alert], option";
  var SKIP = "code, pre, kbd, samp, script, style, .mono, .ex-term, textarea, [aria-hidden=true], .observablehq--inspect";
  var CODE = /\b(lnexport_[a-z]+|exports_[a-z]+_usd|dstri_[a-z]+|lngdp|lnpopu|lngov|L\d?\.[a-z_]+)\b|\bdstri\b/;
  var out = [];
  document.querySelectorAll("details").forEach(function (d) { d.setAttribute("open", ""); });
  document.querySelectorAll(BLOCK).forEach(function (el) {
    if (el.closest(SKIP) || el.querySelector(BLOCK)) return;
    if (el.tagName !== "OPTION" && !el.checkVisibility({visibilityProperty: true})) return;
    if (el.tagName === "OPTION" && !el.closest("select").checkVisibility()) return;
    var clone = el.cloneNode(true);
    clone.querySelectorAll(SKIP).forEach(function (n) { n.remove(); });
    var t = clone.textContent.replace(/\s+/g, " ").trim();
    var m = t.match(CODE);
    if (m) out.push(m[0] + " in \"" + t.slice(0, 120) + "\"");
  });
  return out;
})()`;

const UNMARKED_ENGLISH = String.raw`(function () {
  var SKIP = "code, pre, kbd, samp, script, style, textarea, .mono, .ex-term, [aria-hidden=true], .observablehq--inspect, svg, #observablehq-sidebar, #observablehq-toc, .lang-en";
  var out = [];
  var it = document.createNodeIterator(document.querySelector("#observablehq-main"), NodeFilter.SHOW_TEXT);
  for (var n = it.nextNode(); n; n = it.nextNode()) {
    var el = n.parentElement;
    if (!el || el.closest(SKIP) || !el.checkVisibility()) continue;
    var l = el.closest("[lang]");
    if (l && (l.getAttribute("lang") || "").toLowerCase().indexOf("en") === 0) continue;
    var m = n.data.match(/[A-Za-z][A-Za-z'’-]+(?:[ ,:]+[A-Za-z][A-Za-z'’-]+){3,}/);
    if (m) out.push(m[0].slice(0, 80));
  }
  return out;
})()`;

describe("words", () => {
  it("prose names variables by their labels, not their codes (en, zh)", async () => {
    await withBrowser(async (s) => {
      const page = await s.newPage();
      const problems = watch(page, s.origin);
      const found: string[] = [];
      for (const path of PROSE_PAGES) for (const lang of ["en", "zh"]) {
        await visit(page, s.url(`${path}?lang=${lang}`), problems);
        if (path === "/explorer") await page.waitForSelector("table.ex-table");
        found.push(...((await page.evaluate(CODES)) as string[]).map((c) => `${path} ${lang}: ${c}`));
      }
      expect(found).toEqual([]);
      expect(problems).toEqual([]);
    });
  }, 300_000);

  it("on Chinese pages, English runs of four or more words are marked lang=\"en\"", async () => {
    await withBrowser(async (s) => {
      const page = await s.newPage();
      const problems = watch(page, s.origin);
      const found: string[] = [];
      for (const path of sitePages()) {
        await visit(page, s.url(`${path}?lang=zh`), problems);
        found.push(...((await page.evaluate(UNMARKED_ENGLISH)) as string[]).map((c) => `${path}: ${c}`));
      }
      expect(found).toEqual([]);
      expect(problems).toEqual([]);
    });
  }, 600_000);
});
