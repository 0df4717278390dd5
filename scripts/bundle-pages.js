#!/usr/bin/env node
// Bundle each built page's JavaScript into a few files (run by `npm run build` as a postbuild step, before
// precompress). Why: Framework 1.13 serves every module as its own file: each d3-* package, each of our small
// single-purpose modules (the engine alone is ~40). The explorer made 104 requests; #12 allows 60 per page.
//
// For every dist/**/*.html, the modules its cells import (`import("./_import/...")`, `import("./_node/...")`) become
// esbuild entry points, bundled with code splitting into dist/_bundle/<page>/ (shared code in chunks; a module
// imported lazily stays a lazy chunk). Framework's own client (`_observablehq/*`) stays external, so the page
// keeps one runtime. The page's imports and modulepreload links are rewritten to the bundle. One bundle per page
// keeps one instance of every module on a page (module state such as the cached panel is not duplicated).
//
// Modules locate their files relative to themselves (`FileAttachment(..., import.meta.url)`,
// `import.meta.resolve("../../_node/@duckdb/...")`). Inside a bundle `import.meta.url` would be the bundle's URL, so
// each module's `import.meta.url` is replaced by its original URL computed from the bundle's own location: every
// relative path keeps meaning what it meant. The original files stay in dist (DuckDB's wasm and worker, workers).
// Usage: node scripts/bundle-pages.js [dir]
import {mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync, renameSync} from "node:fs";
import {dirname, join, relative, resolve, sep} from "node:path";
import {build} from "esbuild";

const posix = (p) => p.split(sep).join("/");

function* htmlFiles(dir, root = dir) {
  for (const e of readdirSync(dir, {withFileTypes: true})) {
    if (e.name.startsWith("_")) continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) yield* htmlFiles(p, root);
    else if (e.name.endsWith(".html")) yield p;
  }
}

/** esbuild plugin: keep Framework's client external; give each dist module its original import.meta.url. */
function distPlugin(root, outdir) {
  const client = join(root, "_observablehq") + sep;
  const rootRel = posix(relative(outdir, root)) + "/";
  return {
    name: "dtb-dist",
    setup(b) {
      b.onResolve({filter: /^\.\.?\//}, (args) => {
        const abs = resolve(args.resolveDir, args.path.replace(/[?#].*$/, ""));
        if (abs.startsWith(client)) return {path: posix(relative(outdir, abs)).replace(/^(?!\.)/, "./"), external: true};
        return {path: abs};
      });
      b.onLoad({filter: /\.js$/}, (args) => {
        let text = readFileSync(args.path, "utf8");
        if (text.includes("import.meta")) {
          const self = `new URL(${JSON.stringify(rootRel + posix(relative(root, args.path)))}, import.meta.url).href`;
          // url first: the resolve replacement below uses the bundle's own import.meta.url on purpose.
          text = text.replaceAll("import.meta.url", self);
          text = text.replace(/import\.meta\.resolve\(/g, `((s) => new URL(s, ${self}).href)(`);
        }
        return {contents: text, loader: "js"};
      });
    }
  };
}

/** Bundle one page; returns {entries, outputs} (counts) or null when the page imports no module. */
export async function bundlePage(root, htmlPath) {
  const html = readFileSync(htmlPath, "utf8");
  const base = /<base href="\/">/.test(html) ? root : dirname(htmlPath);
  const specs = [...new Set([...html.matchAll(/import\("(\.{1,2}\/[^"]*?_(?:import|node)\/[^"]+\.js)"\)/g)].map((m) => m[1]))];
  if (!specs.length) return null;
  const page = posix(relative(root, htmlPath)).replace(/\.html$/, "");
  const outdir = join(root, "_bundle", page);
  rmSync(outdir, {recursive: true, force: true});
  const entries = specs.map((s) => resolve(base, s));
  const result = await build({
    entryPoints: entries, bundle: true, splitting: true, format: "esm", outdir, write: true, metafile: true,
    minify: true, target: "es2022", platform: "browser", entryNames: "[name].[hash]", chunkNames: "chunk.[hash]",
    outbase: root, logLevel: "error", plugins: [distPlugin(root, outdir)]
  });
  // Map each entry to its output file, and find the files every entry loads at once (for modulepreload).
  const outputs = result.metafile.outputs;
  const byEntry = new Map();
  for (const [out, info] of Object.entries(outputs)) if (info.entryPoint) byEntry.set(resolve(info.entryPoint), resolve(out));
  const eager = new Set();
  const visit = (out) => {
    if (eager.has(out)) return;
    eager.add(out);
    for (const i of outputs[posix(relative(process.cwd(), out))]?.imports ?? []) if (i.kind === "import-statement" && !i.external) visit(resolve(i.path));
  };
  for (const out of byEntry.values()) visit(out);
  const from = (abs) => {
    const r = posix(relative(base, abs));
    return r.startsWith(".") ? r : `./${r}`;
  };
  let text = html;
  for (const [i, spec] of specs.entries()) {
    const out = byEntry.get(entries[i]);
    if (!out) throw new Error(`bundle-pages: no output for ${spec} in ${htmlPath}`);
    text = text.replaceAll(`import("${spec}")`, `import("${from(out)}")`);
  }
  // Preload the bundle instead of every original module (which the page no longer loads).
  const links = [...eager].map((o) => `<link rel="modulepreload" href="${from(o)}">`).join("\n");
  let placed = false;
  text = text.replace(/<link rel="modulepreload" href="[^"]*?_(?:import|node)\/[^"]*">\n?/g, () => (placed ? "" : ((placed = true), links + "\n")));
  if (!placed) text = text.replace("</head>", `${links}\n</head>`);
  writeFileSync(htmlPath + ".tmp", text);
  renameSync(htmlPath + ".tmp", htmlPath);
  return {entries: specs.length, outputs: Object.keys(outputs).filter((o) => o.endsWith(".js")).length, eager: eager.size};
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const root = resolve(process.argv[2] ?? "dist");
  const t = performance.now();
  mkdirSync(join(root, "_bundle"), {recursive: true});
  const lines = [];
  for (const html of htmlFiles(root)) {
    const r = await bundlePage(root, html);
    if (r) lines.push(`${posix(relative(root, html))}: ${r.entries} modules -> ${r.eager} files at load (${r.outputs} in all)`);
  }
  console.log(`bundle-pages: ${lines.length} pages in ${((performance.now() - t) / 1000).toFixed(1)} s\n  ${lines.join("\n  ")}`);
}
