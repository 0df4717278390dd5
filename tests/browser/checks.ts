/**
 * Reusable page checks for the browser tests: accessibility (axe-core), language of the prose, sideways
 * overflow at a phone width, and the print layout. Each takes a Playwright page that is already loaded (see
 * harness.ts `visit`) and returns plain data, so a test can run them on any list of pages:
 *
 *   for (const path of sitePages()) {
 *     await visit(page, b.url(`${path}?lang=zh`));
 *     expect(await axeViolations(page)).toEqual([]);
 *     expect((await proseLanguage(page, "zh")).offenders).toEqual([]);
 *   }
 *
 * The page list is whatever dist/ holds (harness `sitePages`), so pages added later are checked too.
 */
import {readFileSync} from "node:fs";
import {createRequire} from "node:module";
import type {Page} from "playwright-core";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {openSession, sitePages, type Session} from "./harness.js";

export type Lang = "en" | "zh";

/** Site paths to check in both languages (every built page; the 404 page is checked on its own by #12a). */
export const LANGS: Lang[] = ["en", "zh"];

// ---------------------------------------------------------------------------------------------------------
// axe-core

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

export interface AxeFinding {
  id: string;
  impact: string;
  help: string;
  nodes: number;
  /** A few CSS targets of the failing nodes, for the failure message. */
  targets: string[];
}

/**
 * Run axe-core (WCAG 2.0/2.1 A and AA rules) on the page and return the violations of at least `minImpact`
 * (default "serious": serious and critical). Collapsed `<details>` are opened first so that what they hide is
 * checked too.
 */
export async function axeViolations(page: Page, minImpact: "minor" | "moderate" | "serious" | "critical" = "serious"): Promise<AxeFinding[]> {
  await page.evaluate(() => document.querySelectorAll("details").forEach((d) => d.setAttribute("open", "")));
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({content: AXE_SOURCE});
  const order = ["minor", "moderate", "serious", "critical"];
  const found = await page.evaluate(async () => {
    const axe = (window as unknown as {axe: {run(ctx: unknown, opts: unknown): Promise<{violations: Array<{id: string; impact: string; help: string; nodes: Array<{target: unknown[]}>}>}>}}).axe;
    const r = await axe.run(document, {
      runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
      resultTypes: ["violations"]
    });
    return r.violations.map((v) => ({id: v.id, impact: v.impact ?? "minor", help: v.help, nodes: v.nodes.length,
      targets: v.nodes.slice(0, 4).map((n) => JSON.stringify(n.target))}));
  });
  return found.filter((v) => order.indexOf(v.impact) >= order.indexOf(minImpact));
}

// ---------------------------------------------------------------------------------------------------------
// Language of the prose

export interface ProseReport {
  /** Visible text blocks that were classified as prose in the page's language (the check is not vacuous). */
  checked: number;
  /** Blocks in the wrong language, as "tag: text". */
  offenders: string[];
}

/**
 * Every visible block of text on the page (paragraphs, list items, table cells, captions, headings, labels,
 * legends, buttons, chart text, plus `title`, `aria-label`, `alt` and `placeholder` attributes and the options
 * of visible selects) is classified:
 *  - shown in Chinese: a block with no Han character and at least three English words (two or more letters,
 *    not all capitals: acronyms such as DSTRI, OECD or GMM and code-like names such as lnexport_zj or L.dstri
 *    do not count) is an English-only block;
 *  - shown in English: a block with two or more Han characters is a Chinese block.
 * Text inside code, `.mono`, `aria-hidden` parts, or an element whose `lang` attribute marks it as the other
 * language (the language switch, a quotation) is skipped: marking the language is the accessible way to show
 * foreign text. Collapsed `<details>` are opened first. `checked` counts the blocks that are prose in the
 * page's language, so a test can require a minimum and never pass on an empty or broken page.
 */
export async function proseLanguage(page: Page, lang: Lang): Promise<ProseReport> {
  await page.evaluate(() => document.querySelectorAll("details").forEach((d) => d.setAttribute("open", "")));
  // Passed as a string: a function would be serialised with the transpiler's helpers.
  return page.evaluate(`(${PROSE_SCRIPT})(${JSON.stringify(lang)})`) as Promise<ProseReport>;
}

