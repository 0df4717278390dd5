#!/usr/bin/env node
// Post-build: pages that hold still (issue 19). Framework draws every code block of a page into an empty
// `<div class="observablehq observablehq--block"><!--:ID:--></div>` once the block's data and code have arrived,
// so everything below it moves down (Chromium's layout shift). This step gives each such block its final size
// before the first paint: it names the block (`data-cell="ID"`, the id Framework derives from the block's source)
// and writes into the page's head a min-height per block, language and width, read from
// scripts/block-heights.json. That file is measured on the built site by `npx tsx scripts/measure-blocks.ts`
// (each block's drawn height, English and Chinese, 1280 and 390 px): rerun it after changing a page, or the
// changed blocks lose their reservation (tests/browser/layout-shift.test.ts says which page moves).
//
// Widths between the measured ones get the smaller of the two heights, a lower bound that never leaves a gap
// larger than the page would have had. The reservation ends at the reader's first pointer or key press
// (src/lib/a11y-boot.js sets html[data-reserve="off"]), so a table the reader filters shorter closes up; a block
// still empty then keeps its room until it is drawn.
// Usage: node scripts/reserve-blocks.js [dist]. Files are written atomically.
import {existsSync, readdirSync, readFileSync, renameSync, writeFileSync} from "node:fs";
import {join, relative, resolve, sep} from "node:path";

const HEIGHTS = resolve(import.meta.dirname, "block-heights.json");
/** The widths measured, and the media queries that use them (phones up to 440 px; desktops from 1240 px). */
export const WIDE = 1280;
export const NARROW = 390;
const BLOCK = /<div class="observablehq observablehq--block">(?=(?:<observablehq-loading><\/observablehq-loading>)?<!--:([0-9a-f]{8}(?:-\d+)?):-->)/g;

/** Site path of a built HTML file ("/", "/data", "/classroom/"), as tests/browser/harness.ts names pages. */
export function pagePath(dist, file) {
  return "/" + relative(dist, file).split(sep).join("/").replace(/\.html$/, "").replace(/(^|\/)index$/, "$1");
}

/** The page's HTML with its blocks named and the reservation style (if any) in its head. */
export function reserve(html, heights = {}) {
  const named = html.replace(BLOCK, (_m, id) => `<div class="observablehq observablehq--block" data-cell="${id}">`);
  const css = reservationCss(heights);
  const cleaned = named.replace(/<style data-reserve>[^<]*<\/style>\n?/, "");
  return css ? cleaned.replace("</head>", `<style data-reserve>${css}</style>\n</head>`) : cleaned;
}

/** CSS min-heights for one page's blocks: {ID: {"en-1280": px, "en-390": px, "zh-1280": px, "zh-390": px}}. */
export function reservationCss(heights) {
  const rules = {wide: [], narrow: [], between: []};
  for (const [id, h] of Object.entries(heights)) {
    if (!/^[0-9a-f]{8}(?:-\d+)?$/.test(id)) throw new Error(`reserve-blocks: "${id}" is not a Framework cell id`);
    for (const lang of ["en", "zh"]) {
      const wide = Math.floor(Number(h[`${lang}-${WIDE}`]) || 0);
      const narrow = Math.floor(Number(h[`${lang}-${NARROW}`]) || 0);
      // Held while the block is empty (`:empty` ignores Framework's comment), and while the reader has not pressed.
      const sel = `html${lang === "zh" ? '[lang="zh-CN"]' : ':not([lang="zh-CN"])'} [data-cell="${id}"]:is(:empty,html:not([data-reserve="off"]) *)`;
      if (wide > 0) rules.wide.push(`${sel}{min-height:${wide}px}`);
      if (narrow > 0) rules.narrow.push(`${sel}{min-height:${narrow}px}`);
      if (Math.min(wide, narrow) > 0) rules.between.push(`${sel}{min-height:${Math.min(wide, narrow)}px}`);
    }
  }
  const out = [];
  if (rules.wide.length) out.push(`@media (min-width:1240px){${rules.wide.join("")}}`);
  if (rules.between.length) out.push(`@media (min-width:441px) and (max-width:1239.98px){${rules.between.join("")}}`);
  if (rules.narrow.length) out.push(`@media (max-width:440.98px){${rules.narrow.join("")}}`);
  return out.join("");
}

function* htmlFiles(dir) {
  for (const e of readdirSync(dir, {withFileTypes: true})) {
    if (e.name.startsWith("_")) continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) yield* htmlFiles(p);
    else if (e.name.endsWith(".html")) yield p;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dist = resolve(process.argv[2] ?? "dist");
  const all = existsSync(HEIGHTS) ? JSON.parse(readFileSync(HEIGHTS, "utf8")) : {};
  let pages = 0;
  let blocks = 0;
  for (const file of htmlFiles(dist)) {
    const heights = all[pagePath(dist, file)] ?? {};
    const html = readFileSync(file, "utf8");
    const out = reserve(html, heights);
    const present = new Set([...html.matchAll(/<!--:([0-9a-f]{8}(?:-\d+)?):-->/g)].map((m) => m[1]));
    const used = Object.keys(heights).filter((id) => present.has(id)).length;
    if (out !== html) {
      writeFileSync(`${file}.tmp`, out);
      renameSync(`${file}.tmp`, file);
    }
    if (used) pages++;
    blocks += used;
  }
  console.log(`reserve-blocks: ${blocks} blocks on ${pages} pages have their drawn height reserved`);
}
