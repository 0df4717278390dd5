#!/usr/bin/env -S npx tsx
// Pre-render charts into the built HTML (postbuild, after bundle-pages and before precompress). Why (issue #12):
// the home page must show its first chart within 1 s of a cold load; drawn in the browser it waits for
// Framework's runtime, the page's modules and Plot, about 1.5 s on this machine. So the chart is also drawn here,
// by the same component with the same data, in both languages, and written into the page's HTML; the page's own
// code replaces it with the live, resizable chart as soon as it runs (src/index.md).
//
// A page asks for it with an empty `<div class="prerender" data-prerender="NAME"></div>`; NAME is a key of
// CHARTS below, which names the built data file and the component. Plot runs on jsdom's DOM (Plot's own tests
// do the same); the language is chosen as in the browser, through `location.search`.
// Usage: npx tsx scripts/prerender.ts [dist]. Files are written atomically.
import {readdirSync, readFileSync, renameSync, writeFileSync} from "node:fs";
import {join, relative} from "node:path";
import {JSDOM} from "jsdom";

interface ChartDef {
  /** Built data file: dist/_file/<dir>/<stem>.<hash>.<ext>. */
  data: {dir: string; stem: string; ext: string};
  /** Draws the chart (a Plot figure) for the data, at the given width. */
  draw(data: unknown, width: number): Promise<Element>;
}

/**
 * Widths the static chart is drawn at: the main column of a desktop window (1280 px with the sidebar) and of a
 * phone (390 px). style.css shows one of them by the screen's width (the other is display: none), so the live
 * chart that replaces it is about the same size and the page barely moves.
 */
const WIDTHS = {wide: 912, narrow: 326} as const;

const CHARTS: Record<string, ChartDef> = {
  "home-changes": {
    data: {dir: "_file/data", stem: "home-changes", ext: "json"},
    async draw(data, width) {
      const {dstriChangeScatter} = await import("../src/components/dstri-change-scatter.js");
      return dstriChangeScatter(data as Parameters<typeof dstriChangeScatter>[0], {width}) as Element;
    }
  }
};

const PLACEHOLDER = /<div class="prerender" data-prerender="([a-z0-9-]+)"><\/div>/g;

function* htmlFiles(dir: string): Generator<string> {
  for (const e of readdirSync(dir, {withFileTypes: true})) {
    if (e.name.startsWith("_")) continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) yield* htmlFiles(p);
    else if (e.name.endsWith(".html")) yield p;
  }
}

function builtFile(dist: string, {dir, stem, ext}: ChartDef["data"]): string {
  const hit = readdirSync(join(dist, dir)).find((f) => f.startsWith(`${stem}.`) && f.endsWith(`.${ext}`) && f.split(".").length === 3);
  if (!hit) throw new Error(`prerender: no built ${dir}/${stem}.*.${ext} in ${dist}`);
  return join(dist, dir, hit);
}

/** Runs `fn` with a DOM and `location` of the given language, as the components expect in a browser. */
async function inLanguage<T>(lang: "en" | "zh", fn: () => Promise<T>): Promise<T> {
  const dom = new JSDOM(`<!doctype html><html lang="${lang === "zh" ? "zh-CN" : "en"}"><body></body></html>`, {url: `http://localhost/?lang=${lang}`});
  const g = globalThis as Record<string, unknown>;
  // Plot finds its document through `window`; the components use `document` and `location` directly.
  const saved = {window: g.window, document: g.document, location: g.location};
  g.window = dom.window;
  g.document = dom.window.document;
  g.location = dom.window.location;
  try {
    return await fn();
  } finally {
    Object.assign(g, saved);
    dom.window.close();
  }
}

async function render(dist: string, name: string): Promise<string> {
  const def = CHARTS[name];
  if (!def) throw new Error(`prerender: unknown chart "${name}" (known: ${Object.keys(CHARTS).join(", ")})`);
  const data = JSON.parse(readFileSync(builtFile(dist, def.data), "utf8"));
  const parts: string[] = [];
  for (const lang of ["en", "zh"] as const) {
    for (const [size, width] of Object.entries(WIDTHS)) {
      const html = await inLanguage(lang, async () => (await def.draw(data, width)).outerHTML);
      parts.push(`<div class="lang-${lang} prerender-${size}">${html}</div>`);
    }
  }
  return parts.join("");
}

export async function prerender(dist: string): Promise<number> {
  let count = 0;
  for (const file of htmlFiles(dist)) {
    const html = readFileSync(file, "utf8");
    const names = [...html.matchAll(PLACEHOLDER)].map((m) => m[1]);
    if (names.length === 0) continue;
    const charts = new Map<string, string>();
    for (const n of new Set(names)) charts.set(n, await render(dist, n));
    const out = html.replace(PLACEHOLDER, (_, n: string) => `<div class="prerender" data-prerender="${n}">${charts.get(n)}</div>`);
    const tmp = `${file}.tmp-${process.pid}`;
    writeFileSync(tmp, out);
    renameSync(tmp, file);
    count += names.length;
    console.log(`prerender: ${relative(dist, file)}: ${names.join(", ")}`);
  }
  return count;
}

if (import.meta.url === `file://${process.argv[1]}`) await prerender(process.argv[2] ?? "dist");