const PROSE_SCRIPT = String.raw`function (lang) {
  var BLOCK = "p, li, dd, dt, td, th, figcaption, caption, h1, h2, h3, h4, h5, h6, summary, label, legend, button, blockquote, svg text, svg title, option, .reading, .lede, [role=status], [role=alert]";
  var SKIP = "code, pre, kbd, samp, script, style, .mono, [aria-hidden=true], .observablehq--inspect";
  var HAN = /[\u3400-\u9fff\uf900-\ufaff]/g;
  function englishWords(s) {
    var cleaned = s
      .replace(/https?:\/\/\S+/g, " ")
      .replace(/\S*[_\/\\.=<>]\S*/g, " ")   // file names, code-like names, paths, formulas
      .replace(/\b[A-Z][A-Z0-9²]+s?\b/g, " "); // acronyms (DSTRI, OECD, GMM, HC1)
    var words = cleaned.match(/[A-Za-z]{2,}/g) || [];
    return words.filter(function (w) { return /[a-z]/.test(w); }).length;
  }
  function hanCount(s) { return (s.match(HAN) || []).length; }
  function otherLangMarked(el) {
    var m = el.closest("[lang]");
    if (!m) return false;
    var l = (m.getAttribute("lang") || "").toLowerCase();
    var isZh = l.indexOf("zh") === 0;
    return lang === "zh" ? !isZh : isZh;
  }
  function visible(el) {
    if (el.closest("svg")) {
      var svg = el.closest("svg");
      // Text in a chart counts when the chart itself is shown.
      if (el.closest("[aria-hidden=true]")) return false;
      return svg.closest("svg") === svg ? (svg.checkVisibility ? svg.checkVisibility() : true) : true;
    }
    if (el.tagName === "OPTION") {
      var sel = el.closest("select");
      return !!sel && sel.checkVisibility();
    }
    return el.checkVisibility ? el.checkVisibility({visibilityProperty: true}) : el.offsetParent !== null;
  }
  // The text of a block without the text of the blocks nested in it.
  function ownText(block) {
    var out = "";
    var walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
    var n;
    while ((n = walker.nextNode())) {
      var p = n.parentElement;
      if (!p) continue;
      var owner = p.closest(BLOCK);
      if (owner !== block) continue;
      if (p.closest(SKIP) || otherLangMarked(p)) continue;
      out += n.nodeValue;
    }
    return out.replace(/\s+/g, " ").trim();
  }
  var texts = [];
  var blocks = document.querySelectorAll(BLOCK);
  for (var i = 0; i < blocks.length; i++) {
    var b = blocks[i];
    if (b.closest("#observablehq-sidebar, .lang-switch")) continue; // site chrome: tested in i18n.test.ts
    if (!visible(b) || b.closest(SKIP) || otherLangMarked(b)) continue;
    var tx = ownText(b);
    if (tx) texts.push([b.tagName.toLowerCase() + (b.className && typeof b.className === "string" ? "." + b.className.split(" ")[0] : ""), tx]);
  }
  var attrs = document.querySelectorAll("[title], [aria-label], [alt], [placeholder]");
  for (var j = 0; j < attrs.length; j++) {
    var a = attrs[j];
    if (a.closest("#observablehq-sidebar, .lang-switch") || a.closest(SKIP) || otherLangMarked(a) || !visible(a)) continue;
    ["title", "aria-label", "alt", "placeholder"].forEach(function (name) {
      var v = a.getAttribute(name);
      if (v && v.trim()) texts.push(["@" + name, v.trim().replace(/\s+/g, " ")]);
    });
  }
  // Text drawn by CSS (::before / ::after content, e.g. Framework's pager "Previous page" / "Next page").
  var drawn = document.body.querySelectorAll("*");
  for (var k = 0; k < drawn.length; k++) {
    var d = drawn[k];
    // Code blocks' language tags ("sh", "js": Framework's .observablehq-pre-container::after) are code, not prose.
    if (d.closest("svg, #observablehq-sidebar, .lang-switch, .observablehq-pre-container") || d.closest(SKIP) || otherLangMarked(d) || !visible(d)) continue;
    ["::before", "::after"].forEach(function (pseudo) {
      var c = getComputedStyle(d, pseudo).content;
      var m = c && /^"(.*)"$/.exec(c);
      // Short labels ("Next page"): one English word is enough to count as English here.
      if (m && m[1].trim()) texts.push([d.tagName.toLowerCase() + pseudo, m[1].trim(), 1]);
    });
  }
  var checked = 0, offenders = [];
  texts.forEach(function (t) {
    var s = t[1], han = hanCount(s), words = englishWords(s), minWords = t[2] || 3;
    if (lang === "zh") {
      if (han >= 2) checked++;
      else if (han === 0 && words >= minWords) offenders.push(t[0] + ": " + s.slice(0, 140));
    } else {
      if (han >= 2) offenders.push(t[0] + ": " + s.slice(0, 140));
      else if (words >= 3) checked++;
    }
  });
  return {checked: checked, offenders: offenders};
}`;

// ---------------------------------------------------------------------------------------------------------
// Sideways overflow at a phone width

export interface OverflowReport {
  viewport: number;
  scrollWidth: number;
  /** Elements that stick out to the right of the viewport and are not inside a scroll box of their own. */
  offenders: string[];
}

/** Measure sideways overflow of the page as laid out now (set the viewport first, e.g. 390 x 844). */
export async function sidewaysOverflow(page: Page): Promise<OverflowReport> {
  return page.evaluate(`(${OVERFLOW_SCRIPT})()`) as Promise<OverflowReport>;
}

const OVERFLOW_SCRIPT = String.raw`function () {
  var vw = document.documentElement.clientWidth;
  var offenders = [];
  function clipped(el) {
    for (var p = el.parentElement; p && p !== document.body; p = p.parentElement) {
      var s = getComputedStyle(p);
      if (s.overflowX === "auto" || s.overflowX === "scroll" || s.overflowX === "hidden" || s.overflowX === "clip") return true;
    }
    return false;
  }
  var all = document.body.querySelectorAll("*");
  for (var i = 0; i < all.length && offenders.length < 12; i++) {
    var el = all[i];
    if (el.closest("svg") && el.tagName.toLowerCase() !== "svg") continue;
    var r = el.getBoundingClientRect();
    if (r.width === 0 || r.right <= vw + 1) continue;
    if (!el.checkVisibility() || clipped(el)) continue;
    offenders.push(el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") + (typeof el.className === "string" && el.className ? "." + el.className.trim().split(/\s+/).join(".") : "") + " right=" + Math.round(r.right));
  }
  return {viewport: vw, scrollWidth: document.documentElement.scrollWidth, offenders: offenders};
}`;

/** Chart and diagram text smaller than `min` px (SVG text is measured as rendered, after scaling). */
export async function smallChartText(page: Page, min = 11): Promise<string[]> {
  return page.evaluate(`(function (min) {
    var out = [];
    document.querySelectorAll("figure svg text, svg[role=img] text, .diagram svg text").forEach(function (t) {
      if (!t.checkVisibility() || !t.textContent.trim()) return;
      var h = parseFloat(getComputedStyle(t).fontSize);
      var svg = t.ownerSVGElement;
      var scale = 1;
      if (svg && svg.viewBox && svg.viewBox.baseVal && svg.viewBox.baseVal.width) scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
      var px = h * scale;
      if (px < min - 0.05 && out.length < 10) out.push(t.textContent.trim().slice(0, 30) + " " + px.toFixed(1) + "px");
    });
    return out;
  })(${min})`) as Promise<string[]>;
}

// ---------------------------------------------------------------------------------------------------------
// Print layout

/** Printable width of an A4 page with the margins set in style.css (@page), in CSS px at 96 dpi. */
export const PRINT_WIDTH = 680;

export interface PrintReport {
  /** Elements wider than the printed page or cut at its right edge. */
  tooWide: string[];
  /** Controls, the sidebar or its toggle, the language switch, still shown in print. */
  controlsShown: string[];
  /** `<details>` whose content stays hidden in print. */
  closedDetails: number;
  /** Visible blocks of the other language. */
  otherLanguage: number;
}

/**
 * Lay the page out as printed: print media, a viewport as wide as the printable area of an A4 page, and the
 * `beforeprint` event the browser fires before printing. Leaves the page in that state (reload to undo).
 */
export async function printLayout(page: Page, lang: Lang): Promise<PrintReport> {
  await page.emulateMedia({media: "print"});
  await page.setViewportSize({width: PRINT_WIDTH, height: 1000});
  await page.evaluate(() => window.dispatchEvent(new Event("beforeprint")));
  await page.waitForTimeout(150);
  return page.evaluate(`(${PRINT_SCRIPT})(${PRINT_WIDTH}, ${JSON.stringify(lang)})`) as Promise<PrintReport>;
}

const PRINT_SCRIPT = String.raw`function (width, lang) {
  function name(el) {
    return el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") + (typeof el.className === "string" && el.className ? "." + el.className.trim().split(/\s+/).slice(0, 2).join(".") : "");
  }
  var tooWide = [];
  var all = document.body.querySelectorAll("*");
  for (var i = 0; i < all.length && tooWide.length < 12; i++) {
    var el = all[i];
    if (el.closest("svg") && el.tagName.toLowerCase() !== "svg") continue;
    if (!el.checkVisibility()) continue;
    var r = el.getBoundingClientRect();
    // Wider than the page, or scrolled within a box (print has no scroll bar: the rest would be cut).
    // (Visually hidden text, 1 px wide by design, is not a box the reader sees.)
    var cut = el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== "visible" && el.clientWidth > 2;
    if (r.right > width + 1 || cut) tooWide.push(name(el) + " right=" + Math.round(r.right) + (cut ? " (cut: " + el.scrollWidth + " > " + el.clientWidth + ")" : ""));
  }
  var controlsShown = [];
  document.querySelectorAll("input, select, button, textarea, .lang-switch, #observablehq-sidebar, #observablehq-sidebar-toggle, label[for=observablehq-sidebar-toggle], #observablehq-toc").forEach(function (el) {
    if (el.checkVisibility() && controlsShown.length < 12) controlsShown.push(name(el));
  });
  var closed = 0;
  document.querySelectorAll("details").forEach(function (d) {
    if (!d.checkVisibility()) return; // inside something not printed (e.g. the controls)
    var kids = Array.prototype.filter.call(d.children, function (c) { return c.tagName !== "SUMMARY"; });
    if (kids.length && !kids.some(function (c) { return c.checkVisibility(); })) closed++;
  });
  var other = 0;
  document.querySelectorAll(lang === "zh" ? ".lang-en" : ".lang-zh").forEach(function (el) { if (el.checkVisibility()) other++; });
  return {tooWide: tooWide, controlsShown: controlsShown, closedDetails: closed, otherLanguage: other};
}`;

/**
 * The loop every whole-site check shares: one browser session for the file, a test that there are pages, then
 * one test per page and language with a fresh page (closed afterwards). `check` visits the page itself (some
 * checks watch requests before the visit, or set the viewport first). Used by a11y, mobile, print, site and
 * zh-prose tests. Example: `forEveryPage("axe-core", "has no violation", async ({page, url}) => { await visit(page, url); ... })`.
 */
export function forEveryPage(
  title: string,
  what: string,
  check: (ctx: {page: Page; path: string; lang: Lang; url: string; session: Session}) => Promise<void>,
  {minPages = 9}: {minPages?: number} = {}
): {session: () => Session} {
  const pages = sitePages();
  let session: Session & {close(): Promise<void>};
  beforeAll(async () => {
    session = await openSession();
  });
  afterAll(async () => {
    await session?.close();
  });
  describe(title, () => {
    it("has pages to check", () => expect(pages.length).toBeGreaterThanOrEqual(minPages));
    for (const lang of LANGS) {
      it.each(pages)(`%s ${what} (${lang})`, async (path) => {
        const page = await session.newPage();
        try {
          await check({page, path, lang, url: session.url(`${path}?lang=${lang}`), session});
        } finally {
          await page.close();
        }
      });
    }
  });
  return {session: () => session};
}
